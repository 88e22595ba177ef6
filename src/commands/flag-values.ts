/** Numeric flag values, checked where they are parsed (light: the help and mock-llm load it without the config). */
import { UsageError } from '../errors.js';

export function integerFlag(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`--${name}: expected an integer >= ${min}, received "${raw}"`);
  }
  return Number(raw);
}

export function numberFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name}: expected a positive number, received "${raw}"`);
  return n;
}
