import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, watch } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, errorCode, parseLines, runCli } from '../helpers/cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-stdin-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Resolves once `path` holds a checkpoint (woken by the directory's change events, not by a timer). */
async function checkpointExists(path: string): Promise<void> {
  const ac = new AbortController();
  const there = () => readFile(path, 'utf8').then((t) => JSON.parse(t).offset > 0, () => false);
  try {
    if (await there()) return;
    for await (const _ of watch(dir, { signal: ac.signal })) if (await there()) return;
  } finally {
    ac.abort();
  }
}

const hasScript = spawnSync('script', ['--version']).status === 0;

describe('stdin: a terminal is refused, a pipe held open does not hold up a stop', () => {
  // util-linux `script` gives the command a pseudo-terminal on stdin: what a user who forgot the pipe has.
  it('narrate with a terminal on stdin exits 2 (E_USAGE) and writes nothing', { skip: !hasScript && 'util-linux script is not installed' }, async () => {
    const out = join(dir, 'tty.jsonl');
    const res = spawnSync('script', ['-qec', `${process.execPath} ${BIN} narrate -o ${out}`, '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    assert.equal(res.status, 2, res.stdout + res.stderr);
    assert.equal(errorCode(res.stdout + res.stderr), 'E_USAGE');
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('tty.jsonl')), []);
  });

  it('the first SIGINT stops reading a pipe that stays open: exit 130, and --resume completes the same output', { timeout: 120_000 }, async () => {
    const sample = (await runCli(['sample', '-q', '-n', '3000'])).stdout;
    const out = join(dir, 'held.jsonl');
    const child = spawn(process.execPath, [BIN, 'narrate', '-q', '-o', out], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Every record is given but stdin is never ended: the run has nothing left to do but wait for more input.
    // Once stopped the run closes its stdin unread, so the rest of this write may meet EPIPE: expected.
    child.stdin.on('error', () => undefined);
    child.stdin.write(sample);
    await checkpointExists(`${out}.checkpoint.json`);
    child.kill('SIGINT');
    assert.equal(await exited, 130, stderr);
    child.stdin.destroy();
    const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8'));
    assert.equal(cp.complete, false);
    assert.equal(parseLines(await readFile(out, 'utf8')).length, cp.written);
    const resumed = await runCli(['narrate', '-q', '-o', out, '--resume'], sample);
    assert.equal(resumed.code, 0, resumed.stderr);
    const whole = await runCli(['narrate', '-q'], sample);
    assert.equal(await readFile(out, 'utf8'), whole.stdout);
  });
});
