import { Readable } from 'node:stream';
import { INDEX, type Indexed, POSITION } from '../run-state/record-index.js';

export interface IndexedBatchOptions {
  /** Records per emitted array. */
  batchSize: number;
  /** The run's stop: once aborted the source ends before its next batch (the input is left unread). */
  signal?: AbortSignal;
  /** Records to skip (a resume: the first `skip` were done before). */
  skip: number;
  /** Told how many records were read, when the input ends or the source stops. */
  onEnd?: (records: number) => void;
  /** A shard of a stream command: only input positions p with p mod count = index are this run's records. */
  stripe?: Stripe;
}

export type Stripe = { index: number; count: number };

/** True when input position `position` belongs to this run (always, without a stripe). */
export const inStripe = (stripe: Stripe | undefined, position: number): boolean => !stripe || position % stripe.count === stripe.index;

/**
 * Stands for an input record of another shard: counted as a position, never parsed nor emitted (sources skip
 * the parsing of other shards' lines with it).
 */
export const OTHER_SHARD: Indexed = Object.freeze({}) as Indexed;

/**
 * The common end of the record sources: groups of records (one per input chunk) in, arrays of `batchSize`
 * records out, each stamped with its input position (INDEX) — positions before `skip` are counted but not
 * emitted. With a stripe, only every n-th input position is this run's: INDEX counts this run's records (what
 * checkpoints and resumes count), POSITION keeps the place in the whole input (what ids are named by).
 * Pulled on demand, so backpressure reaches the input.
 */
export function indexedBatches<T extends Indexed>(groups: AsyncIterable<T[]>, options: IndexedBatchOptions): Readable {
  const { batchSize, signal, skip, onEnd, stripe } = options;
  const stopped = () => signal?.aborted === true;
  async function* batches(): AsyncGenerator<T[]> {
    let position = 0;
    let index = 0;
    let batch: T[] = [];
    for await (const group of groups) {
      for (const record of group) {
        if (inStripe(stripe, position)) {
          if (index >= skip) {
            record[INDEX] = index;
            // A record may bring its place from an earlier run (a failure file retried, a batch's inputs file).
            (record as { [POSITION]?: number })[POSITION] ??= position;
            batch.push(record);
          }
          index++;
        }
        position++;
      }
      if (batch.length >= batchSize) {
        if (stopped()) return onEnd?.(index - batch.length);
        yield batch;
        batch = [];
      }
    }
    if (batch.length && !stopped()) yield batch;
    onEnd?.(stopped() ? index - batch.length : index);
  }
  return Readable.from(batches(), { objectMode: true, highWaterMark: 2 });
}
