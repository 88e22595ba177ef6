import { createReadStream } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { lineBatches } from '../streams/line-batches.js';
import { indexOfCustomId } from './custom-id.js';
import type { BatchManifest } from './manifest.js';

/** One result line, reduced to what import needs: the answer text and usage, or why there is none. */
export type BatchResult =
  | { id: string; where: string; ok: true; content: string; usage: [number, number] }
  | { id: string; where: string; ok: false; message: string; status: number | null };

/** Spooled results are flushed to their part's file once this much is buffered in all. */
const SPOOL_BUFFER_BYTES = 16 * 1024 * 1024;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Reads one line of a Batch API output or error file: `{custom_id, response: {status_code, body}, error}`.
 * A 200 response carries a chat completion; anything else (a non-200 status, an `error` such as
 * batch_expired, a completion without content) is a result that failed, kept with its reason.
 */
export function parseResultLine(line: string, where: string): BatchResult {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    throw new InputError(`${where}: malformed JSON: ${(err as Error).message}`);
  }
  if (!isObject(value) || typeof value.custom_id !== 'string') throw new InputError(`${where}: not a Batch API result line (no "custom_id" string)`);
  const id = value.custom_id;
  if (!('response' in value) && !('error' in value)) throw new InputError(`${where}: not a Batch API result line (neither "response" nor "error")`);
  const response = isObject(value.response) ? value.response : null;
  const status = typeof response?.status_code === 'number' ? response.status_code : null;
  const body = isObject(response?.body) ? response.body : null;
  const failed = (message: string): BatchResult => ({ id, where, ok: false, message, status });
  if (isObject(value.error)) return failed(`${String(value.error.code ?? 'error')}: ${String(value.error.message ?? '')}`.trim());
  if (status !== 200) {
    const e = isObject(body?.error) ? body.error : null;
    return failed(`HTTP ${status ?? '?'}${e ? `: ${String(e.code ?? e.type ?? '')} ${String(e.message ?? '')}`.trimEnd() : ''}`);
  }
  const choice = Array.isArray(body?.choices) && isObject(body.choices[0]) ? body.choices[0] : null;
  const message = isObject(choice?.message) ? choice.message : null;
  if (typeof message?.content !== 'string') {
    return failed(typeof message?.refusal === 'string' ? `refused: ${message.refusal}` : 'a 200 response without message content');
  }
  const usage = isObject(body?.usage) ? body.usage : {};
  const tokens = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  return { id, where, ok: true, content: message.content, usage: [tokens(usage.prompt_tokens), tokens(usage.completion_tokens)] };
}

