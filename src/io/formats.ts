/** The record formats gen-stream reads and writes, and how a path names one: the one list of them. */
import { UsageError } from '../errors.js';

export const FORMATS = ['jsonl', 'csv', 'arrow', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSIONS: Array<[RegExp, Format]> = [
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.csv$/i, 'csv'],
  [/\.arrows?$/i, 'arrow'],
  [/\.parquet\/?$/i, 'parquet'],
];

/** The format of one path: `override` if given, else the extension; stdout is JSONL unless told otherwise. */
export function formatOf(path: string, override: Format | undefined): Format {
  if (override) return override;
  if (path === '-') return 'jsonl';
  const hit = EXTENSIONS.find(([re]) => re.test(path));
  if (!hit) throw new UsageError(`cannot tell the format of output "${path}" from its extension (.jsonl .csv .arrows .parquet); give --format`);
  return hit[1];
}
