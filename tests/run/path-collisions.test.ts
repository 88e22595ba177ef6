import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, errorCode, runCli } from '../helpers/cli.js';

let dir: string;
let sample: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-collide-'));
  sample = (await runCli(['sample', '-q', '-n', '50'])).stdout;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A file of records the user holds, in its own directory; the run must leave it byte for byte. */
async function precious(name: string, content = sample): Promise<{ path: string; unchanged: () => Promise<void>; only: () => Promise<void> }> {
  const sub = await mkdtemp(join(dir, 'case-'));
  const path = join(sub, name);
  await writeFile(path, content);
  return {
    path,
    unchanged: async () => assert.equal(await readFile(path, 'utf8'), content),
    only: async () => assert.deepEqual(await readdir(sub), [name]),
  };
}

function refused(res: { code: number | null; stderr: string }): void {
  assert.equal(res.code, 2, res.stderr);
  assert.equal(errorCode(res.stderr), 'E_USAGE');
}

describe('path collisions: a run never writes over what it reads, nor one of its files over another', () => {
  it('--input and --out the same file: refused, the input untouched, nothing written', async () => {
    const f = await precious('f.jsonl');
    refused(await runCli(['write', '-q', '--input', f.path, '-o', f.path]));
    await f.unchanged();
    await f.only();
  });

  it('stdin redirected from the output file (same device and inode): refused', async () => {
    const f = await precious('f.jsonl');
    const res = spawnSync(process.execPath, [BIN, 'write', '-q', '-o', f.path], { stdio: [(await import('node:fs')).openSync(f.path, 'r'), 'pipe', 'pipe'], encoding: 'utf8' });
    refused({ code: res.status, stderr: res.stderr });
    await f.unchanged();
    await f.only();
  });

  it('the same file through a symlink: refused', async () => {
    const f = await precious('f.jsonl');
    const link = `${f.path}.link.jsonl`;
    await symlink(f.path, link);
    refused(await runCli(['write', '-q', '--input', link, '-o', f.path]));
    await f.unchanged();
  });

  it('--config and --out the same file: refused, the config untouched', async () => {
    const f = await precious('c.jsonl', '{"seed":3}\n');
    refused(await runCli(['-q', '-n', '5', '--config', f.path, '-o', f.path]));
    await f.unchanged();
    await f.only();
  });

  it('--checkpoint on an output, two equal outputs, a sidecar as the failure file: refused before anything is opened', async () => {
    const f = await precious('o.jsonl');
    refused(await runCli(['-q', '-n', '5', '--checkpoint', f.path, '-o', f.path]));
    refused(await runCli(['-q', '-n', '5', '-o', f.path, '-o', f.path]));
    refused(await runCli(['-q', '-n', '5', '-o', f.path, '--failed', `${f.path}.meta.json`]));
    await f.unchanged();
    await f.only();
  });

  it('dedup: the removed-ids file on the output: refused', async () => {
    const f = await precious('kept.jsonl');
    refused(await runCli(['dedup', '-q', '--field', 'name', '-o', f.path, '--removed', f.path], sample));
    await f.unchanged();
    await f.only();
  });

  it('distinct paths still run', async () => {
    const f = await precious('in.jsonl');
    const out = `${f.path}.out.jsonl`;
    const res = await runCli(['write', '-q', '--input', f.path, '-o', out]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(await readFile(out, 'utf8'), sample);
  });
});
