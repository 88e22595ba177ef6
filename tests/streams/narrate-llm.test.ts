import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NARRATIVE_FIELDS } from '../../src/narrative/fields.js';
import { parseLines, runCli, stopCode } from '../helpers/cli.js';
import { MockLlm, type MockOptions } from '../helpers/mock-llm.js';

const KEY = 'sk-SENTINEL-7f3a9c1e5b2d';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-llm-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withMock<T>(options: Partial<MockOptions>, fn: (url: string, mock: MockLlm) => Promise<T>): Promise<T> {
  const mock = new MockLlm(options);
  const url = await mock.listen();
  try {
    return await fn(url, mock);
  } finally {
    await mock.close();
  }
}

const llmConfig = (url: string, llm: Record<string, unknown> = {}) =>
  JSON.stringify({ seed: 42, llm: { baseUrl: url, model: 'mock', concurrency: 8, retryBaseMs: 5, retryMaxMs: 200, ...llm } });

/** A breaker that never trips and a failure rate never passed: for tests of what happens to each failing record. */
const NO_BREAKER = { maxFailureRate: 1, breaker: { window: 1000, minRequests: 1000 } };

async function readLines(path: string): Promise<Record<string, unknown>[]> {
  try {
    return parseLines(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
}

/** The ids a run over the first n records of seed 42 must cover, in order. */
async function sampleIds(n: number): Promise<string[]> {
  return parseLines((await runCli(['sample', '-q', '-n', String(n), '--seed', '42'])).stdout).map((r) => String(r.id));
}

describe('LLM narrative stage against the loopback mock', () => {
  it('with 5 % 429s, 2 % 500s, 1 % resets, 2 % invalid JSON: every record once, in order, its own narrative, in-flight <= concurrency', async () => {
    await withMock({ medianMs: 5, sigma: 0.5, rate429: 0.05, rate500: 0.02, rateReset: 0.01, rateInvalidJson: 0.02, requireKey: KEY }, async (url, mock) => {
      const out = join(dir, 'faults.jsonl');
      const res = await runCli(['-q', '-n', '400', '-o', out], llmConfig(url), { OPENAI_API_KEY: KEY });
      assert.equal(res.code, 0, res.stderr);
      const output = await readLines(out);
      const failed = await readLines(`${out}.failed.jsonl`);
      const expected = await sampleIds(400);
      const failedIds = new Set(failed.map((f) => String((f.record as Record<string, unknown>).id)));
      assert.equal(output.length + failed.length, 400, 'successes + failures = input');
      assert.deepEqual(
        output.map((r) => r.id),
        expected.filter((id) => !failedIds.has(id)),
        'output keeps input order',
      );
      for (const r of output) {
        for (const f of NARRATIVE_FIELDS) assert.ok(r[f] !== undefined && r[f] !== '', `${f} missing`);
        const ref = `[ref ${String(r.name)}|${String(r.age)}|${String(r.district)}]`;
        for (const f of ['descriere_generala', 'cultural_background', 'persona_summary']) assert.ok(String(r[f]).includes(ref), `${f} was written for another record`);
        assert.equal(r.narrative_provider, 'llm:mock');
      }
      assert.ok(mock.stats.peakInFlight <= 8, `peak in flight ${mock.stats.peakInFlight}`);
      assert.ok(mock.stats.peakInFlight >= 6, 'the stage should use its concurrency');
      for (const kind of ['429', '500', 'reset', 'invalid_json']) assert.ok((mock.stats.faults[kind] ?? 0) > 0, `fault ${kind} was injected`);
    });
  });

  it('slow headers past llm.headersTimeoutMs are timed out and retried', async () => {
    await withMock({ rateSlowHeaders: 0.1, slowHeadersMs: 1500 }, async (url, mock) => {
      const res = await runCli(['-q', '-n', '60'], llmConfig(url, { grouping: 'single', headersTimeoutMs: 200 }));
      assert.equal(res.code, 0, res.stderr);
      assert.equal(parseLines(res.stdout).length, 60);
      assert.ok((mock.stats.faults.slow_headers ?? 0) > 0);
      assert.ok(mock.stats.requests > 60, 'timed-out requests were retried');
    });
  });

  it('a slow request holds back at most the reorder window, not the whole input', async () => {
    const first = parseLines((await runCli(['sample', '-q', '-n', '1', '--seed', '42'])).stdout)[0];
    await withMock({ medianMs: 2, slowName: String(first.name), slowMs: 1500 }, async (url, mock) => {
      const res = await runCli(['-q', '-n', '300'], llmConfig(url, { grouping: 'single', concurrency: 4, reorderWindow: 16 }));
      assert.equal(res.code, 0, res.stderr);
      assert.equal(parseLines(res.stdout).length, 300);
      const seen = mock.stats.requestsWhenSlowAnswered;
      assert.ok(seen !== null && seen <= 16 + 1, `${String(seen)} requests were made while the first record was pending (window 16)`);
    });
  });

  it('the API key never appears in output, failure file, stdout or stderr (401, 500, network error)', async () => {
    const leaks = async (label: string, res: { stdout: string; stderr: string }, out: string) => {
      const files = (await readdir(dir)).filter((f) => f.startsWith(label));
      for (const f of files) assert.ok(!(await readFile(join(dir, f), 'utf8')).includes(KEY), `${f} leaks the key`);
      assert.ok(!res.stdout.includes(KEY) && !res.stderr.includes(KEY), `${label}: std streams leak the key`);
      return readLines(`${out}.failed.jsonl`);
    };
    await withMock({ requireKey: 'another-key', echoAuth: true }, async (url) => {
      const out = join(dir, 'k401.jsonl');
      const res = await runCli(['-q', '-n', '20', '-o', out], llmConfig(url), { OPENAI_API_KEY: KEY });
      assert.equal(res.code, 1, 'a rejected key stops the run');
      assert.equal(stopCode(res.stderr), 'E_LLM_AUTH');
      const failed = await leaks('k401', res, out);
      assert.ok(failed.length >= 1 && failed.every((f) => ['E_LLM_AUTH', 'E_NOT_ATTEMPTED'].includes(String((f.error as { code: string }).code))));
    });
    await withMock({ forceStatus: 500, echoAuth: true }, async (url) => {
      const out = join(dir, 'k500.jsonl');
      // The breaker is opened wide here: what is under test is redaction in every failure entry, not the stop.
      const res = await runCli(['-q', '-n', '10', '-o', out], llmConfig(url, { maxRetries: 1, ...NO_BREAKER }), { OPENAI_API_KEY: KEY });
      assert.equal(res.code, 0, res.stderr);
      const failed = await leaks('k500', res, out);
      assert.equal(failed.length, 10);
      assert.ok(failed.every((f) => (f.error as { code: string }).code === 'E_LLM_RETRIES' && f.attempts === 2));
      assert.ok(JSON.stringify(failed).includes('***'), 'the echoed key was redacted, not dropped silently');
    });
    const out = join(dir, 'knet.jsonl');
    const res = await runCli(['-q', '-n', '5', '-o', out], llmConfig('http://127.0.0.1:9/v1', { maxRetries: 1 }), { OPENAI_API_KEY: KEY });
    // Nothing listens there: the breaker stops the run (exit 1); the records it took are in the failure file.
    assert.equal(res.code, 1, res.stderr);
    assert.equal(stopCode(res.stderr), 'E_LLM_UNREACHABLE');
    const failed = await leaks('knet', res, out);
    assert.ok(failed.length >= 1 && failed.length <= 5);
  });

  it('a 400 fails only its record; --retry-failed narrates the failures again', async () => {
    const out = join(dir, 'r400.jsonl');
    await withMock({ forceStatus: 400 }, async (url) => {
      const res = await runCli(['-q', '-n', '12', '-o', out], llmConfig(url, NO_BREAKER));
      assert.equal(res.code, 0);
      assert.equal((await readLines(out)).length, 0);
      assert.equal((await readLines(`${out}.failed.jsonl`)).length, 12);
    });
    await withMock({}, async (url) => {
      // A fresh run without failures must not leave the earlier run's failure file behind.
      const clean = await runCli(['-q', '-n', '12', '-o', out], llmConfig(url));
      assert.equal(clean.code, 0, clean.stderr);
      assert.equal((await readLines(`${out}.failed.jsonl`)).length, 0);
    });
    await withMock({ forceStatus: 400 }, async (url) => {
      await runCli(['-q', '-n', '12', '-o', out], llmConfig(url, NO_BREAKER));
    });
    await withMock({}, async (url) => {
      const cfgPath = join(dir, 'retry-config.json');
      await (await import('node:fs/promises')).writeFile(cfgPath, llmConfig(url));
      const res = await runCli(['narrate', '-q', '--config', cfgPath, '--retry-failed', `${out}.failed.jsonl`]);
      assert.equal(res.code, 0, res.stderr);
      const again = parseLines(res.stdout);
      assert.deepEqual(again.map((r) => r.id), await sampleIds(12));
      assert.ok(again.every((r) => typeof r.cultural_background === 'string'));
    });
  });

  it('an exhausted quota stops the run (exit 1); what was taken is output or failure, a gap-free prefix', async () => {
    await withMock({ quotaAfter: 30 }, async (url) => {
      const out = join(dir, 'quota.jsonl');
      const res = await runCli(['-q', '-n', '2000', '-o', out], llmConfig(url, { grouping: 'single' }));
      assert.equal(res.code, 1);
      assert.equal(stopCode(res.stderr), 'E_LLM_QUOTA');
      const output = await readLines(out);
      const failed = await readLines(`${out}.failed.jsonl`);
      const taken = [...output.map((r) => String(r.id)), ...failed.map((f) => String((f.record as Record<string, unknown>).id))];
      assert.ok(output.length >= 20 && taken.length < 2000, `taken ${taken.length}`);
      assert.deepEqual(new Set(taken), new Set((await sampleIds(taken.length)).slice(0, taken.length)));
    });
  });

  it('--max-cost stops taking records, finishes those in flight, exits 0', async () => {
    await withMock({ promptTokens: 1000, completionTokens: 1000 }, async (url) => {
      // 2,000 tokens a request at 1 + 1 per 1M tokens = 0.004 per record (three requests); cap 0.1 ≈ 25 records.
      const cfg = llmConfig(url, { prices: { mock: { input: 1, output: 1 } } });
      const res = await runCli(['-n', '5000', '--max-cost', '0.1'], cfg);
      assert.equal(res.code, 0, res.stderr);
      assert.match(res.stderr, /max cost reached/);
      const n = parseLines(res.stdout).length;
      assert.ok(n >= 20 && n < 200, `${n} records before the cap`);
    });
  });
});
