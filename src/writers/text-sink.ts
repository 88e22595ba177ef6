import type { Indexed } from '../run-state/record-index.js';
import { FileAppender } from './file-appender.js';
import type { RecordSink, SinkPosition } from './sink.js';

/**
 * A byte-oriented output (JSONL, CSV): `render` turns records into text; the position is the file length, so a
 * resume cuts the file back to it and appends. `render` is told whether the file was empty (for a header);
 * `preamble` (a BOM) is written first into an empty file.
 */
export async function openTextSink(
  format: 'jsonl' | 'csv',
  path: string,
  resume: SinkPosition | null,
  render: (records: readonly Indexed[], empty: boolean) => string,
  preamble = '',
): Promise<RecordSink> {
  const file = await FileAppender.open(path, resume?.bytes ?? null);
  // The header goes right after the preamble of a new file; a resumed file has it already.
  const fresh = file.bytes === 0;
  if (fresh && preamble) await file.write(Buffer.from(preamble, 'utf8'));
  const empty = fresh ? file.bytes : -1;
  const position = (): SinkPosition => ({ format, path, bytes: file.bytes });
  return {
    format,
    async write(records: readonly Indexed[]) {
      if (records.length) await file.write(Buffer.from(render(records, file.bytes === empty), 'utf8'));
    },
    async sync() {
      await file.sync();
      return position();
    },
    async close() {
      await file.close();
      return position();
    },
    abort: () => file.abort(),
  };
}