/** The part (request file) holding input position `index`, by binary search over the parts' ranges. */
export function partOf(manifest: BatchManifest, index: number): number {
  const { parts } = manifest;
  let lo = 0;
  let hi = parts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (index < parts[mid].first) hi = mid - 1;
    else if (index >= parts[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export const spoolFile = (spoolDir: string, part: number) => join(spoolDir, `results-${String(part).padStart(5, '0')}.jsonl`);

/**
 * Routes every result line of every file to a spool file of its part (the custom_id carries the input
 * position), so that import can then merge one part at a time in input order with one part's answers in
 * memory, however the provider ordered or split the results. Bad lines are InputErrors with `file:line`,
 * found before anything is written.
 */
export async function spoolResults(files: readonly string[], manifest: BatchManifest, spoolDir: string): Promise<number> {
  const buffers = new Map<number, string[]>();
  let buffered = 0;
  let lines = 0;
  const flush = async () => {
    for (const [part, chunks] of buffers) await appendFile(spoolFile(spoolDir, part), chunks.join(''));
    buffers.clear();
    buffered = 0;
  };
  for (const file of files) {
    let lineNo = 0;
    for await (const batch of lineBatches(createReadStream(file), file)) {
      for (const line of batch) {
        lineNo++;
        if (line.trim() === '') continue;
        const where = `${file}:${lineNo}`;
        const result = parseResultLine(line, where);
        const index = indexOfCustomId(result.id);
        if (index === null) throw new InputError(`${where}: custom_id "${result.id.slice(0, 80)}" was not written by gen-stream batch-export`);
        const part = partOf(manifest, index);
        if (part < 0) throw new InputError(`${where}: custom_id "${result.id}" names input ${index}, outside this export (${manifest.inputs} inputs)`);
        const text = `${JSON.stringify(result)}\n`;
        const chunks = buffers.get(part);
        if (chunks) chunks.push(text);
        else buffers.set(part, [text]);
        buffered += text.length;
        lines++;
        if (buffered >= SPOOL_BUFFER_BYTES) await flush();
      }
    }
  }
  await flush();
  return lines;
}

/** Counts of one part's (or all parts') results, for the summary. */
export interface ResultCounts {
  answered: number;
  failed: number;
  duplicates: number;
}

/**
 * One part's results by custom_id. A successful result beats a failed one (a resubmitted request's answer
 * after the first try's error file); of two successes the first read is kept and the other counted.
 */
export async function loadPartResults(spoolDir: string, part: number, counts: ResultCounts): Promise<Map<string, BatchResult>> {
  const results = new Map<string, BatchResult>();
  let stream;
  try {
    stream = createReadStream(spoolFile(spoolDir, part));
    for await (const batch of lineBatches(stream, spoolFile(spoolDir, part))) {
      for (const line of batch) {
        const r = JSON.parse(line) as BatchResult;
        const seen = results.get(r.id);
        if (!seen || (!seen.ok && r.ok)) results.set(r.id, r);
        else counts.duplicates++;
      }
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return results; // no result of this part at all
    throw err;
  }
  return results;
}

/** Reads an inputs file: one `{i, ids, record}` entry per input, in input order. */
export async function* inputEntries(path: string): AsyncGenerator<{ i: number; p?: number; ids: string[]; record: Record<string, unknown> }> {
  let lineNo = 0;
  for await (const batch of lineBatches(createReadStream(path), path)) {
    for (const line of batch) {
      lineNo++;
      let entry: unknown;
      try {
        entry = JSON.parse(line);
      } catch (err) {
        throw new InputError(`${path}:${lineNo}: malformed JSON: ${(err as Error).message}`);
      }
      if (!isObject(entry) || typeof entry.i !== 'number' || !Array.isArray(entry.ids) || !isObject(entry.record)) {
        throw new InputError(`${path}:${lineNo}: not a batch inputs entry ({i, ids, record})`);
      }
      yield entry as { i: number; p?: number; ids: string[]; record: Record<string, unknown> };
    }
  }
}

export interface ResultCheck extends ResultCounts {
  requests: number;
  missing: number;
}

/**
 * Before anything is written: every result must answer a request of this export (same position, group and
 * body hash — results of another export or of a changed input are refused with their `file:line`), and the
 * counts of answered, failed and missing requests are known for the summary.
 */
export async function checkResults(manifest: BatchManifest, batchDir: string, spoolDir: string): Promise<ResultCheck> {
  const check: ResultCheck = { requests: 0, answered: 0, failed: 0, missing: 0, duplicates: 0 };
  for (let k = 0; k < manifest.parts.length; k++) {
    const results = await loadPartResults(spoolDir, k, check);
    for await (const entry of inputEntries(join(batchDir, manifest.parts[k].inputs))) {
      for (const id of entry.ids) {
        check.requests++;
        const r = results.get(id);
        if (!r) check.missing++;
        else {
          if (r.ok) check.answered++;
          else check.failed++;
          results.delete(id);
        }
      }
    }
    const [stray] = results.values();
    if (stray) {
      throw new InputError(`${stray.where}: custom_id "${stray.id}" answers no request of this export (results of another export, or of a changed input?)`);
    }
  }
  return check;
}
