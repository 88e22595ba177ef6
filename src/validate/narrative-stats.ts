import { NARRATIVE_FIELDS } from '../narrative/fields.js';
import { type Rng, Stream, rngFor, uniform } from '../rng.js';

const MAX_LEN = 20_000;
/** Near-duplicates are estimated on a uniform sample of this many records (reservoir sampling). */
export const NEAR_DUP_SAMPLE = 4000;
const NEAR_DUP_JACCARD = 0.8;
const MINHASH = 64;

export interface FieldStats {
  field: string;
  present: number;
  empty: number;
  min: number;
  median: number;
  p95: number;
  max: number;
  /** Histogram of lengths in 100-character bins, for the report. */
  histogram: number[];
}

export interface NarrativeReport {
  records: number;
  withNarratives: number;
  fields: FieldStats[];
  culturalBackgroundAtLeast1500: number;
  namesPersona: number;
  inLanguage: number;
  language: string;
  exactDuplicates: number;
  nearDuplicateRate: number;
  nearDuplicateSample: number;
  providers: Record<string, number>;
}

function hash32(s: string, seed: number): number {
  let h = seed >>> 0 || 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 12)) >>> 0;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A simple script/diacritics heuristic: Cyrillic for ru, Romanian diacritics or function words for ro, else en. */
export function guessLanguage(text: string): 'ro' | 'en' | 'ru' {
  const cyr = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
  if (cyr > text.length * 0.3) return 'ru';
  if (/[ăâîșțşţ]/i.test(text) || /\b(și|este|din|care|pentru|într-un)\b/i.test(text)) return 'ro';
  return 'en';
}

function shingles(text: string): Set<number> {
  const words = fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<number>();
  for (let i = 0; i + 2 < words.length; i++) out.add(hash32(`${words[i]} ${words[i + 1]} ${words[i + 2]}`, 7));
  return out;
}

function minhash(set: Set<number>): Uint32Array {
  const sig = new Uint32Array(MINHASH).fill(0xffffffff);
  for (const s of set) for (let k = 0; k < MINHASH; k++) {
    const h = (Math.imul(s ^ (k * 0x9e3779b9), 0x85ebca6b) ^ (k + 1)) >>> 0;
    if (h < sig[k]) sig[k] = h;
  }
  return sig;
}

export class NarrativeCounter {
  private readonly language: string;
  private readonly lengths = new Map<string, Uint32Array>();
  private readonly empty = new Map<string, number>();
  private readonly present = new Map<string, number>();
  private readonly seen = new Set<number>();
  private readonly sample: string[] = [];
  private readonly rng: Rng = rngFor(1, Stream.probe, 0);
  records = 0;
  withNarratives = 0;
  long = 0;
  named = 0;
  inLanguage = 0;
  duplicates = 0;
  providers: Record<string, number> = {};

  constructor(language: string) {
    this.language = language;
    for (const f of NARRATIVE_FIELDS) {
      this.lengths.set(f, new Uint32Array(MAX_LEN + 1));
      this.empty.set(f, 0);
      this.present.set(f, 0);
    }
  }

