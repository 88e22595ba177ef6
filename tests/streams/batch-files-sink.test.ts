import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import type { BatchCodec } from '../../src/batch/modes.js';
import { type FileFill, placeRecord } from '../../src/batch/rotation.js';
import { InputError } from '../../src/errors.js';
import { INDEX, type Indexed } from '../../src/run-state/record-index.js';
import { type BatchFilesSummary, createBatchFilesSink } from '../../src/streams/batch-files-sink.js';

let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'gen-stream-batch-files-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

const URL = '/v1/chat/completions';
/** Fixed-width ids, so every request line has the same length. */
const idOf = (index: number, j: number) => `r${String(index).padStart(2, '0')}-${j}`;
const lineOf = (id: string) => `{"custom_id":"${id}","method":"POST","url":"${URL}","body":{}}\n`;
const L = Buffer.byteLength(lineOf(idOf(0, 0)));

/** A record asking `n` requests (the fake codec reads it). */
const rec = (i: number, n: number): Indexed => ({ n, [INDEX]: i });

function fakeCodec(onRequests: (index: number) => void = () => {}): BatchCodec {
  return {
    requests: (record, index) => {
      onRequests(index);
      return Array.from({ length: record.n as number }, (_, j) => ({ id: idOf(index, j), group: 'g', body: '{}', tokens: 1 }));
    },
    build: () => {
      throw new Error('not used');
    },
  };
}

const emptySummary = (): BatchFilesSummary => ({ parts: [], inputs: 0, requests: 0, withoutRequest: 0, estimatedPromptTokens: 0 });

let runs = 0;
async function exportTo(records: readonly Indexed[], chunk: number, limits: { maxRequests: number; maxBytes: number }) {
  const dir = join(root, `run-${runs++}`);
  await mkdir(dir);
  const summary = emptySummary();
  const chunks: Indexed[][] = [];
  for (let i = 0; i < records.length; i += chunk) chunks.push(records.slice(i, i + chunk));
  await pipeline(Readable.from(chunks), createBatchFilesSink({ dir, codec: fakeCodec(), name: 'in.jsonl', url: URL, ...limits }, summary));
  const files: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) files[name] = await readFile(join(dir, name), 'utf8');
  return { dir, summary, files };
}

/** The files and manifest parts a grouping of records into request files should give. */
function expected(records: readonly Indexed[], groups: readonly number[][]) {
  const files: Record<string, string> = {};
  const parts = groups.map((group, k) => {
    const name = (kind: string) => `${kind}-${String(k).padStart(5, '0')}.jsonl`;
    const members = group.map((i) => records[i]);
    const requests = members.flatMap((r) => Array.from({ length: r.n as number }, (_, j) => lineOf(idOf(r[INDEX]!, j)))).join('');
    files[name('inputs')] = members.map((r) => `${JSON.stringify({ i: r[INDEX], ids: Array.from({ length: r.n as number }, (_, j) => idOf(r[INDEX]!, j)), record: r })}\n`).join('');
    if (requests) files[name('requests')] = requests;
    const count = members.reduce((s, r) => s + (r.n as number), 0);
    return {
      requests: requests ? name('requests') : null,
      inputs: name('inputs'),
      first: group[0],
      end: group[group.length - 1] + 1,
      count,
      bytes: Buffer.byteLength(requests),
      sha256: requests ? createHash('sha256').update(requests).digest('hex') : null,
    };
  });
  return { files: Object.fromEntries(Object.entries(files).sort()), parts };
}

/** Files under `dir` this process holds open (Linux: /proc/self/fd). */
async function openUnder(dir: string): Promise<string[]> {
  const open: string[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target.startsWith(`${dir}/`)) open.push(target);
  }
  return open.sort();
}

