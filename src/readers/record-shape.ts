/**
 * From a columnar row (Arrow, Parquet) back to the record JSONL holds: the shape the writers flattened
 * (writers/columns.ts: big_five.openness.t_score → big_five_openness_t_score) rebuilt, integers as numbers,
 * lists as arrays. Pure: no I/O, so it is tested on plain values.
 */
import { Vector } from 'apache-arrow';
import { TRAITS } from '../generator/big-five.js';

export type Row = Record<string, unknown>;

// Only big_five is flattened by our writers; a generic "_" split would be ambiguous (t_score holds one).
const BIG_FIVE = new RegExp(`^big_five_(${TRAITS.join('|')})_(.+)$`);

/** Where each column of a columnar file goes in the record, in column order (column order is key order). */
export function pathsOf(names: readonly string[]): string[][] {
  return names.map((name) => {
    const m = BIG_FIVE.exec(name);
    return m ? ['big_five', m[1], m[2]] : [name];
  });
}

/**
 * A value as JSON would carry it. bigint (Int64 columns) → number: our integers (ages, depths, scores) are far
 * inside 2^53; a larger one would not have survived JSONL either. Arrow list vectors and struct rows, and the
 * `{ list: [{ element }] }` group a standard 3-level Parquet LIST comes back as, become arrays and objects.
 */
export function plainValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainValue);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<unknown>, plainValue);
  if (value instanceof Vector) return Array.from(value as Iterable<unknown>, plainValue);
  const v = value as { toArray?: unknown; toJSON?: () => unknown; [Symbol.iterator]?: unknown };
  // A struct row is iterable too (as [key, value] pairs) but is an object: its toJSON says so.
  if (typeof v.toArray === 'function' && typeof v[Symbol.iterator] === 'function' && typeof v.toJSON !== 'function') return Array.from(value as Iterable<unknown>, plainValue);
  const obj = (typeof v.toJSON === 'function' ? v.toJSON() : value) as Row;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0] === 'list' && Array.isArray(obj.list)) {
    return obj.list.map((e) => plainValue(e !== null && typeof e === 'object' && ('element' in e || 'item' in e) ? ((e as Row).element ?? (e as Row).item) : e));
  }
  const out: Row = {};
  for (const k of keys) out[k] = plainValue(obj[k]);
  return out;
}

/** One record from its column values (in the order `paths` was made from); a missing value is null, as JSONL writes it. */
export function shapeRow(paths: readonly (readonly string[])[], values: readonly unknown[]): Row {
  const row: Row = {};
  for (let i = 0; i < paths.length; i++) {
    const path = paths[i];
    const value = plainValue(values[i]);
    if (path.length === 1) {
      row[path[0]] = value;
      continue;
    }
    let at = row;
    for (let d = 0; d < path.length - 1; d++) at = (at[path[d]] ??= {}) as Row;
    at[path[path.length - 1]] = value;
  }
  return row;
}
