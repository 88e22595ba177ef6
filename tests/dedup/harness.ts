import type { RemovedLog } from '../../src/streams/dedup.js';

/**
 * Deterministic test texts for the dedup specifications: 60 words from a 3,000-word vocabulary (distinct texts
 * share ~2 % of words), drawn from a seeded LCG the caller may also use (for the word positions it alters).
 */
export function makeRandom(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296;
}

const vocab = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);

/** A source of persona texts drawn from `rnd`. */
export const personaTexts = (rnd: () => number) => () => Array.from({ length: 60 }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');

/** A removed-ids log kept in memory (the ids, in order), for driving the dedup stage without a file. */
export function memoryLog(ids: string[]): RemovedLog {
  return { open: async () => {}, append: async (entries) => void ids.push(...entries.map((e) => e.id)), close: async () => {}, abort: async () => {} };
}
