import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';
import { assertRefused, exists, runAndSignalWhen } from './resume-harness.js';

let dir: string;
let a: string; // the interrupted run's input
let b: string; // another input of the same shape
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-resume-input-'));
  a = (await runCli(['sample', '-q', '-n', '4000', '--seed', '42'])).stdout;
  b = (await runCli(['sample', '-q', '-n', '4000', '--seed', '7'])).stdout;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const linesOf = (text: string) => text.split('\n').filter(Boolean);
const failuresIn = async (path: string) => ((await exists(path)) ? linesOf(await readFile(path, 'utf8')).length : 0);

/** A fresh directory with a config of `every` records between checkpoints. */
async function workspace(name: string, config: Record<string, unknown> = {}): Promise<{ ws: string; config: string }> {
  const ws = join(dir, name);
  await mkdir(ws);
  const path = join(ws, 'config.json');
  await writeFile(path, JSON.stringify({ seed: 42, checkpoint: { every: 500 }, ...config }));
  return { ws, config: path };
}

/** Runs `args` on `input` (stdin) and SIGKILLs it once its first checkpoint is on disk; returns that checkpoint. */
async function killAtFirstCheckpoint(args: string[], input: string, checkpoint: string): Promise<{ offset: number; first?: number; input?: { positions: number } }> {
  const killed = await runAndSignalWhen(args, input, () => exists(checkpoint), 'SIGKILL');
  assert.equal(killed.code, null, `the run ended before the kill: ${killed.stderr}`);
  const cp = JSON.parse(await readFile(checkpoint, 'utf8'));
  assert.equal(cp.complete, false);
  return cp;
}

