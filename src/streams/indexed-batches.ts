import { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import type { InputDigest } from '../run-state/input-digest.js';
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
  /**
   * Told of a bad input record (an InputError of the reader: malformed JSON, a value that does not fit): the
   * source then ends as a stop does, so what came before is written and checkpointed and the run can resume
   * once the line is fixed. Without it the error fails the pipeline.
   */
  onInputError?: (err: InputError) => void;
  /** Hashes each input position as it is counted (its source queued the text): what checkpoints say was read. */
  digest?: InputDigest;
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
  const { batchSize, signal, skip, stripe, onInputError, digest } = options;
  const stopped = () => signal?.aborted === true;
  const onEnd = (records: number, stop: boolean) => {
    digest?.ended(stop);
    options.onEnd?.(records);
  };
  async function* batches(): AsyncGenerator<T[]> {
    let position = 0;
    let index = 0;
    let batch: T[] = [];
    const it = groups[Symbol.asyncIterator]();
    try {
      for (;;) {
        let next: Awaited<ReturnType<typeof nextUnlessStopped<T[]>>>;
        try {
          next = await nextUnlessStopped(it, signal);
        } catch (err) {
          if (!(err instanceof InputError) || !onInputError) throw err;
          onInputError(err);
          return onEnd(index - batch.length, false);
        }
        if (next === STOPPED) return onEnd(index - batch.length, true);
        if (next.done) break;
        for (const record of next.value) {
          digest?.take();
          if (inStripe(stripe, position)) {
            if (index >= skip) {
              record[INDEX] = index;
              // A record may bring its place from an earlier run (a failure file retried, a batch's inputs file).
              (record as { [POSITION]?: number })[POSITION] ??= position;
              batch.push(record);
            }
            index++;
            digest?.counted(index);
          }
          position++;
        }
        if (batch.length >= batchSize) {
          if (stopped()) return onEnd(index - batch.length, true);
          digest?.mark(index);
          yield batch;
          batch = [];
        }
      }
    } finally {
      // Stopped while waiting (or ended early): the input is released unread, without waiting for its next chunk.
      void Promise.resolve(it.return?.()).catch(() => undefined);
    }
    if (!stopped()) digest?.mark(index);
    if (batch.length && !stopped()) yield batch;
    onEnd(stopped() ? index - batch.length : index, stopped());
  }
  return Readable.from(batches(), { objectMode: true, highWaterMark: 2 });
}

const STOPPED = Symbol('stopped');

/**
 * The input's next group, or STOPPED as soon as the run's stop fires, even while the input has nothing to give
 * (a pipe held open, a terminal): the first Ctrl-C must not wait for more input. The pending read is abandoned.
 */
async function nextUnlessStopped<T>(it: AsyncIterator<T>, signal: AbortSignal | undefined): Promise<IteratorResult<T> | typeof STOPPED> {
  if (signal?.aborted) return STOPPED;
  const next = it.next();
  if (!signal) return next;
  let onAbort = () => {};
  const stopped = new Promise<typeof STOPPED>((resolve) => {
    onAbort = () => resolve(STOPPED);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const winner = await Promise.race([next, stopped]);
    if (winner === STOPPED) next.catch(() => undefined);
    return winner;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