describe('batch rotation rule (placeRecord)', () => {
  const limits = { maxRequests: 4, maxBytes: 100 };
  const cases: Array<[FileFill, number, number, string]> = [
    [{ count: 0, bytes: 0 }, 4, 100, 'current'], // exactly at both limits, alone
    [{ count: 0, bytes: 0 }, 5, 10, 'oversize'],
    [{ count: 0, bytes: 0 }, 1, 101, 'oversize'],
    [{ count: 2, bytes: 50 }, 2, 50, 'current'], // fills the file exactly
    [{ count: 3, bytes: 10 }, 2, 10, 'next'], // would pass maxRequests: the record goes whole to the next file
    [{ count: 1, bytes: 90 }, 1, 11, 'next'], // would pass maxBytes
    [{ count: 4, bytes: 100 }, 0, 0, 'current'], // no request: stays with the full file
    [{ count: 0, bytes: 0 }, 0, 0, 'current'],
  ];
  for (const [fill, requests, bytes, placement] of cases) {
    it(`${requests} request(s) of ${bytes} bytes into a file holding ${fill.count} / ${fill.bytes}: ${placement}`, () => {
      assert.equal(placeRecord(fill, requests, bytes, limits), placement);
    });
  }
});

describe('batch-files-sink', () => {
  it('rotates at the request limit, a record never straddling two files, records without requests never rotating', async () => {
    const records = [2, 1, 1, 0, 2, 3, 0, 4, 1].map((n, i) => rec(i, n));
    const want = expected(records, [[0, 1, 2, 3], [4], [5, 6], [7], [8]]);
    for (const chunk of [1, 2, 3, 4, 9]) {
      const { files, summary } = await exportTo(records, chunk, { maxRequests: 4, maxBytes: 1e6 });
      assert.deepEqual(files, want.files, `chunk ${chunk}`);
      assert.deepEqual(summary, { parts: want.parts, inputs: 9, requests: 14, withoutRequest: 2, estimatedPromptTokens: 14 }, `chunk ${chunk}`);
    }
  });

  it('rotates at the byte limit (a file may hold exactly maxBytes)', async () => {
    const records = [1, 2, 1, 1, 3].map((n, i) => rec(i, n));
    const want = expected(records, [[0, 1], [2, 3], [4]]);
    for (const chunk of [1, 2, 5]) {
      const { files, summary } = await exportTo(records, chunk, { maxRequests: 100, maxBytes: 3 * L });
      assert.deepEqual(files, want.files, `chunk ${chunk}`);
      assert.deepEqual(summary.parts, want.parts, `chunk ${chunk}`);
    }
  });

  it('a part whose inputs need no request has an inputs file and no requests file', async () => {
    const records = [rec(0, 0), rec(1, 0)];
    const { files, summary } = await exportTo(records, 1, { maxRequests: 4, maxBytes: 1e6 });
    const want = expected(records, [[0, 1]]);
    assert.deepEqual(files, want.files);
    assert.deepEqual(summary.parts, want.parts);
  });

  it('a record over the limits alone fails with E_INPUT, and the open files are closed', async () => {
    const dir = join(root, 'oversize');
    await mkdir(dir);
    const sink = createBatchFilesSink({ dir, codec: fakeCodec(), name: 'in.jsonl', url: URL, maxRequests: 4, maxBytes: 1e6 }, emptySummary());
    const closed = new Promise<void>((resolve) => sink.once('close', resolve));
    await assert.rejects(pipeline(Readable.from([[rec(0, 1), rec(1, 5)]]), sink), { code: 'E_INPUT' });
    await closed;
    assert.deepEqual(await openUnder(dir), []);
  });

  it('destroyed mid-run, closes every file it holds open', async () => {
    const dir = join(root, 'destroy');
    await mkdir(dir);
    let reached!: () => void;
    const atSecond = new Promise<void>((resolve) => (reached = resolve));
    const codec = fakeCodec((index) => index === 1 && reached());
    const sink = createBatchFilesSink({ dir, codec, name: 'in.jsonl', url: URL, maxRequests: 4, maxBytes: 1e6 }, emptySummary());
    const closed = new Promise<void>((resolve) => sink.once('close', resolve));
    const source = new Readable({ objectMode: true, read() {} });
    source.push([rec(0, 2), rec(1, 1)]);
    const run = pipeline(source, sink);
    await atSecond;
    assert.ok((await openUnder(dir)).includes(join(dir, 'inputs-00000.jsonl')));
    source.destroy(new InputError('the input broke'));
    await assert.rejects(run, { code: 'E_INPUT' });
    await closed;
    assert.deepEqual(await openUnder(dir), []);
  });
});
