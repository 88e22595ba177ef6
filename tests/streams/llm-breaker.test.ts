import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LlmError } from '../../src/errors.js';
import type { AttemptCounter } from '../../src/llm/chat-client.js';
import { Breaker, type BreakerRule, type FailureKind } from '../../src/llm/retry-policy.js';
import { FailureSink } from '../../src/run-state/failure-sink.js';
import type { Indexed } from '../../src/run-state/record-index.js';
import { REPORT, RunStats, type StageReport } from '../../src/run-state/run-stats.js';
import { createLlmMap, type LlmWork } from '../../src/streams/llm-map.js';
import { errorCode, parseLines, runCli, stopCode } from '../helpers/cli.js';
import { MockLlm, type MockOptions } from '../helpers/mock-llm.js';
import { indexed, runThrough } from './harness.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-breaker-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const RULE: BreakerRule = { window: 4, minRequests: 10, maxFailureRate: 0.5 };
const fail = (kind: FailureKind | null, answered = true) => ({ failed: true, kind, answered });
const ok = { failed: false, kind: null, answered: true };
const codeOf = (reason: string | null) => reason?.split(':')[0] ?? null;

/** Feeds outcomes to a fresh breaker; the first stop reason's code and after how many records, or null. */
function tripOf(rule: BreakerRule, outcomes: Parameters<Breaker['settle']>[0][]): { code: string; after: number } | null {
  const b = new Breaker(rule);
  for (let i = 0; i < outcomes.length; i++) {
    const reason = b.settle(outcomes[i]);
    if (reason !== null) return { code: codeOf(reason)!, after: i + 1 };
  }
  return null;
}

/** A loopback port with nothing listening: bound, noted, closed. */
async function deadPort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function withMock<T>(options: Partial<MockOptions>, fn: (url: string, mock: MockLlm) => Promise<T>): Promise<T> {
  const mock = new MockLlm(options);
  const url = await mock.listen();
  try {
    return await fn(url, mock);
  } finally {
    await mock.close();
  }
}

const llmConfig = (url: string, llm: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ seed: 42, checkpoint: { every: 10 }, ...extra, llm: { baseUrl: url, model: 'mock', concurrency: 4, retryBaseMs: 5, retryMaxMs: 40, grouping: 'single', ...llm } });

async function lines(path: string): Promise<Record<string, unknown>[]> {
  try {
    return parseLines(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
}

/**
 * What a stopped run left: records written, failures, and input positions past the checkpoint (left for
 * --resume). The three add up to the input.
 */
async function accounting(out: string, n: number) {
  const written = (await lines(out)).length;
  const failed = (await lines(`${out}.failed.jsonl`)).length;
  const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { offset: number; complete: boolean; written: number; failed: number };
  return { written, failed, left: n - cp.offset, cp };
}

describe('circuit breaker: the rule (retry-policy Breaker)', () => {
  it('the endpoint unreachable before any answer: trips on the first record that failed to connect', () => {
    assert.deepEqual(tripOf(RULE, [fail('connection', false)]), { code: 'E_LLM_UNREACHABLE', after: 1 });
  });

  it('a connection failure after some request was answered is not "unreachable"; window-many in a row trip the breaker', () => {
    assert.deepEqual(tripOf(RULE, [ok, fail('connection', false), fail('connection', false), fail('connection', false), fail('connection', false)]), { code: 'E_LLM_BREAKER', after: 5 });
  });

  it('window-many 5xx, or not-JSON, records in a row trip the breaker; one success or another kind resets the run', () => {
    assert.deepEqual(tripOf(RULE, Array(4).fill(fail('server'))), { code: 'E_LLM_BREAKER', after: 4 });
    assert.deepEqual(tripOf(RULE, Array(4).fill(fail('not-json'))), { code: 'E_LLM_BREAKER', after: 4 });
    const mixed = [fail('server'), fail('server'), fail('server'), ok, fail('server'), fail('server'), fail('not-json'), fail('server')];
    assert.equal(tripOf({ ...RULE, maxFailureRate: 1 }, mixed), null);
  });

  it('rejected and throttled records never trip the same-kind rule (they are not the endpoint being down)', () => {
    assert.equal(tripOf({ ...RULE, maxFailureRate: 1 }, Array(20).fill(fail('rejected'))), null);
    assert.equal(tripOf({ ...RULE, maxFailureRate: 1 }, Array(20).fill(fail('throttled'))), null);
  });

  it('the failure rate: checked from minRequests settled records on, trips above maxFailureRate', () => {
    const outcomes = Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? ok : fail('rejected')));
    assert.deepEqual(tripOf(RULE, outcomes), { code: 'E_LLM_FAILURE_RATE', after: 10 });
    assert.equal(tripOf({ ...RULE, maxFailureRate: 0.75 }, outcomes), null, "two in three failed: under 0.75 from the 10th record on");
  });
});

