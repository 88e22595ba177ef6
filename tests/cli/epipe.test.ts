import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIN, runCli } from '../helpers/cli.js';

describe('a reader that closes stdout early (| head)', () => {
  it('validate into a closed pipe (| head -1 once head has exited): exit as the gates say (0), no crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gen-stream-epipe-'));
    try {
      const file = join(dir, 'p.jsonl');
      assert.equal((await runCli(['-q', '-n', '1000', '-o', file])).code, 0);
      const child = spawn(process.execPath, [BIN, 'validate', file], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (c: Buffer) => (stderr += c));
      // The reading end is closed at once, before the command has printed anything (it first reads the file
      // and simulates its reference): every line it prints meets EPIPE, as after `head -1` has exited.
      child.stdout.destroy();
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stderr, /unexpected error|EPIPE/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
