import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

export type Rng = RandomGenerator;

/**
 * Independent random streams per purpose, so that e.g. adding a Big Five draw never shifts
 * the census attributes of the same record.
 */
export const Stream = {
  person: 1,
  bigFive: 2,
  id: 3,
  warmup: 4,
  probe: 5,
  narrative: 6,
  retry: 7,
  relation: 8,
} as const;

// murmur3's 32-bit finaliser: full avalanche, cheap with Math.imul.
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/**
 * Hashes (seed, stream, index) into four well-mixed 32-bit words.
 * Seeding xoroshiro128plus with the index directly would correlate neighbours (its first output is
 * ~seed, see PITFALLS.md); deriving the whole state from a hash makes every record independent and
 * directly addressable, which resume and shards rely on.
 */
export function stateWords(seed: number, stream: number, index: number): [number, number, number, number] {
  const seedLo = seed >>> 0;
  const seedHi = Math.floor(seed / 0x100000000) >>> 0;
  const idxLo = index >>> 0;
  const idxHi = Math.floor(index / 0x100000000) >>> 0;
  let h = fmix32(seedLo ^ 0x9e3779b9);
  h = fmix32(h ^ Math.imul(seedHi, 0x85ebca6b) ^ Math.imul(stream, 0x27d4eb2f));
  const a = fmix32(h ^ idxLo);
  const b = fmix32(a ^ Math.imul(idxHi + 0x165667b1, 0xc2b2ae35));
  const w0 = fmix32(b + 0x7f4a7c15);
  const w1 = fmix32(w0 ^ 0x94d049bb);
  const w2 = fmix32(w1 + 0x2545f491);
  let w3 = fmix32(w2 ^ 0x632be5ab);
  // xoroshiro's all-zero state is a fixed point; never hand it one.
  if ((w0 | w1 | w2 | w3) === 0) w3 = 1;
  return [w0, w1, w2, w3];
}

export function rngFor(seed: number, stream: number, index: number): Rng {
  return xoroshiro128plusFromState(stateWords(seed, stream, index));
}

const TWO_NEG_32 = 2 ** -32;

/** Uniform in [0, 1) with 32 bits of resolution: plenty for categorical draws, half the cost of 53 bits. */
export function uniform(rng: Rng): number {
  return (rng.next() >>> 0) * TWO_NEG_32;
}

/** Standard normal by Box–Muller (one of the pair is discarded to keep draws position-independent). */
export function normal(rng: Rng): number {
  const u1 = 1 - uniform(rng);
  const u2 = uniform(rng);
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
