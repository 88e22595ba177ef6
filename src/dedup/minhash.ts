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
export function shingles(normalised: string, size: number): Uint32Array {
  const words = normalised === '' ? [] : normalised.split(' ');
  if (words.length < size) return Uint32Array.of(hashString(words.join(' ')));
  const out = new Uint32Array(words.length - size + 1);
  for (let i = 0; i < out.length; i++) out[i] = hashString(size === 1 ? words[i] : words.slice(i, i + size).join(' '));
  return out;
}

// Permutation k: x → (a_k·x + b_k) mod 2^32 with odd a_k, applied to shingle hashes that are already fully
// mixed. One multiply-add per (shingle, permutation) instead of a full mix: 2.5× faster signatures. Its high
// bits are well mixed, so minima and the 8-bit sketch (the top byte) are taken from there.
const A = Uint32Array.from({ length: 1024 }, (_, k) => fmix32(0x9e3779b9 + k * 0x632be5ab) | 1);
const B = Uint32Array.from({ length: 1024 }, (_, k) => fmix32(0x7f4a7c15 ^ (k * 0x2545f491)));

export function signature(sh: Uint32Array, permutations: number, into: Uint32Array = new Uint32Array(permutations)): Uint32Array {
  into.fill(0xffffffff);
  for (let k = 0; k < permutations; k++) {
    const a = A[k];
    const b = B[k];
    let min = 0xffffffff;
    for (let i = 0; i < sh.length; i++) {
      const h = (Math.imul(sh[i], a) + b) >>> 0;
      if (h < min) min = h;
    }
    into[k] = min;
  }
  return into;
}
