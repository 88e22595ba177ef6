import type { Indexed } from '../record-index.js';
import { FileAppender } from './file-appender.js';
import type { RecordSink, SinkPosition } from './sink.js';

/** JSONL: one record per line, keys in the record's order. */
export async function openJsonlSink(path: string, resume: SinkPosition | null): Promise<RecordSink> {
  const file = await FileAppender.open(path, resume?.bytes ?? null);
  const position = (): SinkPosition => ({ format: 'jsonl', path, bytes: file.bytes });
  return {
    format: 'jsonl',
    async write(records: readonly Indexed[]) {
      let text = '';
      for (const r of records) text += `${JSON.stringify(r)}\n`;
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
