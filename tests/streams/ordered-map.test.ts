import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { GenStreamError, InputError } from '../../src/errors.js';
import type { Indexed } from '../../src/run-state/record-index.js';
import { createOrderedMap, OrderedSchedule, type OrderedLimits, UNFINISHED, type Unfinished } from '../../src/streams/ordered-map.js';
import { between, chunksOf, deferred, type Deferred, hops, indexed, lcg, runThrough, whenCount } from './harness.js';

const LIMITS: OrderedLimits[] = [
  { concurrency: 1, window: 1 },
  { concurrency: 3, window: 2 }, // the window tighter than the semaphore
  { concurrency: 4, window: 16 },
  { concurrency: 16, window: 64 },
];
const SEEDS = [1, 2, 3, 4, 5];
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const codeOf = (err: unknown) => (err as GenStreamError).code;

/**
 * Drives an OrderedSchedule as the stream would, on a virtual clock: a new chunk is accepted whenever the queue
 * is empty (the writer's callback), every task gets a seeded latency, and at each step either the reader takes
 * what is due or the earliest task settles; the reader stalls now and then. Bounds are checked after every step.
 */
function simulate(seed: number, limits: OrderedLimits, n: number) {
  const next = lcg(seed);
  const s = new OrderedSchedule<number, number>(limits);
  const running: Array<{ index: number; due: number }> = [];
  const emitted: number[] = [];
  let fed = 0;
  let now = 0;
  let peakInFlight = 0;
  let peakUnemitted = 0;
  let stall = 0;
  while (emitted.length < n) {
    if (s.queued === 0 && fed < n) for (let size = between(next, 1, 40); size > 0 && fed < n; size--, fed++) s.accept(fed, fed);
    for (let e = s.start(); e; e = s.start()) running.push({ index: e.index, due: now + between(next, 1, 50) });
    peakInFlight = Math.max(peakInFlight, s.inFlight);
    peakUnemitted = Math.max(peakUnemitted, s.unemitted);
    assert.ok(s.inFlight <= limits.concurrency && s.unemitted <= limits.window, `bounds exceeded at ${now}`);
    // The reader alternates between reading at every step and stalls of up to 150 steps (so the window fills).
    if (stall > 0) stall--;
    else if (between(next, 0, 9) === 0) stall = between(next, 1, 150);
    if (running.length === 0 || (stall === 0 && between(next, 0, 1) === 0)) {
      for (let d = s.next(); d; d = s.next()) {
        assert.equal(d.result, d.index * 10, 'a result is emitted with its own input');
        emitted.push(d.index);
      }
    } else {
      running.sort((a, b) => a.due - b.due || a.index - b.index);
      const { index, due } = running.shift()!;
      now = due;
      s.settle(index, index * 10);
    }
  }
  return { emitted, peakInFlight, peakUnemitted, idle: s.idle };
}