/** The LLM stage over simulated requests, its reports applied to RunStats as the runner does. */
function stageWith(work: LlmWork, rule: BreakerRule, concurrency = 4) {
  const failures = new FailureSink(join(dir, `unit-${Math.random().toString(36).slice(2)}.failed.jsonl`));
  const stage = createLlmMap({ work, redact: (t) => t, concurrency, window: 16, failures, breaker: rule });
  const stats = new RunStats();
  stage.on(REPORT, (r: StageReport) => stats.apply(r));
  return { stage, stats, failures };
}

describe('circuit breaker: the LLM stage', () => {
  it('every answer a 5xx: the intake stops with E_LLM_BREAKER; out + failures + left past the stop index = input', async () => {
    const work: LlmWork = async (_record, _index, tally) => {
      const counter = tally as typeof tally & AttemptCounter;
      counter.requests++;
      counter.answered = true;
      counter.failure = 'server';
      throw new LlmError('E_LLM_RETRIES', 'gave up after 7 attempts; last: HTTP 500');
    };
    const { stage, stats, failures } = stageWith(work, { window: 3, minRequests: 100, maxFailureRate: 1 });
    const out = await runThrough<Indexed>([indexed(0, 50)], stage);
    await failures.close();
    assert.equal(codeOf(stats.stopReason), 'E_LLM_BREAKER');
    assert.notEqual(stats.stopIndex, null);
    assert.equal(out.length + stats.failed + (50 - stats.stopIndex!), 50);
    assert.equal(stats.failed, stats.stopIndex, 'every record started before the stop is in the failure file');
  });

  it('a trip halts the requests in flight: their counter signal aborts, they fail at once, no retry starts', async () => {
    let halted = 0;
    const work: LlmWork = async (_record, index, tally) => {
      const counter = tally as typeof tally & AttemptCounter;
      counter.requests++;
      if (index === 0) {
        counter.failure = 'connection';
        throw new LlmError('E_LLM_RETRIES', 'ECONNREFUSED');
      }
      // Hangs until the breaker halts it: only the abort can end this test.
      if (!counter.signal!.aborted) await once(counter.signal!, 'abort');
      halted++;
      throw new LlmError('E_LLM_RETRIES', 'not retried: the run stopped');
    };
    const { stage, stats, failures } = stageWith(work, { window: 8, minRequests: 100, maxFailureRate: 1 });
    const out = await runThrough<Indexed>([indexed(0, 20)], stage);
    await failures.close();
    assert.equal(codeOf(stats.stopReason), 'E_LLM_UNREACHABLE');
    assert.equal(halted, 3, 'the three others in flight (concurrency 4) were halted');
    assert.equal(stats.stopIndex, 4);
    assert.equal(out.length + stats.failed + (20 - stats.stopIndex!), 20);
  });

  it('records whose work made no request (batch-import) never trip it', async () => {
    const work: LlmWork = async () => {
      throw new LlmError('E_LLM_REQUEST', 'failed at the provider');
    };
    const { stage, stats, failures } = stageWith(work, { window: 1, minRequests: 1, maxFailureRate: 0 });
    await runThrough<Indexed>([indexed(0, 30)], stage);
    await failures.close();
    assert.equal(stats.stopReason, null);
    assert.equal(stats.failed, 30);
  });
});

