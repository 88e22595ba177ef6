/**
 * Golden outputs: ~15 fixed commands, every file they write hashed (SHA-256) and compared with recorded values.
 * A refactor that claims "no behaviour change" must leave this test passing unchanged.
 *
 * Normalised before hashing, because they are not the program's output but the moment's: the mock server's
 * port, the clone's absolute fixture path, ISO dates and times (checkpoint `savedAt`, the card's validation date), and the timing fields of
 * validate's stats.json. Everything else is compared byte for byte.
 *
 * To record new values after an intended output change: GOLDEN_UPDATE=1 node --test dist/tests/golden.test.js
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, runCli } from './helpers/cli.js';
import { MockLlm } from './helpers/mock-llm.js';

const EXPECTED = fileURLToPath(new URL('../../tests/golden/expected.json', import.meta.url));
const CORPUS = join(FIXTURES, 'india-corpus.jsonl');

let dir: string;
let mock: MockLlm;
let mockUrl: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-golden-'));
  mock = new MockLlm({});
  mockUrl = await mock.listen();
});
after(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

async function listFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(root, { withFileTypes: true })) {
    const p = join(root, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else out.push(p);
  }
  return out.sort();
}

function normalise(rel: string, bytes: Buffer, port: string): Buffer {
  // Binary outputs carry no port and no date; text outputs may.
  if (/\.(parquet|arrows?)$/.test(rel)) return bytes;
  let text = bytes.toString('utf8');
  text = text.split(`127.0.0.1:${port}`).join('127.0.0.1:PORT');
  // The batch inputs file records where each input came from: an absolute path that depends on the clone.
  text = text.split(FIXTURES).join('FIXTURES/');
  text = text.replace(/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?Z)?/g, 'DATE');
  if (rel.endsWith('stats.json')) {
    const stats = JSON.parse(text) as Record<string, unknown>;
    delete stats.timings;
    delete stats.seconds;
    delete stats.recordsPerSecond;
    text = JSON.stringify(stats);
  }
  return Buffer.from(text, 'utf8');
}

async function hashTree(root: string, port: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const file of await listFiles(root)) {
    const rel = relative(root, file);
    hashes[rel] = createHash('sha256').update(normalise(rel, await readFile(file), port)).digest('hex');
  }
  return hashes;
}

/** Runs one command in `cwd` and asserts its exit code; stdout goes to `stdoutTo` when given. */
async function step(cwd: string, args: string[], opts: { input?: string; stdoutTo?: string; code?: number } = {}) {
  const res = await runCli(args, opts.input, {}, cwd);
  assert.equal(res.code, opts.code ?? 0, `${args.join(' ')}\n${res.stderr}`);
  if (opts.stdoutTo) await writeFile(join(cwd, opts.stdoutTo), res.stdout);
  return res;
}

describe('golden outputs', () => {
  it('fifteen fixed commands write exactly the recorded bytes', async () => {
    const cwd = join(dir, 'run');
    await rm(cwd, { recursive: true, force: true });
    const { mkdir } = await import('node:fs/promises');
    await mkdir(cwd);
    const port = new URL(mockUrl).port;
    const llm = { baseUrl: mockUrl, model: 'mock', concurrency: 4, retryBaseMs: 5, retryMaxMs: 50 };
    await writeFile(join(cwd, 'llm.json'), JSON.stringify({ census: 'moldova-2024', seed: 7, count: 40, narrative: { enabled: true, language: 'ro' }, llm }));
    await writeFile(join(cwd, 'hub.json'), JSON.stringify({ seed: 3, llm, hub: { perPersona: 2, depth: 1 } }));

    // 1. The generator alone, to stdout and to a file.
    await step(cwd, ['sample', '-q', '-n', '2000', '--seed', '11'], { stdoutTo: 'sample-stdout.jsonl' });
    await step(cwd, ['sample', '-q', '-n', '1500', '-o', 'sample.jsonl']);
    // 2. The main job with template narratives, to all four formats.
    await step(cwd, ['-q', '-n', '1200', '--seed', '5', '-o', 'main.jsonl', '-o', 'main.csv', '-o', 'main.arrows', '-o', 'main.parquet']);
    // 3. write: JSONL back to CSV and Parquet.
    await step(cwd, ['write', '-q', '--input', 'main.jsonl', '-o', 'written.csv', '-o', 'written.parquet']);
    // 4. narrate against the mock LLM.
    await step(cwd, ['narrate', '-q', '--config', 'llm.json', '--input', 'sample.jsonl', '-o', 'narrated.jsonl', '-n', '40']);
    // 5–6. Persona Hub modes against the mock.
    await step(cwd, ['text-to-persona', '-q', '--config', 'hub.json', '--input', CORPUS, '-o', 't2p.jsonl', '-o', 't2p.parquet']);
    await step(cwd, ['persona-to-persona', '-q', '--config', 'hub.json', '--input', 't2p.jsonl', '-o', 'p2p.jsonl']);
    // 7. dedup over the hub personas.
    await step(cwd, ['dedup', '-q', '--input', 'p2p.jsonl', '-o', 'dedup.jsonl']);
    // 8. validate with a report (timings left out of the hash).
    // The census gates allow for sampling noise at n = 1,200 (issue 14); the template narratives pass the coherence and near-duplicate gates (issue 17).
    await step(cwd, ['validate', 'main.jsonl', '--report', 'report', '-q']);
    // 9. describe.
    await step(cwd, ['describe'], { stdoutTo: 'describe.json' });
    await step(cwd, ['describe', '--config', 'llm.json'], { stdoutTo: 'describe-llm.json' });
    // 10. batch-export of both modes.
    await step(cwd, ['batch-export', 'narrate', '--config', 'llm.json', '--input', 'sample.jsonl', '--batch', 'batch-narrate', '-q']);
    await step(cwd, ['batch-export', 'text-to-persona', '--config', 'hub.json', '--input', CORPUS, '--batch', 'batch-t2p', '-q']);
    // 11. A dataset card over a directory of outputs.
    await mkdir(join(cwd, 'cardset'));
    await step(cwd, ['-q', '-n', '300', '-o', 'cardset/p.jsonl', '-o', 'cardset/p.parquet']);
    await step(cwd, ['card', 'cardset', '-q']);
    // 12. A shard of the generator, and a resumable run's checkpoint.
    await step(cwd, ['sample', '-q', '-n', '3000', '--shard', '1/3', '-o', 'shard.jsonl']);

    const hashes = await hashTree(cwd, port);
    if (process.env.GOLDEN_UPDATE === '1') {
      await writeFile(EXPECTED, `${JSON.stringify(hashes, null, 2)}\n`);
      return;
    }
    assert.ok(existsSync(EXPECTED), 'tests/golden/expected.json is missing: record it with GOLDEN_UPDATE=1');
    const expected = JSON.parse(await readFile(EXPECTED, 'utf8')) as Record<string, string>;
    assert.deepEqual(Object.keys(hashes), Object.keys(expected), 'the same files are written');
    const differing = Object.keys(expected).filter((k) => hashes[k] !== expected[k]);
    assert.deepEqual(differing, [], 'files whose bytes changed');
    assert.ok((await stat(join(cwd, 'main.parquet'))).isDirectory());
  });
});