describe('OrderedSchedule (the scheduling state, no stream)', () => {
  for (const limits of LIMITS) {
    it(`concurrency ${limits.concurrency}, window ${limits.window}: random latencies, input order out, both bounds reached and never exceeded`, () => {
      for (const seed of SEEDS) {
        const { emitted, peakInFlight, peakUnemitted, idle } = simulate(seed, limits, 500);
        assert.deepEqual(emitted, range(0, 500), `seed ${seed}: emission order`);
        assert.equal(peakInFlight, Math.min(limits.concurrency, limits.window), `seed ${seed}: peak in flight`);
        assert.equal(peakUnemitted, limits.window, `seed ${seed}: peak started-but-not-emitted`);
        assert.ok(idle);
      }
    });
  }

  it('starts where the first accepted index is (a resumed run starts mid-way)', () => {
    const s = new OrderedSchedule<string, string>({ concurrency: 2, window: 4 });
    s.accept(1000, 'a');
    s.accept(1001, 'b');
    assert.equal(s.start()?.index, 1000);
    assert.equal(s.start()?.index, 1001);
    s.settle(1001, 'B');
    assert.equal(s.next(), undefined, '1001 waits for 1000');
    s.settle(1000, 'A');
    assert.deepEqual([s.next(), s.next()], [{ index: 1000, result: 'A' }, { index: 1001, result: 'B' }]);
  });

  it('a full window blocks starts until the oldest is emitted, however many have settled', () => {
    const s = new OrderedSchedule<number, number>({ concurrency: 8, window: 3 });
    for (const i of range(0, 10)) s.accept(i, i);
    const started = [s.start(), s.start(), s.start(), s.start()].map((e) => e?.index);
    assert.deepEqual(started, [0, 1, 2, undefined]);
    s.settle(1, 1);
    s.settle(2, 2);
    assert.equal(s.canStart(), false, 'settled but not emitted still counts');
    assert.equal(s.next(), undefined);
    s.settle(0, 0);
    assert.equal(s.next()?.index, 0);
    assert.equal(s.start()?.index, 3, 'one emitted, one more may start');
  });

  it('stop: the first queued index is the stop index, nothing starts again, in-flight results still come out', () => {
    const s = new OrderedSchedule<number, number>({ concurrency: 3, window: 6 });
    for (const i of range(0, 10)) s.accept(i, i);
    for (let k = 0; k < 3; k++) s.start();
    s.stop();
    assert.equal(s.stopIndex, 3);
    assert.equal(s.queued, 0);
    assert.equal(s.canStart(), false);
    s.accept(10, 10);
    assert.equal(s.stopIndex, 3, 'later inputs are dropped; the first dropped stays the stop index');
    for (const i of [2, 0, 1]) s.settle(i, i);
    assert.deepEqual([s.next()?.index, s.next()?.index, s.next()?.index, s.next()], [0, 1, 2, undefined]);
    assert.ok(s.idle);
  });

  it('an UNFINISHED result cuts at its turn: it is the stop index, nothing from it on comes out, later settles are dropped', () => {
    const s = new OrderedSchedule<number, number>({ concurrency: 4, window: 8 });
    for (const i of range(0, 10)) s.accept(i, i);
    for (let k = 0; k < 4; k++) s.start();
    s.stop(); // the signal: 4 is the first dropped
    assert.equal(s.stopIndex, 4);
    s.settle(0, 0);
    s.settle(2, 2);
    s.settle(1, UNFINISHED);
    assert.deepEqual([s.next()?.index, s.next()], [0, undefined], 'only what came before the unfinished one');
    assert.equal(s.stopIndex, 1, 'the cut lowers the stop index: a resume redoes 1, 2, 3 once each');
    s.settle(3, 3);
    assert.equal(s.next(), undefined);
    assert.ok(s.idle, 'nothing held after the cut');
  });

  it('stop with every input started: no stop index until an input arrives, then that one', () => {
    const s = new OrderedSchedule<number, number>({ concurrency: 4, window: 4 });
    for (const i of range(0, 2)) s.accept(i, i);
    s.start();
    s.start();
    s.stop();
    assert.equal(s.stopIndex, null);
    s.accept(2, 2);
    s.accept(3, 3);
    assert.equal(s.stopIndex, 2);
  });

  it('invalid limits are refused at construction (E_INTERNAL: the config validated them, so this is a bug)', () => {
    for (const limits of [{ concurrency: 0, window: 1 }, { concurrency: 1, window: 1.5 }, { concurrency: Number.NaN, window: 4 }, { concurrency: 2, window: -1 }]) {
      assert.throws(() => new OrderedSchedule(limits), (err: unknown) => err instanceof GenStreamError && err.code === 'E_INTERNAL', JSON.stringify(limits));
    }
  });
});

interface Probe {
  started: number;
  turned: number;
  inFlight: number;
  peakInFlight: number;
  peakUnemitted: number;
}
const newProbe = (): Probe => ({ started: 0, turned: 0, inFlight: 0, peakInFlight: 0, peakUnemitted: 0 });

