/**
 * `--failed` naming the very file `--retry-failed` reads would write over the failures being retried: the
 * runner's collision check refuses it (the one check of a run's paths; context.ts keeps no second copy).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-retry-paths-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('--failed and --retry-failed', () => {
  it('the same file, by its name or through a symlink: exit 2 (E_USAGE), the failure file byte for byte, nothing written', async () => {
    const [record] = parseLines((await runCli(['sample', '-q', '-n', '1'])).stdout);
    const failed = join(dir, 'f.failed.jsonl');
    const text = `${JSON.stringify({ index: 0, record, error: { code: 'E_LLM_RETRIES', message: 'x' }, attempts: 3 })}\n`;
    await writeFile(failed, text);
    await symlink(failed, join(dir, 'link.jsonl'));
    for (const name of [failed, join(dir, 'link.jsonl')]) {
      const out = join(dir, 'out.jsonl');
      const res = await runCli(['narrate', '-q', '--retry-failed', failed, '--failed', name, '-o', out]);
      assert.equal(res.code, 2, res.stderr);
      assert.equal(errorCode(res.stderr), 'E_USAGE');
      assert.equal(await readFile(failed, 'utf8'), text);
      await assert.rejects(readFile(out), { code: 'ENOENT' });
    }
  });
});
