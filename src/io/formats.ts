/** The record formats gen-stream reads and writes, and how a path names one: the one list of them. */
import { UsageError } from '../errors.js';

export const FORMATS = ['jsonl', 'csv', 'arrow', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSIONS: Array<[RegExp, Format]> = [
  [/\.(jsonl|ndjson)$/i, 'jsonl'],
  [/\.csv$/i, 'csv'],
  // `.arrow`, `.feather` and `.ipc` are the Arrow IPC file format, `.arrows` the stream format.
  [/\.(arrows?|feather|ipc)$/i, 'arrow'],
  [/\.parquet\/?$/i, 'parquet'],
];

/** The format a path's extension names, or null (stdout, a device, a name without a known extension). */
export function extensionFormat(path: string): Format | null {
  return EXTENSIONS.find(([re]) => re.test(path))?.[1] ?? null;
}

/**
 * The format of one path: `override` (`--format`) if given, else the extension; stdout and devices (`/dev/null`,
 * `/dev/stdout`, `/dev/fd/3`: no extension to read) are JSONL unless told otherwise. An override that contradicts the extension (`-o x.parquet --format csv`) is refused: it would
 * write one format under another's name.
 */
export function formatOf(path: string, override: Format | undefined): Format {
  const named = path === '-' ? null : extensionFormat(path);
  if (override && named && override !== named) throw new UsageError(`--format ${override} contradicts the extension of output "${path}" (${named}); leave out --format or rename the output`);
  if (override) return override;
  if (path === '-' || path.startsWith('/dev/')) return 'jsonl';
  if (!named) throw new UsageError(`cannot tell the format of output "${path}" from its extension (.jsonl .csv .arrow .feather .arrows .parquet); give --format`);
  return named;
}