describe('createOrderedMap (the stream)', () => {
  for (const limits of LIMITS) {
    it(`concurrency ${limits.concurrency}, window ${limits.window}: seeded latencies, every input once in input order, none/one/many outputs, bounds kept`, async () => {
      for (const seed of SEEDS) {
        const next = lcg(seed);
        const n = 400;
        const latency = range(0, n).map(() => between(next, 0, 12));
        const p = newProbe();
        const stage = createOrderedMap<{ index: number; k: unknown }, { index: number }>({
          ...limits,
          task: async (record, index) => {
            p.started++;
            p.inFlight++;
            p.peakInFlight = Math.max(p.peakInFlight, p.inFlight);
            p.peakUnemitted = Math.max(p.peakUnemitted, p.started - p.turned);
            await hops(latency[index]);
            p.inFlight--;
            return { index, k: record.k };
          },
          atTurn: (r, index) => {
            p.turned++;
            assert.equal(r.index, index);
            return index % 4 === 0 ? [] : index % 4 === 1 ? [r, r] : [r];
          },
        });
        const out = await runThrough<{ index: number }>(chunksOf(indexed(0, n), next, 50), stage);
        const expected = range(0, n).flatMap((i) => (i % 4 === 0 ? [] : i % 4 === 1 ? [i, i] : [i]));
        assert.deepEqual(out.map((o) => o.index), expected, `seed ${seed}: outputs in input order`);
        assert.equal(p.started, n);
        assert.equal(p.peakInFlight, Math.min(limits.concurrency, limits.window), `seed ${seed}: peak in flight (reached, never exceeded)`);
        assert.ok(p.peakUnemitted <= limits.window, `seed ${seed}: ${p.peakUnemitted} started but not emitted`);
      }
    });
  }

  it('a resumed input (first index 1000) comes out from 1000 on', async () => {
    const stage = createOrderedMap<number, number>({ concurrency: 4, window: 8, task: async (_r, index) => index, atTurn: (r) => [r] });
    assert.deepEqual(await runThrough(chunksOf(indexed(1000, 50), lcg(9), 7), stage), range(1000, 50));
  });

  it('backpressure: with nobody reading, exactly `window` tasks start and the writer waits; reading releases the rest in order', async () => {
    const window = 8;
    let started = 0;
    const settled: Promise<number>[] = [];
    const eight = whenCount(window);
    const stage = createOrderedMap<number, number>({
      concurrency: 4,
      window,
      task: (_r, index) => {
        eight.poke(++started);
        const p = Promise.resolve(index);
        settled.push(p);
        return p;
      },
      atTurn: (r) => [r],
    });
    let writeDone = false;
    stage.write(indexed(0, 100), () => (writeDone = true));
    await eight.reached;
    // Each task resolved at once and the map's reaction to it was queued before ours: after this, every
    // settle has been handled, and nothing but a read may start another task.
    await Promise.all(settled);
    assert.equal(started, window, 'tasks started ahead of a reader that never read');
    assert.equal(writeDone, false, 'the writer is held while its chunk is not all started');
    const out: number[] = [];
    const sink = new Writable({ objectMode: true, write: (batch: number[], _e, cb) => (out.push(...batch), cb()) });
    stage.end();
    await pipeline(stage, sink);
    assert.equal(writeDone, true);
    assert.deepEqual(out, range(0, 100));
  });

  /** A map whose tasks wait on deferreds (settled by the test), aborted by `controller`, its output collected; `reached` once `n` have started. */
  function deferredMap(limits: OrderedLimits, n: number) {
    const controller = new AbortController();
    const tasks: Array<Deferred<number | Unfinished>> = [];
    const started = whenCount(n);
    const stopIndices: number[] = [];
    const stage = createOrderedMap<number, number>({
      ...limits,
      task: () => {
        const d = deferred<number | Unfinished>();
        tasks.push(d);
        started.poke(tasks.length);
        return d.promise;
      },
      atTurn: (r) => [r],
      signal: controller.signal,
      onStopIndex: (i) => stopIndices.push(i),
    });
    const out: number[] = [];
    const done = pipeline(stage, new Writable({ objectMode: true, write: (b: number[], _e, cb) => (out.push(...b), cb()) }));
    return { controller, tasks, reached: started.reached, stopIndices, stage, out, done };
  }

  it('abort: the first unstarted index is reported once, in-flight tasks finish and come out, later inputs are dropped', async () => {
    const { controller, tasks, reached, stopIndices, stage, out, done } = deferredMap({ concurrency: 3, window: 6 }, 3);
    stage.write(indexed(0, 20));
    await reached;
    controller.abort();
    assert.deepEqual(stopIndices, [3], 'the stop index is the first input not started');
    stage.write(indexed(20, 5));
    stage.end();
    tasks.forEach((d, i) => d.resolve(i));
    await done;
    assert.equal(tasks.length, 3, 'nothing started after the abort');
    assert.deepEqual(out, [0, 1, 2], 'in-flight tasks finished and came out');
    assert.deepEqual(stopIndices, [3], 'reported once');
    for (const i of range(0, 25)) assert.ok(out.includes(i) || i >= stopIndices[0], `input ${i} neither out nor beyond the stop index`);
  });

  it('an UNFINISHED task after an abort: the stream ends with what came before it, and the stop index is told again, lowered', async () => {
    const { controller, tasks, reached, stopIndices, stage, out, done } = deferredMap({ concurrency: 4, window: 8 }, 4);
    stage.write(indexed(0, 20));
    await reached;
    controller.abort();
    stage.end();
    tasks[0].resolve(0);
    tasks[3].resolve(3);
    tasks[2].resolve(UNFINISHED); // its request aborted at the drain deadline
    tasks[1].resolve(1);
    await done;
    assert.deepEqual(out, [0, 1], 'nothing from the unfinished input on');
    assert.deepEqual(stopIndices, [4, 2]);
  });

  it('abort with every input started: the stop index is the first input written afterwards', async () => {
    const controller = new AbortController();
    const stopIndices: number[] = [];
    const stage = createOrderedMap<number, number>({
      concurrency: 8,
      window: 8,
      task: async (_r, index) => index,
      atTurn: (r) => [r],
      signal: controller.signal,
      onStopIndex: (i) => stopIndices.push(i),
    });
    const out: number[] = [];
    const done = pipeline(stage, new Writable({ objectMode: true, write: (b: number[], _e, cb) => (out.push(...b), cb()) }));
    await new Promise<void>((resolve) => stage.write(indexed(0, 4), () => resolve()));
    controller.abort();
    assert.deepEqual(stopIndices, []);
    stage.write(indexed(4, 4));
    stage.end();
    await done;
    assert.deepEqual(out, [0, 1, 2, 3]);
    assert.deepEqual(stopIndices, [4]);
  });

  it('a signal aborted before the first input: nothing starts, the first input is the stop index', async () => {
    let started = 0;
    const stopIndices: number[] = [];
    const stage = createOrderedMap<number, number>({
      concurrency: 2,
      window: 2,
      task: async (_r, index) => (started++, index),
      atTurn: (r) => [r],
      signal: AbortSignal.abort(),
      onStopIndex: (i) => stopIndices.push(i),
    });
    assert.deepEqual(await runThrough([indexed(7, 3), indexed(10, 3)], stage), []);
    assert.equal(started, 0);
    assert.deepEqual(stopIndices, [7]);
  });

  it('a rejected task is a stream error carrying its code', async () => {
    const stage = createOrderedMap<number, number>({
      concurrency: 2,
      window: 4,
      task: async (_r, index) => {
        if (index === 5) throw new InputError('bad input');
        return index;
      },
      atTurn: (r) => [r],
    });
    await assert.rejects(runThrough([indexed(0, 10)], stage), (err) => codeOf(err) === 'E_INPUT');
  });

  it('a throwing atTurn is a stream error carrying its code', async () => {
    const stage = createOrderedMap<number, number>({
      concurrency: 2,
      window: 4,
      task: async (_r, index) => index,
      atTurn: (r) => {
        if (r === 3) throw new InputError('bad turn');
        return [r];
      },
    });
    await assert.rejects(runThrough([indexed(0, 10)], stage), (err) => codeOf(err) === 'E_INPUT');
  });

  it('destroy mid-run: held inputs and results are dropped, late settles are ignored, the signal is let go', async () => {
    const controller = new AbortController();
    const tasks: Deferred<number>[] = [];
    const two = whenCount(2);
    let turned = 0;
    const stopIndices: number[] = [];
    const stage = createOrderedMap<number, number>({
      concurrency: 2,
      window: 4,
      task: () => {
        const d = deferred<number>();
        tasks.push(d);
        two.poke(tasks.length);
        return d.promise;
      },
      atTurn: (r) => (turned++, [r]),
      signal: controller.signal,
      onStopIndex: (i) => stopIndices.push(i),
    });
    stage.resume();
    stage.write(indexed(0, 10));
    await two.reached;
    tasks[1].resolve(1); // settled, waiting for 0: held in the reorder buffer
    const errored = once(stage, 'error');
    stage.destroy(new InputError('downstream failed'));
    const [err] = await errored;
    assert.equal(codeOf(err), 'E_INPUT', 'destroy(err) surfaces that error');
    tasks[0].resolve(0);
    await Promise.all(tasks.map((d) => d.promise));
    controller.abort();
    assert.equal(tasks.length, 2, 'nothing started after destroy');
    assert.equal(turned, 0, 'nothing emitted after destroy');
    assert.deepEqual(stopIndices, [], 'the abort listener was removed');
    assert.ok(stage.destroyed);
  });
});