describe('circuit breaker: gen-stream against dead and broken endpoints', () => {
  it('nothing listening on the port: stops after the first record, exit 1, E_LLM_UNREACHABLE; every record accounted for; --resume completes', async () => {
    const port = await deadPort();
    const out = join(dir, 'dead.jsonl');
    const n = 200;
    const res = await runCli(['-q', '-n', String(n), '-o', out], llmConfig(`http://127.0.0.1:${port}/v1`, { maxRetries: 3 }));
    assert.equal(res.code, 1, res.stderr);
    assert.equal(stopCode(res.stderr), 'E_LLM_UNREACHABLE');
    const a = await accounting(out, n);
    assert.equal(a.cp.complete, false);
    assert.equal(a.written + a.failed + a.left, n);
    assert.ok(a.failed <= 4 && a.left >= n - 4, `at most the records in flight failed (concurrency 4): ${a.failed}`);
    // The endpoint back: the rest of the run resumes from the checkpoint.
    await withMock({}, async (url) => {
      const cfg = join(dir, 'dead-resume.json');
      await writeFile(cfg, llmConfig(url, { maxRetries: 3 }));
      const again = await runCli(['-q', '--config', cfg, '-n', String(n), '-o', out, '--resume']);
      assert.equal(again.code, 0, again.stderr);
      assert.equal((await lines(out)).length + (await lines(`${out}.failed.jsonl`)).length, n);
    });
  });

  it('every answer a 500: exit 1, E_LLM_BREAKER, records out + failures + left = input', async () => {
    await withMock({ forceStatus: 500 }, async (url) => {
      const out = join(dir, 'all500.jsonl');
      const n = 300;
      const res = await runCli(['-q', '-n', String(n), '-o', out], llmConfig(url, { maxRetries: 2 }));
      assert.equal(res.code, 1, res.stderr);
      assert.equal(stopCode(res.stderr), 'E_LLM_BREAKER');
      const a = await accounting(out, n);
      assert.equal(a.written, 0);
      assert.equal(a.written + a.failed + a.left, n);
      assert.ok(a.left > 0, 'records past the checkpoint are left for --resume');
    });
  });

  it('HTML with status 200 on every answer: exit 1, E_LLM_BREAKER, records out + failures + left = input', async () => {
    await withMock({ htmlOk: true }, async (url) => {
      const out = join(dir, 'html.jsonl');
      const n = 300;
      const res = await runCli(['-q', '-n', String(n), '-o', out], llmConfig(url));
      assert.equal(res.code, 1, res.stderr);
      assert.equal(stopCode(res.stderr), 'E_LLM_BREAKER');
      const a = await accounting(out, n);
      assert.equal(a.written + a.failed + a.left, n);
      assert.ok(a.left > 0);
    });
  });

  it('a failure rate above llm.maxFailureRate stops the run once minRequests records settled (defaults 0.5, 20): exit 1, E_LLM_FAILURE_RATE', async () => {
    await withMock({ forceStatus: 400 }, async (url) => {
      const out = join(dir, 'rate.jsonl');
      const n = 300;
      const res = await runCli(['-q', '-n', String(n), '-o', out], llmConfig(url));
      assert.equal(res.code, 1, res.stderr);
      assert.equal(stopCode(res.stderr), 'E_LLM_FAILURE_RATE');
      const a = await accounting(out, n);
      assert.equal(a.written + a.failed + a.left, n);
      assert.ok(a.left > 0);
    });
  });

  it('a run that ends with its failure rate above llm.maxFailureRate exits 1 (E_LLM_FAILURE_RATE); at or under it, 0', async () => {
    await withMock({ forceStatus: 400 }, async (url) => {
      const out = join(dir, 'end-rate.jsonl');
      const res = await runCli(['-q', '-n', '12', '-o', out], llmConfig(url));
      assert.equal(res.code, 1, res.stderr);
      assert.equal(errorCode(res.stderr), 'E_LLM_FAILURE_RATE');
      assert.equal(stopCode(res.stderr), null, 'fewer than minRequests records: the run was not stopped, it ended');
      const a = await accounting(out, 12);
      assert.equal(a.cp.complete, true);
      assert.equal(a.written + a.failed, 12);
      const tolerant = await runCli(['-q', '-n', '12', '-o', out], llmConfig(url, { maxFailureRate: 1 }));
      assert.equal(tolerant.code, 0, tolerant.stderr);
      assert.equal((await lines(`${out}.failed.jsonl`)).length, 12);
    });
  });
});
