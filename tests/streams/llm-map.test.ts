import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { InputError, LlmError } from '../../src/errors.js';
import type { Tally } from '../../src/llm/ask-json.js';
import { type FailureEntry, FailureSink } from '../../src/run-state/failure-sink.js';
import { INDEX, type Indexed, POSITION } from '../../src/run-state/record-index.js';
import { REPORT, RunStats, type StageReport } from '../../src/run-state/run-stats.js';
import { createLlmMap, IMPORT_CONCURRENCY, IMPORT_WINDOW, type LlmMapOptions, type LlmWork } from '../../src/streams/llm-map.js';
import { between, chunksOf, deferred, type Deferred, hops, indexed, lcg, runThrough, whenCount } from './harness.js';

let dir: string;
let files = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-llm-map-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** A stage over a fresh failure file, its reports applied to a RunStats as the runner does. */
function harness(options: Omit<LlmMapOptions, 'failures' | 'redact'> & { redact?: (text: string) => string }) {
  const failures = new FailureSink(join(dir, `failed-${files++}.jsonl`));
  const stage = createLlmMap({ redact: (text) => text, ...options, failures });
  const stats = new RunStats();
  const reports: StageReport[] = [];
  stage.on(REPORT, (r: StageReport) => {
    reports.push(r);
    stats.apply(r);
  });
  const failed = async (): Promise<FailureEntry[]> => {
    await failures.close();
    try {
      return (await readFile(failures.path, 'utf8'))
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as FailureEntry);
    } catch {
      return []; // created on the first failure only
    }
  };
  return { stage, stats, reports, failures, failed };
}

/** One request per record, 1,000 prompt and 100 completion tokens. */
function spend(tally: Tally): void {
  tally.requests++;
  tally.usage.promptTokens += 1000;
  tally.usage.completionTokens += 100;
}

const collect = (stage: import('node:stream').Duplex, out: Indexed[]) =>
  pipeline(stage, new Writable({ objectMode: true, write: (batch: Indexed[], _e, cb) => (out.push(...batch), cb()) }));

/** Work that finishes (its record as the output) or fails when the test says: started ones in start order. */
function heldWork() {
  const started: Array<{ index: number; d: Deferred<void> }> = [];
  const counts: Array<{ poke: (n: number) => void }> = [];
  const work: LlmWork = (record, index, tally) => {
    spend(tally);
    const d = deferred<void>();
    started.push({ index, d });
    for (const c of counts) c.poke(started.length);
    return d.promise.then(() => [{ ...record }]);
  };
  const whenStarted = (n: number) => {
    const c = whenCount(n);
    counts.push(c);
    c.poke(started.length);
    return c.reached;
  };
  return { work, started, whenStarted };
}

