import { Deduper } from '../dedup/deduper.js';
import { type Rng, Stream, rngFor, uniform } from '../generator/rng.js';

/** Lengths above this count as this (the histogram's last bin); no text we write comes near it. */
export const MAX_LEN = 20_000;
/** Near-duplicates are estimated on a uniform sample of this many texts (reservoir sampling). */
export const NEAR_DUP_SAMPLE = 4000;
const NEAR_DUP_JACCARD = 0.8;

/** Exact length quantiles from a fixed-size histogram (flat memory whatever the record count). */
export class LengthHistogram {
  private readonly counts = new Uint32Array(MAX_LEN + 1);
  n = 0;

  add(len: number): void {
    this.counts[Math.min(len, MAX_LEN)]++;
    this.n++;
  }

  quantile(q: number): number {
    if (!this.n) return 0;
    let acc = 0;
    for (let i = 0; i < this.counts.length; i++) if ((acc += this.counts[i]) >= q * this.n) return i;
    return 0;
  }

  min(): number {
    return this.n ? this.counts.findIndex((c) => c > 0) : 0;
  }

  max(): number {
    return this.n ? this.counts.length - 1 - [...this.counts].reverse().findIndex((c) => c > 0) : 0;
  }

  /** Counts in 100-character bins, for the report's histograms. */
  bins(): number[] {
    const bins: number[] = [];
    for (let i = 0; i < this.counts.length; i++) if (this.counts[i]) bins[Math.floor(i / 100)] = (bins[Math.floor(i / 100)] ?? 0) + this.counts[i];
    return Array.from(bins, (b) => b ?? 0);
  }
}

/**
 * A uniform sample of at most NEAR_DUP_SAMPLE texts (Algorithm R on a fixed random stream, so a file always gives
 * the same estimate), and the share of them that near-duplicate an earlier sampled one: the dedup stage's MinHash
 * LSH over word 3-grams at Jaccard 0.8 (exact repeats count too).
 */
export class NearDuplicateSample {
  private readonly sample: string[] = [];
  private readonly rng: Rng = rngFor(1, Stream.probe, 0);
  private seen = 0;

  add(text: string): void {
    this.seen++;
    if (this.sample.length < NEAR_DUP_SAMPLE) this.sample.push(text);
    else {
      const j = Math.floor(uniform(this.rng) * this.seen);
      if (j < NEAR_DUP_SAMPLE) this.sample[j] = text;
    }
  }

  get size(): number {
    return this.sample.length;
  }

  rate(): number {
    const deduper = new Deduper({ permutations: 128, bands: 16, shingle: 3, threshold: NEAR_DUP_JACCARD });
    let duplicates = 0;
    this.sample.forEach((text, i) => {
      if (!deduper.check(String(i), text).keep) duplicates++;
    });
    return this.sample.length ? duplicates / this.sample.length : 0;
  }
}
