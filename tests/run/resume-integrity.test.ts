import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { assertRefused, exists, runAndSignalWhen } from './resume-harness.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-resume-integrity-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function workspace(name: string): Promise<{ ws: string; config: string }> {
  const ws = join(dir, name);
  await mkdir(ws);
  const config = join(ws, 'config.json');
  await writeFile(config, JSON.stringify({ seed: 42, checkpoint: { every: 1000 } }));
  return { ws, config };
}

const same = async (a: string, b: string) => (await readFile(a)).equals(await readFile(b));

interface Cp {
  offset: number;
  written: number;
  failed: number;
  outputs: Array<{ path: string; format: string; bytes?: number; tail?: { at: number; sha256: string } }>;
}
const readCp = async (path: string): Promise<Cp> => JSON.parse(await readFile(path, 'utf8'));

describe('Arrow after a graceful stop and --resume: the bytes of an uninterrupted run (issue 15 item 13)', () => {
  it('SIGINT once the first checkpoint is written, then --resume: .arrows and .arrow byte-identical, no sidecar left', async () => {
    const { ws, config } = await workspace('sigint');
    const ref = join(ws, 'ref');
    const args = (o: string) => ['-q', '-c', config, '-n', '8000', '--out', `${o}.arrows`, '--out', `${o}.arrow`, '--out', `${o}.jsonl`];
    assert.equal((await runCli(args(ref))).code, 0);
    const out = join(ws, 'o');
    const first = await runAndSignalWhen(args(out), '', () => exists(`${out}.arrows.checkpoint.json`), 'SIGINT');
    assert.equal(first.code, 130, first.stderr);
    const cp = await readCp(`${out}.arrows.checkpoint.json`);
    assert.ok(cp.offset > 0 && cp.offset < 8000, `offset ${cp.offset}`);
    const resumed = await runCli([...args(out), '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const ext of ['arrows', 'arrow', 'jsonl']) assert.ok(await same(`${ref}.${ext}`, `${out}.${ext}`), `the resumed .${ext} differs from the uninterrupted run`);
    assert.equal(await exists(`${out}.arrows.resume-tail`), false);
  });

  it('a bad line stops a run between boundaries: the cut batch is recorded, and the fixed input resumes to the bytes of a run on it', async () => {
    const { ws, config } = await workspace('bad-line');
    const records = (await runCli(['sample', '-q', '-n', '3000'])).stdout;
    const lines = records.split('\n').filter(Boolean);
    const input = join(ws, 'in.jsonl');
    await writeFile(input, `${lines.slice(0, 2500).join('\n')}\ngarbage{\n${lines.slice(2500).join('\n')}\n`);
    const ref = join(ws, 'ref.arrows');
    const fixed = join(ws, 'fixed.jsonl');
    await writeFile(fixed, records);
    assert.equal((await runCli(['write', '-q', '-c', config, '--input', fixed, '--out', ref])).code, 0);
    const out = join(ws, 'o.arrows');
    const args = ['write', '-q', '-c', config, '--out', out];
    const first = await runCli([...args, '--input', input]);
    assert.equal(first.code, 2, first.stderr);
    assert.equal(errorCode(first.stderr), 'E_INPUT');
    const cp = await readCp(`${out}.checkpoint.json`);
    assert.ok(cp.offset % 1000 !== 0, `stopped at ${cp.offset}, a boundary: nothing cut short`);
    assert.ok(cp.outputs[0].tail, 'the checkpoint records the batch the stop cut short');
    const resumed = await runCli([...args, '--input', fixed, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.ok(await same(ref, out), 'the resumed Arrow stream differs from a run on the fixed input');
  });

  it('a resume that died while rewriting the cut batch finds it in the sidecar; with neither copy it is refused', async () => {
    const { ws, config } = await workspace('sidecar');
    const records = (await runCli(['sample', '-q', '-n', '3000'])).stdout;
    const lines = records.split('\n').filter(Boolean);
    const input = join(ws, 'in.jsonl');
    await writeFile(input, `${lines.slice(0, 2500).join('\n')}\ngarbage{\n`);
    const fixed = join(ws, 'fixed.jsonl');
    await writeFile(fixed, records);
    const ref = join(ws, 'ref.arrow');
    assert.equal((await runCli(['write', '-q', '-c', config, '--input', fixed, '--out', ref])).code, 0);
    const out = join(ws, 'o.arrow');
    const args = ['write', '-q', '-c', config, '--out', out];
    assert.equal((await runCli([...args, '--input', input])).code, 2);
    const cp = await readCp(`${out}.checkpoint.json`);
    const { tail, bytes } = cp.outputs[0];
    assert.ok(tail && bytes);
    // What a resume leaves when it dies after keeping the batch and rewriting it, before its next checkpoint.
    const kept = (await readFile(out)).subarray(tail.at, bytes);
    await writeFile(`${out}.resume-tail`, kept);
    await truncate(out, tail.at);
    await writeFile(out, Buffer.alloc(bytes - tail.at + 100, 7), { flag: 'a' });
    const resumed = await runCli([...args, '--input', fixed, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.ok(await same(ref, out), 'the resumed Arrow file differs from a run on the fixed input');
    assert.equal(await exists(`${out}.resume-tail`), false);
    // Neither the file nor a sidecar holds the batch: refused, nothing touched.
    const again = join(ws, 'again.arrow');
    const argsAgain = ['write', '-q', '-c', config, '--out', again];
    assert.equal((await runCli([...argsAgain, '--input', input])).code, 2);
    const cp2 = await readCp(`${again}.checkpoint.json`);
    await truncate(again, cp2.outputs[0].tail!.at);
    await writeFile(again, Buffer.alloc(cp2.outputs[0].bytes! - cp2.outputs[0].tail!.at, 7), { flag: 'a' });
    await assertRefused(ws, [...argsAgain, '--input', fixed, '--resume']);
  });
});

describe('a resume cross-checks its checkpoint against the outputs before touching anything (issue 15 item 13)', () => {
  it('a hand-edited offset, written count or output length is refused (E_CHECKPOINT, every file as it was); the checkpoint as written resumes', async () => {
    const { ws, config } = await workspace('edited');
    const ref = join(ws, 'ref');
    const args = (o: string) => ['-q', '-c', config, '-n', '6000', '--out', `${o}.jsonl`, '--out', `${o}.csv`, '--out', `${o}.arrows`];
    assert.equal((await runCli(args(ref))).code, 0);
    const out = join(ws, 'o');
    const checkpoint = `${out}.jsonl.checkpoint.json`;
    const killed = await runAndSignalWhen(args(out), '', () => exists(checkpoint), 'SIGKILL');
    assert.equal(killed.code, null, killed.stderr);
    const saved = await readFile(checkpoint, 'utf8');
    const cp: Cp = JSON.parse(saved);
    const jsonl = await readFile(`${out}.jsonl`);
    // The byte length of the JSONL output one line shorter than the checkpoint says.
    const oneLineLess = jsonl.subarray(0, cp.outputs[0].bytes! - 1).lastIndexOf(0x0a) + 1;
    const edits: Array<[string, (c: Cp) => void]> = [
      ['offset moved on', (c) => (c.offset += 500)],
      ['offset and written moved on together', (c) => ((c.offset += 500), (c.written += 500))],
      ['JSONL length cut by a line', (c) => (c.outputs[0].bytes = oneLineLess)],
      ['written lowered (the CSV and Arrow counts disagree too)', (c) => ((c.written -= 1), (c.failed += 1))],
    ];
    for (const [what, edit] of edits) {
      const c: Cp = JSON.parse(saved);
      edit(c);
      await writeFile(checkpoint, JSON.stringify(c));
      await assertRefused(ws, [...args(out), '--resume']).catch((err: Error) => assert.fail(`${what}: ${err.message}`));
    }
    await writeFile(checkpoint, saved);
    const resumed = await runCli([...args(out), '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    for (const ext of ['jsonl', 'csv', 'arrows']) assert.ok(await same(`${ref}.${ext}`, `${out}.${ext}`), `the resumed .${ext} differs from the uninterrupted run`);
    assert.equal(parseLines(await readFile(`${out}.jsonl`, 'utf8')).length, 6000);
  });

  it('an Arrow output alone: a checkpoint claiming more rows than its batches hold is refused', async () => {
    const { ws, config } = await workspace('arrow-only');
    const out = join(ws, 'o.arrow');
    const args = ['-q', '-c', config, '-n', '6000', '--out', out];
    const checkpoint = `${out}.checkpoint.json`;
    const killed = await runAndSignalWhen(args, '', () => exists(checkpoint), 'SIGKILL');
    assert.equal(killed.code, null, killed.stderr);
    const cp: Cp = JSON.parse(await readFile(checkpoint, 'utf8'));
    cp.offset += 10;
    cp.written += 10;
    await writeFile(checkpoint, JSON.stringify(cp));
    await assertRefused(ws, [...args, '--resume']);
  });
});
