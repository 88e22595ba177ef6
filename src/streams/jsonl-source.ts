import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import type { InputDigest } from '../run-state/input-digest.js';
import { type Indexed, POSITION } from '../run-state/record-index.js';
import { type IndexedBatchOptions, indexedBatches, inStripe, OTHER_SHARD, type Stripe } from './indexed-batches.js';
import { lineBatches, MAX_LINE_BYTES } from './line-batches.js';

export interface JsonlSourceOptions {
  /** Name used in errors: a file path or `<stdin>`. */
  name: string;
  /** Records per emitted array. */
  batchSize?: number;
  /** A line longer than this is an error, not an unbounded buffer. */
  maxLineBytes?: number;
  /** The run's stop: once aborted the source ends (the input is closed, unread). */
  signal?: AbortSignal;
  /** Takes a parsed line and returns the record to emit (e.g. a failure entry's `record`). */
  select?: (value: Record<string, unknown>, where: string) => Record<string, unknown>;
  /** Records to skip (a resumed pipe: the first `skip` records were done before). */
  skip?: number;
  /** Told how many records were read, when the input ends or the source stops. */
  onEnd?: (records: number) => void;
  /** A shard: only every n-th record (by position among the non-blank lines) is read and emitted. */
  stripe?: Stripe;
  /** A bad line ends the source as a stop does (see IndexedBatchOptions.onInputError); else it fails the pipeline. */
  onInputError?: IndexedBatchOptions['onInputError'];
  /** Each record's line goes to it (what a checkpoint says was read). */
  digest?: InputDigest;
}

export { MAX_LINE_BYTES };

/**
 * JSONL in (any byte stream), arrays of objects out. Blank lines are skipped; anything else that is not a JSON
 * object is an InputError naming `file:line` (exit 2). Pulled on demand, so backpressure reaches the input.
 */
export function createJsonlSource(input: AsyncIterable<Buffer | string>, options: JsonlSourceOptions): Readable {
  const { name, batchSize = 256, maxLineBytes = MAX_LINE_BYTES, signal, select = (v) => v, skip = 0, onEnd, stripe, onInputError, digest } = options;
  async function* records(): AsyncGenerator<Indexed[]> {
    let lineNo = 0;
    let position = 0;
    for await (const lines of lineBatches(input, name, maxLineBytes)) {
      const group: Indexed[] = [];
      for (const line of lines) {
        lineNo++;
        if (line.trim() === '') continue;
        digest?.push(line);
        if (!inStripe(stripe, position++)) {
          group.push(OTHER_SHARD);
          continue;
        }
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (err) {
          throw new InputError(`${name}:${lineNo}: malformed JSON: ${(err as Error).message}`);
        }
        if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${name}:${lineNo}: expected a JSON object per line`);
        group.push(select(value as Record<string, unknown>, `${name}:${lineNo}`));
      }
      yield group;
    }
  }
  return indexedBatches(records(), { batchSize, signal, skip, onEnd, stripe, onInputError, digest });
}

/**
 * `select` for reading a failure file (`--retry-failed`): each entry's record, keeping the place it had in the
 * failed run's whole input, so that what is named by position (Persona Hub ids) comes out as the first try
 * would have made it.
 */
export function failureRecord(value: Record<string, unknown>, where: string): Record<string, unknown> {
  if (typeof value.record !== 'object' || value.record === null || Array.isArray(value.record)) throw new InputError(`${where}: not a failure entry (no "record" object)`);
  const record = value.record as Indexed & { [POSITION]?: number };
  const position = typeof value.position === 'number' ? value.position : value.index;
  if (typeof position === 'number' && Number.isSafeInteger(position) && position >= 0) record[POSITION] = position;
  return record;
}
