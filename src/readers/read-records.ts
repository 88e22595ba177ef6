/** Which reader a record file needs, by `--input-format` or its extension, and the readers behind one call. */
import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { type Format, FORMATS, formatOf } from '../io/formats.js';
import { checkArrow, readArrow } from './arrow.js';
import { readCsv } from './csv.js';
import { checkText } from './file-head.js';
import { checkJsonl, readJsonl } from './jsonl.js';
import { parquetParts, readParquet } from './parquet.js';
import type { Row } from './record-shape.js';


// Input names more than outputs: `.feather`/`.ipc` (Arrow IPC file) and `.json` (a corpus array) are read too.
const EXTENSIONS: Array<[RegExp, Format]> = [
  [/\.(jsonl|ndjson|json)$/i, 'jsonl'],
  [/\.csv$/i, 'csv'],
  [/\.(arrows?|feather|ipc)$/i, 'arrow'],
  [/\.parquet\/?$/i, 'parquet'],
];

/** `--input-format F`, checked: one of the formats, or undefined when not given. */
export function inputFormatFlag(raw: string | undefined): Format | undefined {
  if (raw === undefined) return undefined;
  if (!(FORMATS as readonly string[]).includes(raw)) throw new UsageError(`--input-format: expected ${FORMATS.join('|')}, received "${raw}"`);
  return raw as Format;
}

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The format of an input file: `override`, else its extension, else a directory is a Parquet dataset, else
 * `fallback` (the stream commands read any other name as JSONL, as they always have).
 */
export function inputFormatOf(path: string, override: Format | undefined, fallback: Format | null): Format {
  if (override) return override;
  const hit = EXTENSIONS.find(([re]) => re.test(path));
  if (hit) return hit[1];
  if (isDirectory(path)) return 'parquet';
  return fallback ?? formatOf(path, undefined);
}

/** Up front, synchronously: the file is what its format says (throws an InputError naming it otherwise). */
export function checkRecordFile(path: string, format: Format): void {
  if (format === 'parquet') parquetParts(path);
  else if (format === 'arrow') checkArrow(path);
  else if (format === 'jsonl') checkJsonl(path);
  else checkText(path, 'CSV');
}

/**
 * Records of a file of any format, in arrays of at most `groupSize`, each shaped as JSONL holds it (big_five
 * nested again, numbers as numbers, lists as arrays). The file is checked before this returns.
 */
export function recordBatches(path: string, format: Format, groupSize?: number): AsyncIterable<Row[]> {
  if (format === 'csv') return readCsv(path, groupSize);
  if (format === 'arrow') return readArrow(path, groupSize);
  if (format === 'parquet') return readParquet(path, groupSize);
  return readJsonl(path);
}

/** What `validate` and `card` read: any output format; a name whose format is unknown is a usage error. */
export function readRecords(path: string, format?: Format): AsyncIterable<Row[]> {
  return recordBatches(path, inputFormatOf(path, format, null));
}
