import { Readable } from 'node:stream';
import { INDEX, type Indexed } from '../record-index.js';

export interface IndexedBatchOptions {
  /** Records per emitted array. */
  batchSize: number;
  /** Checked before each batch: true ends the source (the input is left unread). */
  shouldStop: () => boolean;
  /** Records to skip (a resume: the first `skip` were done before). */
  skip: number;
  /** Told how many records were read, when the input ends or the source stops. */
  onEnd?: (records: number) => void;
}

/**
 * The common end of the record sources: groups of records (one per input chunk) in, arrays of `batchSize`
 * records out, each stamped with its input position (INDEX) — positions before `skip` are counted but not
 * emitted. Pulled on demand, so backpressure reaches the input.
 */
export function indexedBatches<T extends Indexed>(groups: AsyncIterable<T[]>, options: IndexedBatchOptions): Readable {
  const { batchSize, shouldStop, skip, onEnd } = options;
  async function* batches(): AsyncGenerator<T[]> {
    let index = 0;
    let batch: T[] = [];
    for await (const group of groups) {
      for (const record of group) {
        if (index >= skip) {
          record[INDEX] = index;
          batch.push(record);
        }
        index++;
      }
      if (batch.length >= batchSize) {
        if (shouldStop()) return onEnd?.(index - batch.length);
        yield batch;
        batch = [];
      }
    }
    if (batch.length && !shouldStop()) yield batch;
    onEnd?.(shouldStop() ? index - batch.length : index);
  }
  return Readable.from(batches(), { objectMode: true, highWaterMark: 2 });
}
