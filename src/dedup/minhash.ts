/**
 * Word-shingle MinHash, all in 32-bit integer arithmetic. A shingle is `n` consecutive normalised words,
 * hashed; permutation k of a shingle hash x is a murmur-style mix of x with a per-permutation seed.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** Lower case, accents folded, punctuation dropped, whitespace collapsed: the text two duplicates share. */
export function normalise(text: string): string {
  // Pure ASCII needs no Unicode decomposition (the common case for English personas, and the costly step).
  if (!/[^\x00-\x7f]/.test(text)) return text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Shingle hashes of a normalised text. Repeats are kept: a minimum over a multiset is the minimum over its set,
 * so deduplicating them would only cost time.
 */
export function shingles(normalised: string, size: number): Int32Array {
  const words = normalised === '' ? [] : normalised.split(' ');
  if (words.length < size) return Int32Array.of(hashString(words.join(' ')));
  // Int32, not Uint32: values above 2^31 would be read back as heap doubles in the hot loop.
  const out = new Int32Array(words.length - size + 1);
  for (let i = 0; i < out.length; i++) out[i] = hashString(size === 1 ? words[i] : words.slice(i, i + size).join(' '));
  return out;
}

// Permutation k: x → (a_k·x + b_k) mod 2^32 with odd a_k, applied to shingle hashes that are already fully
// mixed. One multiply-add per (shingle, permutation) instead of a full mix: 2.5× faster signatures. Its high
// bits are well mixed, so minima and the 8-bit sketch (the top byte) are taken from there.
// Everything stays int32 (small integers to V8): the value is stored with its top bit flipped, so that signed
// order is the unsigned order of (a·x + b) mod 2^32 — the same minima, without a double in the inner loop.
const A = Int32Array.from({ length: 1024 }, (_, k) => fmix32(0x9e3779b9 + k * 0x632be5ab) | 1);
const B = Int32Array.from({ length: 1024 }, (_, k) => fmix32(0x7f4a7c15 ^ (k * 0x2545f491)) ^ 0x80000000);

export function signature(sh: Int32Array, permutations: number, into: Int32Array = new Int32Array(permutations)): Int32Array {
  const n = sh.length;
  let k = 0;
  // Four permutations per pass over the shingles: one load serves four independent multiply-adds.
  for (; k + 4 <= permutations; k += 4) {
    const a0 = A[k], a1 = A[k + 1], a2 = A[k + 2], a3 = A[k + 3];
    const b0 = B[k], b1 = B[k + 1], b2 = B[k + 2], b3 = B[k + 3];
    let m0 = 0x7fffffff, m1 = 0x7fffffff, m2 = 0x7fffffff, m3 = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const x = sh[i];
      // (a·x + b) ^ 2^31 == a·x + (b ^ 2^31) mod 2^32: the flip is folded into B.
      const h0 = (Math.imul(x, a0) + b0) | 0;
      const h1 = (Math.imul(x, a1) + b1) | 0;
      const h2 = (Math.imul(x, a2) + b2) | 0;
      const h3 = (Math.imul(x, a3) + b3) | 0;
      if (h0 < m0) m0 = h0;
      if (h1 < m1) m1 = h1;
      if (h2 < m2) m2 = h2;
      if (h3 < m3) m3 = h3;
    }
    into[k] = m0;
    into[k + 1] = m1;
    into[k + 2] = m2;
    into[k + 3] = m3;
  }
  for (; k < permutations; k++) {
    const a = A[k];
    const b = B[k];
    let min = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const h = (Math.imul(sh[i], a) + b) | 0;
      if (h < min) min = h;
    }
    into[k] = min;
  }
  return into;
}
