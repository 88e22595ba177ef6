import { Transform } from 'node:stream';
import type { RecordFormatter } from '../record-format.js';
import type { PersonChunk } from './person-chunk.js';

/**
 * PersonChunks in, arrays of record objects out — for stages that work on records (narratives, writers).
 * Built from the same formatter as the JSONL output, so key order and values are exactly those of `sample`.
 */
export function createToRecords(format: RecordFormatter, width: number): Transform {
  return new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(chunk: PersonChunk, _enc, callback) {
      const records: Record<string, unknown>[] = new Array(chunk.count);
      for (let i = 0; i < chunk.count; i++) records[i] = JSON.parse(format(chunk.codes, i * width, chunk.start + i)) as Record<string, unknown>;
      callback(null, records);
    },
  });
}
