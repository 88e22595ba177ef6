import type { RecordSink, SinkPosition } from './sink.js';
import { openTextSink } from './text-sink.js';

/** RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
function field(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV (RFC 4180, UTF-8, CRLF line ends, header row). Columns are the first record's top-level keys; lists and
 * nested objects (big_five) are written as JSON text in one field.
 */
export function openCsvSink(path: string, resume: SinkPosition | null): Promise<RecordSink> {
  let columns: string[] | null = null;
  return openTextSink('csv', path, resume, (records, empty) => {
    columns ??= Object.keys(records[0]);
    let text = empty ? `${columns.map(field).join(',')}\r\n` : '';
    for (const r of records) text += `${columns.map((c) => field(r[c])).join(',')}\r\n`;
    return text;
  });
}
