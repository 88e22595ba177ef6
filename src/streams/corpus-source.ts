import { Readable } from 'node:stream';
import streamArray from 'stream-json/streamers/stream-array.js';
import { InputError } from '../errors.js';
import type { InputDigest } from '../run-state/input-digest.js';
import type { Indexed } from '../run-state/record-index.js';
import { indexedBatches, inStripe, OTHER_SHARD, type Stripe } from './indexed-batches.js';
import { lineBatches } from './line-batches.js';

export interface CorpusSourceOptions {
  /** Name used in places: a file path or `<stdin>`. */
  name: string;
  /** Field holding the text in object items (a bare JSON string is a text too). */
  textField: string;
  /** Field holding the source id; without one the item's place (`file:line`, `file[i]`) is its id. */
  idField: string;
  batchSize?: number;
  signal?: AbortSignal;
  /** Items to skip (a resume). */
  skip?: number;
  onEnd?: (items: number) => void;
  /** A shard: only every n-th item (by line, or by array element) is read and emitted. */
  stripe?: Stripe;
  /** Each item's line (or array element, as JSON) goes to it (what a checkpoint says was read). */
  digest?: InputDigest;
}

/** A corpus item as it travels: its text, or the problem that makes it unusable, and where it came from. */
export interface CorpusItem extends Indexed {
  source_id: string;
  where: string;
  text?: string;
  problem?: string;
  /** The start of an unusable line, for the failure file. */
  raw?: string;
}

const RAW_CHARS = 300;

function itemOf(value: unknown, where: string, options: CorpusSourceOptions): CorpusItem {
  if (typeof value === 'string') return value.trim() === '' ? { source_id: where, where, problem: 'empty text' } : { source_id: where, where, text: value };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { source_id: where, where, problem: 'not a JSON object or string' };
  const obj = value as Record<string, unknown>;
  const id = obj[options.idField];
  const sourceId = typeof id === 'string' || typeof id === 'number' ? String(id) : where;
  const text = obj[options.textField];
  if (typeof text !== 'string') return { source_id: sourceId, where, problem: `no "${options.textField}" string` };
  if (text.trim() === '') return { source_id: sourceId, where, problem: 'empty text' };
  return { source_id: sourceId, where, text };
}

/** Reads until the first non-space character: `[` means one JSON array, anything else JSONL. */
async function sniff(input: AsyncIterable<Buffer | string>): Promise<{ isArray: boolean; all: AsyncIterable<Buffer | string> }> {
  const it = input[Symbol.asyncIterator]();
  const head: Array<Buffer | string> = [];
  let first: string | null = null;
  while (first === null) {
    const next = await it.next();
    if (next.done) break;
    head.push(next.value);
    const text = (typeof next.value === 'string' ? next.value : next.value.toString('latin1')).replace(/^\uFEFF|^\xEF\xBB\xBF/, '');
    const m = /\S/.exec(text);
    if (m) first = m[0];
  }
  async function* all() {
    yield* head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { isArray: first === '[', all: all() };
}

/**
 * A text corpus in, arrays of CorpusItems out: JSONL (one object or string per line) or one large JSON array
 * (streamed by stream-json, so a multi-GB file needs flat memory). Every line or element becomes one item —
 * blank, malformed or textless ones too, carrying their problem and place, so the next stage can account
 * for each in the failure file. A JSON array that breaks off mid-way is an InputError (nothing after it can
 * be read).
 */
export function createCorpusSource(input: AsyncIterable<Buffer | string>, options: CorpusSourceOptions): Readable {
  const { name, batchSize = 64, signal, skip = 0, onEnd, stripe, digest } = options;
  async function* items(): AsyncGenerator<CorpusItem[]> {
    const { isArray, all } = await sniff(input);
    yield* isArray ? arrayItems(all, options) : lineItems(all, options);
  }
  return indexedBatches(items(), { batchSize, signal, skip, onEnd, stripe, digest });
}

async function* lineItems(input: AsyncIterable<Buffer | string>, options: CorpusSourceOptions): AsyncGenerator<CorpusItem[]> {
  let lineNo = 0;
  for await (const lines of lineBatches(input, options.name)) {
    const out: CorpusItem[] = [];
    for (let line of lines) {
      lineNo++;
      options.digest?.push(line);
      if (!inStripe(options.stripe, lineNo - 1)) {
        out.push(OTHER_SHARD as CorpusItem);
        continue;
      }
      if (lineNo === 1) line = line.replace(/^\uFEFF/, '');
      const where = `${options.name}:${lineNo}`;
      if (line.trim() === '') {
        out.push({ source_id: where, where, problem: 'empty line' });
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        out.push({ source_id: where, where, problem: `malformed JSON: ${(err as Error).message}`, raw: line.slice(0, RAW_CHARS) });
        continue;
      }
      const item = itemOf(value, where, options);
      if (item.problem) item.raw = line.slice(0, RAW_CHARS);
      out.push(item);
    }
    yield out;
  }
}

async function* arrayItems(input: AsyncIterable<Buffer | string>, options: CorpusSourceOptions): AsyncGenerator<CorpusItem[]> {
  const parser = streamArray.withParserAsStream();
  const bytes = Readable.from(input, { objectMode: false });
  bytes.on('error', (err) => parser.destroy(err));
  bytes.pipe(parser);
  let count = 0;
  let out: CorpusItem[] = [];
  try {
    for await (const { key, value } of parser as AsyncIterable<{ key: number; value: unknown }>) {
      count++;
      options.digest?.push(JSON.stringify(value) ?? '');
      out.push(itemOf(value, `${options.name}[${key}]`, options));
      if (out.length >= 64) {
        yield out;
        out = [];
      }
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`${options.name}: the JSON array cannot be read after element ${count}: ${(err as Error).message}`);
  } finally {
    bytes.destroy();
  }
  if (out.length) yield out;
}