describe('resume checks its input against the checkpoint (issue 15 item 11)', () => {
  it('narrate --resume with another stdin is refused with every file as it was; the same stdin completes as an uninterrupted run', async () => {
    const { ws, config } = await workspace('narrate');
    const ref = await runCli(['narrate', '-q', '-c', config], a);
    assert.equal(ref.code, 0, ref.stderr);
    const out = join(ws, 'o.jsonl');
    const args = ['narrate', '-q', '-c', config, '--out', out];
    const cp = await killAtFirstCheckpoint(args, a, `${out}.checkpoint.json`);
    assert.ok(cp.input && cp.input.positions > 0 && cp.input.positions <= cp.offset, JSON.stringify(cp.input));
    await assertRefused(ws, [...args, '--resume'], b);
    // Another input that starts the same but is shorter than what the checkpoint read: refused too.
    await assertRefused(ws, [...args, '--resume'], `${linesOf(a).slice(0, 10).join('\n')}\n`);
    const resumed = await runCli([...args, '--resume'], a);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(await readFile(out, 'utf8'), ref.stdout);
    assert.equal(parseLines(ref.stdout).length + (await failuresIn(`${out}.failed.jsonl`)), linesOf(a).length);
  });

  it('write --input FILE: one line changed before the checkpoint is refused (CSV untouched); the file as it was resumes', async () => {
    const { ws, config } = await workspace('write-file');
    const input = join(ws, 'in.jsonl');
    await writeFile(input, a);
    const ref = join(ws, 'ref.csv');
    assert.equal((await runCli(['write', '-q', '-c', config, '--input', input, '--out', ref])).code, 0);
    const out = join(ws, 'o.csv');
    const args = ['write', '-q', '-c', config, '--input', input, '--out', out];
    const cp = await killAtFirstCheckpoint(args, '', `${out}.checkpoint.json`);
    const lines = linesOf(a);
    const changed = [...lines];
    changed[Math.floor((cp.input?.positions ?? 1) / 2)] = linesOf(b)[0];
    await writeFile(input, `${changed.join('\n')}\n`);
    await assertRefused(ws, [...args, '--resume']);
    await writeFile(input, a);
    const resumed = await runCli([...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.ok((await readFile(out)).equals(await readFile(ref)), 'the resumed CSV differs from the uninterrupted run');
    assert.equal(linesOf(await readFile(out, 'utf8')).length - 1 + (await failuresIn(`${out}.failed.jsonl`)), lines.length);
  });

  it('a shard hashes every line, its own and the other shards’: a changed line of shard 0 is refused to shard 1/2', async () => {
    const { ws, config } = await workspace('shard', { checkpoint: { every: 250 } });
    const input = join(ws, 'in.jsonl');
    await writeFile(input, a);
    const ref = await runCli(['narrate', '-q', '-c', config, '--input', input]);
    const out = join(ws, 'o.jsonl');
    const args = ['narrate', '-q', '-c', config, '--input', input, '--out', out, '--shard', '1/2'];
    const checkpoint = join(ws, 'o.shard-00001-of-00002.jsonl.checkpoint.json');
    await killAtFirstCheckpoint(args, '', checkpoint);
    const changed = linesOf(a);
    changed[0] = linesOf(b)[0]; // position 0 belongs to shard 0
    await writeFile(input, `${changed.join('\n')}\n`);
    await assertRefused(ws, [...args, '--resume']);
    await writeFile(input, a);
    const resumed = await runCli([...args, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const mine = parseLines(await readFile(join(ws, 'o.shard-00001-of-00002.jsonl'), 'utf8'));
    assert.deepEqual(mine, parseLines(ref.stdout).filter((_, i) => i % 2 === 1));
  });

  it('a checkpoint of an earlier version (no input mark, no first) resumes with its input unchecked', async () => {
    const { ws, config } = await workspace('old');
    const ref = await runCli(['write', '-q', '-c', config], a);
    const out = join(ws, 'o.jsonl');
    const args = ['write', '-q', '-c', config, '--out', out];
    const checkpoint = `${out}.checkpoint.json`;
    const cp = await killAtFirstCheckpoint(args, a, checkpoint);
    delete cp.input;
    delete cp.first;
    await writeFile(checkpoint, JSON.stringify(cp));
    const resumed = await runCli([...args, '--resume'], a);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(await readFile(out, 'utf8'), ref.stdout);
    // From then on its checkpoints carry a mark again; where the first run started stays unknown.
    const last = JSON.parse(await readFile(checkpoint, 'utf8'));
    assert.ok(last.input);
    assert.equal(last.first, undefined);
  });

  it('the generator reads no input: its checkpoint carries no mark (the config fingerprint covers what it makes)', async () => {
    const { ws, config } = await workspace('generator');
    const out = join(ws, 'g.jsonl');
    assert.equal((await runCli(['-q', '-c', config, '-n', '600', '--out', out])).code, 0);
    const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8'));
    assert.equal(cp.input, undefined);
    assert.equal(cp.first, 0);
  });

  it('text-to-persona and persona-to-persona: another corpus or persona file is refused; the same one resumes, every item written or failed', async () => {
    const mock = new MockLlm({ medianMs: 10, sigma: 0.2 });
    const url = await mock.listen();
    try {
      const corpus = await readFile(join(FIXTURES, 'india-corpus.jsonl'), 'utf8');
      const personas = `${linesOf(a).slice(0, 120).join('\n')}\n`;
      const cases = [
        { mode: 'text-to-persona', input: corpus, other: `${linesOf(corpus).reverse().join('\n')}\n` },
        { mode: 'persona-to-persona', input: personas, other: `${linesOf(b).slice(0, 120).join('\n')}\n` },
      ];
      for (const { mode, input, other } of cases) {
        const { ws, config } = await workspace(mode, { checkpoint: { every: 20 }, llm: { baseUrl: url, model: 'mock', concurrency: 2, grouping: 'single' }, hub: { perPersona: 1, depth: 1 } });
        const out = join(ws, 'h.jsonl');
        const args = [mode, '-q', '-c', config, '--out', out];
        await killAtFirstCheckpoint(args, input, `${out}.checkpoint.json`);
        await assertRefused(ws, [...args, '--resume'], other);
        const resumed = await runCli([...args, '--resume'], input);
        assert.equal(resumed.code, 0, `${mode}: ${resumed.stderr}`);
        const records = parseLines(await readFile(out, 'utf8'));
        const failed = await failuresIn(`${out}.failed.jsonl`);
        // One record per input item (persona-to-persona: perPersona 1, depth 1), or its failure.
        assert.equal(records.length + failed, linesOf(input).length, mode);
      }
    } finally {
      await mock.close();
    }
  });
});
