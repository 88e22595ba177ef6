import { createHash, type Hash } from 'node:crypto';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { BatchCodec } from '../batch/modes.js';
import type { BatchPart } from '../batch/manifest.js';
import { placeRecord } from '../batch/rotation.js';
import { InputError } from '../errors.js';
import { type Indexed, indexOf, positionOf } from '../run-state/record-index.js';
import { FileAppender } from '../writers/file-appender.js';
import { stepper } from './steps.js';

export interface BatchFilesOptions {
  /** Directory the files go to (a temporary one, renamed by the command when complete). */
  dir: string;
  codec: BatchCodec;
  /** Where the input comes from, for errors. */
  name: string;
  url: string;
  maxRequests: number;
  maxBytes: number;
}

/** What the sink wrote, for the manifest. */
export interface BatchFilesSummary {
  parts: BatchPart[];
  inputs: number;
  requests: number;
  withoutRequest: number;
  estimatedPromptTokens: number;
}

/** The part being filled: its files, and what the current chunk adds to them (written once per chunk). */
interface OpenPart {
  /** Its number, in its files' names. */
  k: number;
  part: BatchPart;
  requests: FileAppender | null;
  inputs: FileAppender;
  hash: Hash;
  pendingRequests: string[];
  pendingInputs: string[];
}

const pad = (n: number) => String(n).padStart(5, '0');

/** Appends the part's pending lines to its files (the requests file is created with its first line). */
async function flushPart(dir: string, p: OpenPart): Promise<void> {
  if (p.pendingRequests.length) {
    const data = Buffer.from(p.pendingRequests.join(''), 'utf8');
    p.pendingRequests = [];
    if (!p.requests) {
      p.part.requests = `requests-${pad(p.k)}.jsonl`;
      p.requests = await FileAppender.open(join(dir, p.part.requests), null);
    }
    p.hash.update(data);
    await p.requests.write(data);
  }
  if (p.pendingInputs.length) {
    const data = Buffer.from(p.pendingInputs.join(''), 'utf8');
    p.pendingInputs = [];
    await p.inputs.write(data);
  }
}

/** Flushes and closes the part's files and records its hash. */
async function finishPart(dir: string, p: OpenPart): Promise<void> {
  await flushPart(dir, p);
  await p.requests?.close();
  await p.inputs.close();
  p.part.sha256 = p.requests ? p.hash.digest('hex') : null;
}

/** Closes the part's files as they are, unflushed (the command removes the unfinished directory). */
async function abortPart(p: OpenPart | null): Promise<void> {
  await Promise.all([p?.requests?.abort(), p?.inputs.abort()]);
}

/** One record's request lines, and their size in bytes. */
function requestLines(codec: BatchCodec, url: string, record: Indexed, index: number) {
  const requests = codec.requests(record, index);
  const lines = requests.map((r) => `{"custom_id":${JSON.stringify(r.id)},"method":"POST","url":${JSON.stringify(url)},"body":${r.body}}\n`);
  return { requests, lines, bytes: lines.reduce((n, l) => n + Buffer.byteLength(l, 'utf8'), 0) };
}

/** One record's line of the inputs file. `p`: its place in the whole input when it differs (a retried failure). */
function inputLine(record: Indexed, index: number, ids: string[]): string {
  const position = positionOf(record);
  return `${JSON.stringify(position === index ? { i: index, ids, record } : { i: index, p: position, ids, record })}\n`;
}

/**
 * The end of `gen-stream batch-export`: records (or corpus items) in, Batch API request files out —
 * `requests-00000.jsonl`, … of `{custom_id, method, url, body}` lines, each file within `maxRequests` lines
 * and `maxBytes` bytes, a record's requests never split across two files (the rule: batch/rotation.ts) — and
 * beside each an inputs file (`inputs-00000.jsonl`: position, custom_ids and the record) from which import
 * rebuilds the outputs. Each chunk's writes are awaited before the next chunk is taken, so memory stays flat
 * however long the input. Destroyed before its end, it closes the open part's files as they are.
 */
export function createBatchFilesSink(options: BatchFilesOptions, summary: BatchFilesSummary): Writable {
  const { dir, codec, url, maxRequests, maxBytes } = options;
  let open: OpenPart | null = null;

  const closePart = async () => {
    if (!open) return;
    await finishPart(dir, open);
    // Forgotten only once closed: a part whose close failed is still there for destroy to release.
    open = null;
  };

  const startPart = async (first: number): Promise<OpenPart> => {
    await closePart();
    const k = summary.parts.length;
    const part: BatchPart = { requests: null, inputs: `inputs-${pad(k)}.jsonl`, first, end: first, count: 0, bytes: 0, sha256: null };
    summary.parts.push(part);
    open = { k, part, requests: null, inputs: await FileAppender.open(join(dir, part.inputs), null), hash: createHash('sha256'), pendingRequests: [], pendingInputs: [] };
    return open;
  };

  const take = async (record: Indexed) => {
    const index = indexOf(record);
    const { requests, lines, bytes } = requestLines(codec, url, record, index);
    const placement = placeRecord(open?.part ?? { count: 0, bytes: 0 }, requests.length, bytes, { maxRequests, maxBytes });
    if (placement === 'oversize') {
      throw new InputError(`${options.name}: input ${index + 1} needs ${requests.length} requests of ${bytes} bytes, over batch.maxRequests ${maxRequests} / batch.maxBytes ${maxBytes}`);
    }
    const current = !open || placement === 'next' ? await startPart(index) : open;
    const { part } = current;
    if (requests.length) {
      current.pendingRequests.push(...lines);
      part.count += requests.length;
      part.bytes += bytes;
      summary.requests += requests.length;
      for (const r of requests) summary.estimatedPromptTokens += r.tokens;
    } else summary.withoutRequest++;
    current.pendingInputs.push(inputLine(record, index, requests.map((r) => r.id)));
    part.end = index + 1;
    summary.inputs++;
  };

  // The write or final under way: destroy waits for it (steps.ts).
  const { step, settled } = stepper();

  const sink: Writable = new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(chunk: Indexed[], _enc, callback) {
      step(
        (async () => {
          for (const record of chunk) {
            if (sink.destroyed) return;
            await take(record);
          }
          if (open && !sink.destroyed) await flushPart(dir, open);
        })(),
        callback,
      );
    },
    final(callback) {
      step(closePart(), callback);
    },
    destroy(err, callback) {
      // After a clean end nothing is open; after a failure the open part's files are closed unflushed.
      settled()
        .then(() => abortPart(open))
        .then(
          () => callback(err),
          (abortErr: Error) => callback(err ?? abortErr),
        );
    },
  });
  return sink;
}
