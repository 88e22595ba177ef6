import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { BIN, errorCode, parseLines, runCli } from '../helpers/cli.js';

describe('gen-stream dispatch: commands, help, flags, exit codes', () => {
  it('| head -n 5 ends quietly with exit 0 (EPIPE is not an error)', async () => {
    const child = spawn(process.execPath, [BIN, '-q', '-n', '1000000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        seen += c;
        if (seen.split('\n').length > 5) {
          child.stdout.destroy();
          resolve();
        }
      });
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 0);
    assert.equal(stderr, '');
  });

  it('sample and --help work as commands', async () => {
    const res = await runCli(['sample', '-n', '10', '-q']);
    assert.equal(parseLines(res.stdout).length, 10);
    const main = parseLines((await runCli(['-n', '10', '-q'])).stdout);
    // The main command adds narratives to exactly the records sample writes.
    parseLines(res.stdout).forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) assert.deepEqual(main[i][k], v);
    });
    const described = await runCli(['describe', '-n', '10']);
    assert.equal(described.code, 0);
    assert.equal(JSON.parse(described.stdout).settings.count, 10);
    for (const args of [['--help'], ['sample', '--help'], ['narrate', '--help'], ['describe', '--help'], ['help']]) {
      const h = await runCli(args);
      assert.equal(h.code, 0);
      assert.match(h.stdout, /^Usage: gen-stream/);
    }
  });

  it('bad flags', async () => {
    for (const args of [['-n', 'abc'], ['-n', '0'], ['--seed', '-1'], ['--frobnicate'], ['nonsense']]) {
      const res = await runCli(args);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.equal(res.stdout, '');
      assert.equal(errorCode(res.stderr), 'E_USAGE');
    }
  });

  it('a missing --config file', async () => {
    const res = await runCli(['--config', '/nonexistent/config.json']);
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
  });
});
