import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BIN, errorCode, runCli } from '../helpers/cli.js';

/**
 * Starts the CLI with `input` on stdin and sends `signal` as soon as `ready()` holds (polled while it runs): a
 * test synchronises on what the process has written (its first checkpoint), never on how long it has run.
 */
export function runAndSignalWhen(args: string[], input: string, ready: () => Promise<boolean>, signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    let done = false;
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    // A run killed (or stopped) before it read all of its stdin: EPIPE here is expected.
    child.stdin.on('error', () => undefined);
    const poll = async () => {
      while (!done && !(await ready())) await new Promise((r) => setTimeout(r, 10));
      if (!done) child.kill(signal);
    };
    child.on('close', (code) => {
      done = true;
      resolve({ code, stderr });
    });
    child.stdin.end(input);
    void poll();
  });
}

export const exists = (path: string): Promise<boolean> => readFile(path).then(() => true, () => false);

/** Every file of a directory (one level) and its bytes: what a refusal must leave as it was. */
export async function filesOf(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isFile()) out.set(e.name, await readFile(join(dir, e.name)));
    else if (e.isDirectory()) for (const [k, v] of await filesOf(join(dir, e.name))) out.set(`${e.name}/${k}`, v);
  }
  return out;
}

/** A refused resume: exit 2, E_CHECKPOINT, and every file of the workspace byte for byte as before. */
export async function assertRefused(ws: string, args: string[], input?: string): Promise<void> {
  const before = await filesOf(ws);
  const res = await runCli(args, input);
  assert.equal(res.code, 2, res.stderr);
  assert.equal(errorCode(res.stderr), 'E_CHECKPOINT', res.stderr);
  assert.deepEqual(await filesOf(ws), before, 'a refused resume touched a file');
}
