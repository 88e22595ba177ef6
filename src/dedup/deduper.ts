import { ConfigError } from '../errors.js';
import { fmix32, hashString, normalise, shingles, signature } from './minhash.js';

export interface DedupOptions {
  /** MinHash permutations (Persona Hub: 128). */
  permutations: number;
  /** LSH bands; permutations / bands rows each. 16 × 8 finds pairs at Jaccard 0.9 with probability > 0.9999. */
  bands: number;
  /** Words per shingle (Persona Hub: 1-grams). */
  shingle: number;
  /** Jaccard at or above which a text is a near-duplicate of an earlier one (Persona Hub: 0.9). */
  threshold: number;
}

export const DEFAULT_DEDUP: DedupOptions = { permutations: 128, bands: 16, shingle: 1, threshold: 0.9 };

export type Verdict = { keep: true } | { keep: false; duplicateOf: string; kind: 'exact' | 'near'; similarity: number };

/**
 * An open-addressing table from a 32-bit key to an int32 slot, in typed arrays (a JS Map costs ~80 bytes an
 * entry; this costs 16 at load ≤ 0.5). Several keys may be equal (band collisions): lookups walk the run.
 */
class IntMultiMap {
  keys: Uint32Array;
  values: Int32Array;
  size = 0;
  constructor(capacity = 1 << 16) {
    this.keys = new Uint32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
  }
  private grow(): void {
    const { keys, values } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (values[i] >= 0) this.add(keys[i], values[i]);
  }
  add(key: number, value: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = fmix32(key) & mask;
    while (this.values[i] >= 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.values[i] = value;
    this.size++;
  }
  /** Values stored under key, appended to `out` (no closure per lookup: this is the hot path). */
  collect(key: number, out: number[]): void {
    const mask = this.keys.length - 1;
    for (let i = fmix32(key) & mask; this.values[i] >= 0; i = (i + 1) & mask) if (this.keys[i] === key) out.push(this.values[i]);
  }
  bytes(): number {
    return this.keys.byteLength + this.values.byteLength;
  }
}

/**
 * Streaming near-duplicate detection: keeps the first occurrence. Exact duplicates by a 64-bit hash of the
 * normalised text; near-duplicates by MinHash LSH, each candidate verified on an 8-bit (b-bit) sketch of its
 * signature so band collisions never remove a distinct text. Memory per kept record: 8 B (exact) + 128 B
 * (sketch) + 16 B × bands (band tables at load ≤ 0.5) + its id string.
 */
export class Deduper {
  readonly options: DedupOptions;
  private readonly rows: number;
  private readonly exact = new IntMultiMap();
  private readonly exactCheck: number[] = [];
  private readonly bandTables: IntMultiMap[];
  private sketches = new Uint8Array(1 << 20);
  private readonly ids: string[] = [];
  private readonly sig: Int32Array;
  private readonly bandKeys: Uint32Array;
  private readonly candidates: number[] = [];
  kept = 0;
  removedExact = 0;
  removedNear = 0;
  /** Records without the text passed through uncompared (counted so that the summary adds up). */
  passed = 0;

  constructor(options: DedupOptions = DEFAULT_DEDUP) {
    if (options.permutations % options.bands !== 0) throw new ConfigError([{ path: 'dedup.permutations', message: `must be a multiple of dedup.bands (${options.bands}), received ${options.permutations}` }]);
    this.options = options;
    this.rows = options.permutations / options.bands;
    this.bandTables = Array.from({ length: options.bands }, () => new IntMultiMap());
    this.sig = new Int32Array(options.permutations);
    this.bandKeys = new Uint32Array(options.bands);
  }

  check(id: string, text: string): Verdict {
    const norm = normalise(text);
    const h1 = hashString(norm);
    const h2 = hashString(norm, 0x2545f491);
    let exactOf = -1;
    const candidates = this.candidates;
    candidates.length = 0;
    this.exact.collect(h1, candidates);
    for (const slot of candidates) if (exactOf < 0 && this.exactCheck[slot] === h2) exactOf = slot;
    if (exactOf >= 0) {
      this.removedExact++;
      return { keep: false, duplicateOf: this.ids[exactOf], kind: 'exact', similarity: 1 };
    }
    const { permutations, threshold } = this.options;
    const sig = signature(shingles(norm, this.options.shingle), permutations, this.sig);
    const bandKeys = this.bandKeys;
    candidates.length = 0;
    for (let b = 0; b < this.options.bands; b++) {
      let h = Math.imul(b + 1, 0x9e3779b9);
      for (let r = 0; r < this.rows; r++) h = fmix32(h ^ sig[b * this.rows + r]);
      bandKeys[b] = h;
      this.bandTables[b].collect(h, candidates);
    }
    let best = -1;
    let bestSim = 0;
    for (let c = 0; c < candidates.length; c++) {
      const slot = candidates[c];
      if (candidates.indexOf(slot) !== c) continue; // found through several bands
      const sim = this.similarity(sig, slot);
      if (sim >= threshold && sim > bestSim) {
        best = slot;
        bestSim = sim;
      }
    }
    if (best >= 0) {
      this.removedNear++;
      return { keep: false, duplicateOf: this.ids[best], kind: 'near', similarity: bestSim };
    }
    const slot = this.kept++;
    this.ids.push(id);
    this.exact.add(h1, slot);
    this.exactCheck.push(h2);
    for (let b = 0; b < this.options.bands; b++) this.bandTables[b].add(bandKeys[b], slot);
    if ((slot + 1) * permutations > this.sketches.length) {
      const bigger = new Uint8Array(this.sketches.length * 2);
      bigger.set(this.sketches);
      this.sketches = bigger;
    }
    for (let k = 0; k < permutations; k++) this.sketches[slot * permutations + k] = sig[k] >>> 24;
    return { keep: true };
  }

  /** A record with no text to compare: kept as it is, and counted. */
  pass(): Verdict {
    this.passed++;
    return { keep: true };
  }

  /** Jaccard estimated from 8-bit minhashes: matches corrected for the 1/256 chance of equal low bytes. */
  private similarity(sig: Int32Array, slot: number): number {
    const k = this.options.permutations;
    const base = slot * k;
    let equal = 0;
    for (let i = 0; i < k; i++) if (sig[i] >>> 24 === this.sketches[base + i]) equal++;
    return Math.max(0, (equal / k - 1 / 256) / (1 - 1 / 256));
  }

  /** Bytes held by the tables and sketches (ids excluded: their size depends on the id format). */
  memoryBytes(): number {
    return this.exact.bytes() + this.exactCheck.length * 8 + this.bandTables.reduce((s, t) => s + t.bytes(), 0) + this.sketches.byteLength;
  }
}
