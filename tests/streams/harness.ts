/**
 * Shared fixtures of the stream unit tests: a seeded LCG (fixed latencies, chunk sizes), indexed records,
 * deferred promises, and event-loop hops as a task's simulated latency. Nothing here reads a clock: a latency
 * is a number of setImmediate turns, so a seed fixes every interleaving.
 */
import { type Duplex, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { INDEX, type Indexed } from '../../src/run-state/record-index.js';

/** Numerical Recipes' 32-bit LCG: a uint32 per call. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state;
  };
}

/** An integer in [lo, hi] from a uint32 source (the top bits: an LCG's low bits cycle quickly). */
export const between = (next: () => number, lo: number, hi: number): number => lo + Math.floor((next() / 2 ** 32) * (hi - lo + 1));

/** Records `{ k }` stamped with input positions from, from + 1, …. */
export function indexed(from: number, n: number): Indexed[] {
  return Array.from({ length: n }, (_, i) => ({ k: from + i, [INDEX]: from + i }) as Indexed);
}

/** Records cut into arrays of random sizes in [1, max]. */
export function chunksOf(records: readonly Indexed[], next: () => number, max: number): Indexed[][] {
  const out: Indexed[][] = [];
  for (let i = 0; i < records.length; ) {
    const n = between(next, 1, max);
    out.push(records.slice(i, i + n));
    i += n;
  }
  return out;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (err: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** `n` turns of the event loop: a task's simulated latency. */
export async function hops(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

/** Runs chunks through a stage into an array (the stage's output arrays flattened). */
export async function runThrough<O>(chunks: readonly Indexed[][], stage: Duplex): Promise<O[]> {
  const out: O[] = [];
  const sink = new Writable({
    objectMode: true,
    write(batch: O[], _enc, cb) {
      out.push(...batch);
      cb();
    },
  });
  await pipeline(Readable.from(chunks, { objectMode: true, highWaterMark: 1 }), stage, sink);
  return out;
}

/** `reached` resolves once `poke` (called by the code under test with its running count) sees `n`. */
export function whenCount(n: number): { poke: (count: number) => void; reached: Promise<void> } {
  const d = deferred<void>();
  return { poke: (count) => count >= n && d.resolve(), reached: d.promise };
}