describe('llm-map', () => {
  it('seeded latencies: outputs in input order, failures in the file in input order with their codes, every input accounted for', async () => {
    for (const seed of [1, 2, 3]) {
      const next = lcg(seed);
      const n = 300;
      const latency = range(0, n).map(() => between(next, 0, 10));
      const codeFor = (i: number) => (i % 7 === 3 ? 'E_LLM_INVALID' : i % 11 === 5 ? 'E_LLM_REQUEST' : i % 13 === 0 ? 'E_INPUT' : null);
      let inFlight = 0;
      let peak = 0;
      const { stage, stats, failed } = harness({
        concurrency: 6,
        window: 24,
        work: async (record, index, tally) => {
          peak = Math.max(peak, ++inFlight);
          spend(tally);
          if (index % 3 === 0) {
            tally.retries++;
            tally.requests++;
          }
          await hops(latency[index]);
          inFlight--;
          if (index % 7 === 3) throw new LlmError('E_LLM_INVALID', 'bad answer');
          if (index % 11 === 5) throw new Error('socket hang up'); // not ours: a request failure
          if (index % 13 === 0) throw new InputError('no text');
          return index % 5 === 0 ? [{ ...record, n: 1 }, { ...record, n: 2 }] : [{ ...record }];
        },
      });
      const out = await runThrough<Indexed>(chunksOf(indexed(0, n), next, 40), stage);
      const entries = await failed();
      const failing = range(0, n).filter((i) => codeFor(i) !== null);
      assert.deepEqual(
        out.map((o) => o[INDEX]),
        range(0, n)
          .filter((i) => codeFor(i) === null)
          .flatMap((i) => (i % 5 === 0 ? [i, i] : [i])),
        `seed ${seed}: outputs in input order, stamped with their input`,
      );
      assert.deepEqual(entries.map((e) => e.index), failing, `seed ${seed}: failure entries in input order`);
      assert.deepEqual(entries.map((e) => e.error.code), failing.map(codeFor), `seed ${seed}: codes`);
      assert.ok(entries.every((e) => e.attempts === (e.index % 3 === 0 ? 2 : 1) && !('position' in e)));
      assert.equal(stats.done + stats.failed, n, 'count in = done + failed');
      assert.equal(stats.failed, failing.length);
      assert.equal(stats.inFlight, 0, 'every +1 in flight reported its -1');
      assert.equal(stats.requests, n + Math.ceil(n / 3));
      assert.equal(stats.retries, Math.ceil(n / 3));
      assert.equal(stats.promptTokens, 1000 * n);
      assert.equal(stats.stopReason, null);
      assert.equal(stats.stopIndex, null);
      assert.ok(peak <= 6, `${peak} in flight`);
    }
  });

  it('a failure of a record whose place in the whole input differs carries that position', async () => {
    const records = indexed(0, 3).map((r, i) => Object.assign(r, { [POSITION]: 10 + 3 * i }));
    records[1][POSITION] = 1; // the same as its index: no position
    const { stage, failed } = harness({ concurrency: 2, window: 4, work: async () => Promise.reject(new LlmError('E_LLM_RETRIES', 'gave up')) });
    await runThrough([records], stage);
    const entries = await failed();
    assert.deepEqual(entries.map((e) => [e.index, e.position]), [[0, 10], [1, undefined], [2, 16]]);
  });

  it('error text goes through redact before the failure file', async () => {
    const secret = 'sk-SENTINEL-123';
    const { stage, failed } = harness({
      concurrency: 1,
      window: 1,
      redact: (text) => text.replaceAll(secret, '[redacted]'),
      work: async () => Promise.reject(new Error(`upstream said ${secret}`)),
    });
    await runThrough([indexed(0, 2)], stage);
    const text = JSON.stringify(await failed());
    assert.ok(!text.includes(secret));
  });

  it('cost cap: the record that reaches it is the last started; the rest is beyond the stop index', async () => {
    // 1,000 prompt + 100 completion tokens at 50/5 per 1M tokens: 0.0505 per record; 4 records reach 0.2.
    const { stage, stats, reports } = harness({ concurrency: 1, window: 4, price: { input: 50, output: 5 }, maxCost: 0.2, work: async (r, _i, t) => (spend(t), [{ ...r }]) });
    const out = await runThrough<Indexed>([indexed(0, 10), indexed(10, 10)], stage);
    assert.deepEqual(out.map((o) => o[INDEX]), [0, 1, 2, 3]);
    assert.equal(stats.stopIndex, 4);
    assert.equal(typeof stats.stopReason, 'string');
    assert.doesNotMatch(stats.stopReason!, /^E_LLM_/, 'a cost stop is not an API failure (exit 0)');
    assert.equal(reports.filter((r) => r.stopReason !== undefined).length, 1, 'one stop reason');
    assert.ok(Math.abs(stats.cost - 4 * 0.0505) < 1e-12);
  });

  it('cost cap counts the cost of the run resumed (costSoFar): it stops after the first record', async () => {
    const { stage, stats } = harness({ concurrency: 1, window: 4, price: { input: 50, output: 5 }, maxCost: 0.2, costSoFar: 0.19, work: async (r, _i, t) => (spend(t), [{ ...r }]) });
    const out = await runThrough<Indexed>([indexed(100, 10)], stage);
    assert.deepEqual(out.map((o) => o[INDEX]), [100]);
    assert.equal(stats.stopIndex, 101);
    assert.equal(typeof stats.stopReason, 'string');
    assert.ok(Math.abs(stats.cost - 0.0505) < 1e-12, 'reports carry this run\'s cost only');
  });

  it('a fatal API error stops the intake: in-flight records finish, its own entry is in the file, the reason starts with its code', async () => {
    const { work, started, whenStarted } = heldWork();
    const { stage, stats, failed } = harness({ concurrency: 4, window: 8, work });
    const out: Indexed[] = [];
    const done = collect(stage, out);
    stage.write(indexed(0, 20));
    await whenStarted(4);
    started[1].d.reject(new LlmError('E_LLM_AUTH', 'bad key', 401));
    for (const s of started) if (s.index !== 1) s.d.resolve();
    stage.end();
    await done;
    assert.deepEqual(started.map((s) => s.index), [0, 1, 2, 3], 'nothing started after the fatal error');
    assert.deepEqual(out.map((o) => o[INDEX]), [0, 2, 3]);
    assert.match(stats.stopReason ?? '', /^E_LLM_AUTH\b/, 'the runner exits 1 on an E_LLM_ stop reason');
    assert.equal(stats.stopIndex, 4);
    assert.deepEqual((await failed()).map((e) => [e.index, e.error.code]), [[1, 'E_LLM_AUTH']]);
  });

  it("the runner's signal: no stop reason from the stage (the runner records it), the first unstarted index, in-flight ones out", async () => {
    const controller = new AbortController();
    const { work, started, whenStarted } = heldWork();
    const { stage, stats, reports } = harness({ concurrency: 3, window: 6, work, signal: controller.signal });
    const out: Indexed[] = [];
    const done = collect(stage, out);
    stage.write(indexed(0, 10));
    await whenStarted(3);
    controller.abort();
    stage.write(indexed(10, 5));
    stage.end();
    for (const s of started) s.d.resolve();
    await done;
    assert.deepEqual(out.map((o) => o[INDEX]), [0, 1, 2]);
    assert.equal(stats.stopIndex, 3);
    assert.equal(stats.stopReason, null);
    assert.ok(reports.every((r) => r.stopReason === undefined));
    assert.equal(stats.done, 3);
    for (const i of range(0, 15)) assert.ok(out.some((o) => o[INDEX] === i) || i >= stats.stopIndex!, `input ${i} unaccounted for`);
  });

  it('admit: rejections go to the failure file at their turn, interleaved with failures in input order, counted as failed', async () => {
    const admitted: number[] = [];
    const next = lcg(7);
    const latency = range(0, 60).map(() => between(next, 0, 8));
    const { stage, stats, failed } = harness({
      concurrency: 5,
      window: 10,
      work: async (record, index, tally) => {
        tally.requests += 2;
        await hops(latency[index]);
        if (index % 4 === 1) throw new LlmError('E_LLM_INVALID', 'bad');
        return [{ ...record, part: 'a' }, { ...record, part: 'b' }];
      },
      admit: (records) => {
        admitted.push(records[0][INDEX]!);
        const rejected = records.filter((r) => (r.k as number) % 3 === 0 && r.part === 'b');
        return { kept: records.filter((r) => !rejected.includes(r)), rejected: rejected.map((record) => ({ record, code: 'E_DOMAIN_CAP', message: 'full' })) };
      },
    });
    const out = await runThrough<Indexed>(chunksOf(indexed(0, 60), next, 9), stage);
    const entries = await failed();
    const ok = range(0, 60).filter((i) => i % 4 !== 1);
    assert.deepEqual(admitted, ok, 'admit sees each input once, in input order');
    assert.deepEqual(entries.map((e) => [e.index, e.error.code]), range(0, 60).flatMap((i) => (i % 4 === 1 ? [[i, 'E_LLM_INVALID']] : i % 3 === 0 ? [[i, 'E_DOMAIN_CAP']] : [])));
    assert.ok(entries.every((e) => e.attempts === 2));
    assert.equal(out.length, 2 * ok.length - ok.filter((i) => i % 3 === 0).length);
    assert.equal(stats.failed, entries.length);
    assert.equal(stats.done, ok.length);
  });

  it('destroy mid-run: nothing more is emitted or written to the failure file; settled work still reports (in flight back to 0)', async () => {
    const { work, started, whenStarted } = heldWork();
    const { stage, stats, failures } = harness({ concurrency: 2, window: 4, work });
    stage.resume();
    stage.write(indexed(0, 10));
    await whenStarted(2);
    const closed = once(stage, 'close');
    stage.destroy();
    await closed;
    const drained = new Promise<void>((resolve) => stage.on(REPORT, () => stats.inFlight === 0 && resolve()));
    started[0].d.reject(new LlmError('E_LLM_REQUEST', 'late failure'));
    started[1].d.resolve();
    await drained;
    assert.equal(started.length, 2, 'nothing started after destroy');
    assert.equal(failures.count, 0, 'no failure written after destroy');
    assert.equal(stats.inFlight, 0);
    await failures.close();
  });

  it('after the first signal a record the client gave up on is unfinished: not a failure, not an output; the stage cuts there', async () => {
    const signal = new AbortController();
    const interrupt = new AbortController();
    const deadline = new AbortController();
    const four = whenCount(4);
    let started = 0;
    const work: LlmWork = async (record, index, tally) => {
      four.poke(++started);
      spend(tally);
      if (index === 1 && !tally.noRetry!.aborted) await once(tally.noRetry!, 'abort');
      if (index === 1) {
        tally.stopped = true; // the client: no retry after the signal
        throw new LlmError('E_LLM_RETRIES', 'not retried: the run stopped');
      }
      if (index === 3) throw new LlmError('E_LLM_REQUEST', 'HTTP 400'); // a real failure, but past the cut
      if (index === 2 && !tally.signal!.aborted) await once(tally.signal!, 'abort'); // hangs until the deadline
      if (index === 2) {
        tally.stopped = true;
        throw new LlmError('E_LLM_RETRIES', 'not retried: the run stopped');
      }
      return [{ ...record }];
    };
    const { stage, stats, failed } = harness({ concurrency: 4, window: 8, work, signal: signal.signal, interrupt: interrupt.signal, deadline: deadline.signal });
    const out: Indexed[] = [];
    const done = collect(stage, out);
    stage.write(indexed(0, 10));
    await four.reached;
    signal.abort();
    interrupt.abort();
    deadline.abort();
    stage.end();
    await done;
    assert.deepEqual(out.map((r) => r[INDEX]), [0]);
    assert.deepEqual(await failed(), [], 'neither the unfinished records nor the failure past the cut are in the failure file');
    assert.equal(stats.stopIndex, 1);
    assert.deepEqual([stats.failed, stats.inFlight, stats.requests], [0, 0, 4]);
  });

  it('batch-import bounds are named and sane (the work makes no request: one batch-join array in flight, eight in the window)', () => {
    assert.equal(IMPORT_CONCURRENCY, 64);
    assert.equal(IMPORT_WINDOW, 8 * IMPORT_CONCURRENCY);
  });
});
