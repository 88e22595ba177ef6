import { Transform } from 'node:stream';
import type { RecordFormatter } from '../generator/record-format.js';
import { INDEX, type Indexed } from '../run-state/record-index.js';
import { REPORT } from '../run-state/run-stats.js';
import type { PersonChunk } from './person-chunk.js';

/**
 * PersonChunks in, arrays of record objects (with their input index) out — for stages that work on records (narratives, writers).
 * Reports the input positions taken (REPORT). Built from the same formatter as the JSONL output, so key order and values are exactly those of `sample`.
 */
export function createToRecords(format: RecordFormatter, width: number, from = 0): Transform {
  const stage = new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(chunk: PersonChunk, _enc, callback) {
      const records: Indexed[] = [];
      // Records before `from` were written by an earlier run: regenerated only to bring calibration up to date.
      for (let i = Math.max(0, from - chunk.start); i < chunk.count; i++) {
        const record = JSON.parse(format(chunk.codes, i * width, chunk.start + i)) as Indexed;
        record[INDEX] = chunk.start + i;
        records.push(record);
      }
      stage.emit(REPORT, { taken: chunk.start + chunk.count });
      callback(null, records.length ? records : undefined);
    },
  });
  return stage;
}
