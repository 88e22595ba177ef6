import type { Readable } from 'node:stream';
import { readerOf } from '../readers/record-input.js';
import type { InputDigest } from '../run-state/input-digest.js';
import { createCorpusSource } from './corpus-source.js';
import { type IndexedBatchOptions, indexedBatches, type Stripe } from './indexed-batches.js';
import { createJsonlSource, failureRecord } from './jsonl-source.js';
import { markRecord, type RecordCheck } from './record-check.js';

export interface InputSourceOptions {
  name: string;
  /** The input is a failure file (`--retry-failed`): its entries' records, each keeping its place. */
  failures?: boolean;
  /** The input is a text corpus (JSONL or one JSON array) with these fields; otherwise JSONL records. */
  corpus?: { textField: string; idField: string };
  batchSize?: number;
  signal?: AbortSignal;
  skip?: number;
  stripe?: Stripe;
  onEnd?: (records: number) => void;
  onInputError?: IndexedBatchOptions['onInputError'];
  /** Hashes what is read, position by position (a resume checks its input against the checkpoint's). */
  digest?: InputDigest;
  /** What the stage needs of a record: one that fails is marked (with `file:line`) for the stage to fail. */
  check?: RecordCheck;
}

/**
 * The source a command's input calls for. A failure file is JSONL whatever the command: it holds the records
 * (or corpus items) as they were taken, so a corpus retry does not go through the corpus reader again. A CSV,
 * Arrow or Parquet input (openInput) brings its reader: its records go through the same indexedBatches as
 * JSONL's (positions, resume skip, stripes, the stop, onEnd); as a corpus it is read as the JSONL it stands
 * for, so an item's place is `file:row`.
 */
export function createInputSource(input: AsyncIterable<Buffer | string>, options: InputSourceOptions): Readable {
  const { failures, corpus, check, ...rest } = options;
  // The stop releases the input: a pipe held open (or a terminal) would otherwise keep the process waiting.
  if (isStream(input)) rest.signal?.addEventListener('abort', () => input.destroy(), { once: true });
  if (failures) return createJsonlSource(input, { ...rest, select: (v, where) => markRecord(failureRecord(v, where), where, check) });
  if (corpus) return createCorpusSource(input, { ...rest, ...corpus });
  const read = readerOf(input);
  if (!read) return createJsonlSource(input, { ...rest, select: check && ((v, where) => markRecord(v, where, check)) });
  const { batchSize = 256, signal, skip = 0, stripe, onEnd, onInputError, digest } = rest;
  // The digest hashes a row as read, before the check marks it.
  let groups = read(batchSize);
  if (digest) groups = digested(groups, digest);
  if (check) groups = checked(groups, rest.name, check);
  return indexedBatches(groups, { batchSize, signal, skip, stripe, onEnd, onInputError, digest });
}

/** A CSV, Arrow or Parquet record has no line of its own: its JSON stands for it in the digest. */
async function* digested<T>(groups: AsyncIterable<T[]>, digest: InputDigest): AsyncGenerator<T[]> {
  for await (const group of groups) {
    for (const record of group) digest.push(JSON.stringify(record));
    yield group;
  }
}

/** A columnar or CSV reader's rows, checked; a row's place is its number among the file's records. */
async function* checked(groups: AsyncIterable<Record<string, unknown>[]>, name: string, check: RecordCheck): AsyncGenerator<Record<string, unknown>[]> {
  let n = 0;
  for await (const rows of groups) {
    for (const r of rows) markRecord(r, `${name}: record ${++n}`, check);
    yield rows;
  }
}

const isStream = (input: AsyncIterable<Buffer | string>): input is Readable => typeof (input as Partial<Readable>).destroy === 'function';
