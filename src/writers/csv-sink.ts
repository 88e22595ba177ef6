import type { Indexed } from '../record-index.js';
import { FileAppender } from './file-appender.js';
import type { RecordSink, SinkPosition } from './sink.js';

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
export async function openCsvSink(path: string, resume: SinkPosition | null): Promise<RecordSink> {
  const file = await FileAppender.open(path, resume?.bytes ?? null);
  let columns: string[] | null = null;
  let headerDone = (resume?.bytes ?? 0) > 0;
  const position = (): SinkPosition => ({ format: 'csv', path, bytes: file.bytes });
  return {
    format: 'csv',
    async write(records: readonly Indexed[]) {
      if (!records.length) return;
      columns ??= Object.keys(records[0]);
      let text = '';
      if (!headerDone) {
        text += `${columns.map(field).join(',')}\r\n`;
        headerDone = true;
      }
      for (const r of records) text += `${columns.map((c) => field(r[c])).join(',')}\r\n`;
      await file.write(Buffer.from(text, 'utf8'));
    },
    async sync() {
      await file.sync();
      return position();
    },
    async close() {
      await file.close();
      return position();
    },
  };
}
