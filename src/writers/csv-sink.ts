import type { RecordSink, SinkPosition } from './sink.js';
import { openTextSink } from './text-sink.js';

/**
 * One field. A missing value (null) is an empty field; a string is quoted when it is empty (so "" is the empty
 * string, distinct from null), or holds a comma, a quote, CR or LF, with quotes doubled; lists and objects
 * (big_five) are their JSON text; booleans `true`/`false`; numbers as JSON writes them.
 */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text === '' || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
  /** Start the file with a UTF-8 byte-order mark (Excel needs it to read UTF-8). */
  bom: boolean;
}

/**
 * CSV (RFC 4180, UTF-8, CRLF line ends, header row). Columns are the first record's top-level keys, in order
 * (the same names as the Parquet and Arrow columns).
 */
export function openCsvSink(path: string, resume: SinkPosition | null, options: CsvOptions = { bom: false }): Promise<RecordSink> {
  let columns: string[] | null = null;
  return openTextSink(
    'csv',
    path,
    resume,
    (records, empty) => {
      columns ??= Object.keys(records[0]);
      let text = empty ? `${columns.map(csvField).join(',')}\r\n` : '';
      for (const r of records) text += `${columns.map((c) => csvField(r[c])).join(',')}\r\n`;
      return text;
    },
    options.bom ? '\ufeff' : '',
  );
}
