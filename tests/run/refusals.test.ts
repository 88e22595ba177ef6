import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';

let dir: string;
let mock: MockLlm;
let url: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-refusals-'));
  // 2,000 tokens a record at 1 + 1 per 1M tokens: 0.002 a record, so --max-cost 0.02 stops a run after ~10.
  mock = new MockLlm({ promptTokens: 1000, completionTokens: 1000 });
  url = await mock.listen();
});
after(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

const N = 60;

/** A config file for an LLM run of N records against the mock, one request a record. */
async function configFile(name: string): Promise<string> {
  const path = join(dir, `${name}.config.json`);
  await writeFile(path, JSON.stringify({ seed: 42, count: N, checkpoint: { every: 5 }, llm: { baseUrl: url, model: 'mock', concurrency: 2, grouping: 'single', prices: { mock: { input: 1, output: 1 } } } }));
  return path;
}

const lineCount = async (path: string) => {
  try {
    return parseLines(await readFile(path, 'utf8')).length;
  } catch {
    return 0;
  }
};

/**
 * An interrupted run, made without signals or timing: the cost cap stops the intake after ~10 records and
 * leaves a checkpoint that says `complete: false`.
 */
async function interrupted(config: string, outs: string[]): Promise<{ offset: number }> {
  const res = await runCli(['-q', '--config', config, ...outs.flatMap((o) => ['-o', o]), '--max-cost', '0.02']);
  assert.equal(res.code, 0, res.stderr);
  const cp = JSON.parse(await readFile(`${outs[0]}.checkpoint.json`, 'utf8')) as { complete: boolean; offset: number };
  assert.equal(cp.complete, false);
  assert.ok(cp.offset > 0 && cp.offset < N, `stopped at ${cp.offset}`);
  return cp;
}

describe('refusals that protect an interrupted run', () => {
  it('resuming with fewer outputs than the checkpoint records: exit 2, E_CHECKPOINT; with all of them it completes', async () => {
    const config = await configFile('fewer');
    const jsonl = join(dir, 'z.jsonl');
    const csv = join(dir, 'z.csv');
    await interrupted(config, [jsonl, csv]);
    const before = await readFile(csv);
    const res = await runCli(['-q', '--config', config, '-o', jsonl, '--resume', '--max-cost', '100']);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_CHECKPOINT');
    assert.deepEqual(await readFile(csv), before, 'the output left out is untouched');
    const full = await runCli(['-q', '--config', config, '-o', jsonl, '-o', csv, '--resume', '--max-cost', '100']);
    assert.equal(full.code, 0, full.stderr);
    const failed = await lineCount(`${jsonl}.failed.jsonl`);
    assert.equal((await lineCount(jsonl)) + failed, N);
    assert.equal((await readFile(csv, 'utf8')).trim().split('\n').length - 1 + failed, N, 'CSV rows (header aside) + failures = input');
  });

  it('a fresh run over an interrupted checkpoint: exit 2, E_CHECKPOINT, nothing touched; --force starts over', async () => {
    const config = await configFile('fresh');
    const out = join(dir, 'e.jsonl');
    await interrupted(config, [out]);
    const [data, cp] = [await readFile(out), await readFile(`${out}.checkpoint.json`)];
    const res = await runCli(['-q', '--config', config, '-o', out, '-n', '10']);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_CHECKPOINT');
    assert.deepEqual(await readFile(out), data, 'the output is untouched');
    assert.deepEqual(await readFile(`${out}.checkpoint.json`), cp, 'the checkpoint is untouched');
    const forced = await runCli(['-q', '--config', config, '-o', out, '-n', '10', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.equal((await lineCount(out)) + (await lineCount(`${out}.failed.jsonl`)), 10);
  });

  it('a fresh run over a complete checkpoint replaces it, as before', async () => {
    const config = await configFile('complete');
    const out = join(dir, 'c.jsonl');
    const first = await runCli(['-q', '--config', config, '-o', out, '-n', '8']);
    assert.equal(first.code, 0, first.stderr);
    const again = await runCli(['-q', '--config', config, '-o', out, '-n', '10']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal((await lineCount(out)) + (await lineCount(`${out}.failed.jsonl`)), 10);
    assert.equal((JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { complete: boolean }).complete, true);
  });
});
