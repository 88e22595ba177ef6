import { Transform } from 'node:stream';
import type { RecordFormatter } from '../generator/record-format.js';
import type { PersonChunk } from './person-chunk.js';

/** PersonChunks in, JSONL text out: one line per record, one string per chunk (batching keeps it fast). */
export function createFormatJsonl(format: RecordFormatter, width: number): Transform {
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 2,
    readableObjectMode: false,
    transform(chunk: PersonChunk, _enc, callback) {
      let text = '';
      for (let i = 0; i < chunk.count; i++) text += format(chunk.codes, i * width, chunk.start + i) + '\n';
      callback(null, text);
    },
  });
}