  add(record: Readonly<Record<string, unknown>>): void {
    this.records++;
    const provider = record.narrative_provider;
    if (provider === undefined) return;
    this.withNarratives++;
    const p = String(provider);
    this.providers[p] = (this.providers[p] ?? 0) + 1;
    for (const f of NARRATIVE_FIELDS) {
      const v = record[f];
      if (v === undefined || v === null) {
        this.empty.set(f, this.empty.get(f)! + 1);
        continue;
      }
      this.present.set(f, this.present.get(f)! + 1);
      const len = Array.isArray(v) ? v.length : String(v).length;
      if (len === 0) this.empty.set(f, this.empty.get(f)! + 1);
      this.lengths.get(f)![Math.min(len, MAX_LEN)]++;
    }
    const culture = String(record.cultural_background ?? '');
    if (culture.length >= 1500) this.long++;
    const names = [record.first_name, record.last_name].filter((n) => typeof n === 'string' && n).map((n) => fold(String(n)));
    const text = fold(`${String(record.descriere_generala ?? '')} ${culture}`);
    if (names.some((n) => text.includes(n))) this.named++;
    if (guessLanguage(culture) === this.language) this.inLanguage++;
    const h = hash32(culture, 1) * 2 ** 21 + (hash32(culture, 2) >>> 11);
    if (this.seen.has(h)) this.duplicates++;
    else this.seen.add(h);
    // Reservoir sample (Algorithm R) for the near-duplicate estimate.
    if (this.sample.length < NEAR_DUP_SAMPLE) this.sample.push(culture);
    else {
      const j = Math.floor(uniform(this.rng) * this.withNarratives);
      if (j < NEAR_DUP_SAMPLE) this.sample[j] = culture;
    }
  }

  report(): NarrativeReport {
    const fields = NARRATIVE_FIELDS.map((field): FieldStats => {
      const hist = this.lengths.get(field)!;
      const n = hist.reduce((a, b) => a + b, 0);
      const quantile = (q: number) => {
        let acc = 0;
        for (let i = 0; i < hist.length; i++) if ((acc += hist[i]) >= q * n) return i;
        return 0;
      };
      const bins: number[] = [];
      for (let i = 0; i < hist.length; i++) if (hist[i]) bins[Math.floor(i / 100)] = (bins[Math.floor(i / 100)] ?? 0) + hist[i];
      return {
        field,
        present: this.present.get(field)!,
        empty: this.empty.get(field)!,
        min: n ? hist.findIndex((c) => c > 0) : 0,
        median: n ? quantile(0.5) : 0,
        p95: n ? quantile(0.95) : 0,
        max: n ? hist.length - 1 - [...hist].reverse().findIndex((c) => c > 0) : 0,
        histogram: Array.from(bins, (b) => b ?? 0),
      };
    });
    return {
      records: this.records,
      withNarratives: this.withNarratives,
      fields,
      culturalBackgroundAtLeast1500: this.withNarratives ? this.long / this.withNarratives : 0,
      namesPersona: this.withNarratives ? this.named / this.withNarratives : 0,
      inLanguage: this.withNarratives ? this.inLanguage / this.withNarratives : 0,
      language: this.language,
      exactDuplicates: this.duplicates,
      nearDuplicateRate: this.nearDuplicates(),
      nearDuplicateSample: this.sample.length,
      providers: this.providers,
    };
  }

  /** Share of sampled texts with another sampled text at word-3-gram Jaccard ≥ 0.8 (MinHash, LSH 16 bands × 4). */
  private nearDuplicates(): number {
    const sigs = this.sample.map((t) => minhash(shingles(t)));
    const sets = this.sample.map((t) => shingles(t));
    const flagged = new Uint8Array(sigs.length);
    for (let band = 0; band < 16; band++) {
      const buckets = new Map<string, number[]>();
      sigs.forEach((sig, i) => {
        const key = Array.from(sig.subarray(band * 4, band * 4 + 4)).join(',');
        const list = buckets.get(key);
        if (list) list.push(i);
        else buckets.set(key, [i]);
      });
      for (const list of buckets.values()) {
        if (list.length < 2 || list.length > 200) continue;
        for (let x = 0; x < list.length; x++)
          for (let y = x + 1; y < list.length; y++) {
            const [a, b] = [sets[list[x]], sets[list[y]]];
            let inter = 0;
            for (const s of a) if (b.has(s)) inter++;
            if (inter / (a.size + b.size - inter || 1) >= NEAR_DUP_JACCARD) flagged[list[x]] = flagged[list[y]] = 1;
          }
      }
    }
    return sigs.length ? flagged.reduce((a, b) => a + b, 0) / sigs.length : 0;
  }
}
