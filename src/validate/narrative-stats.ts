import { hashString } from '../dedup/minhash.js';
import { NARRATIVE_FIELDS } from '../narrative/fields.js';
import { LengthHistogram, NearDuplicateSample } from './text-sample.js';

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

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A simple script/diacritics heuristic: Cyrillic for ru, Romanian diacritics or function words for ro, else en. */
export function guessLanguage(text: string): 'ro' | 'en' | 'ru' {
  const cyr = (text.match(/[\u0400-\u04ff]/g) ?? []).length;
  if (cyr > text.length * 0.3) return 'ru';
  if (/[ăâîșțşţ]/i.test(text) || /\b(și|este|din|care|pentru|într-un)\b/i.test(text)) return 'ro';
  return 'en';
}

export class NarrativeCounter {
  private readonly language: string;
  private readonly lengths = new Map<string, LengthHistogram>();
  private readonly empty = new Map<string, number>();
  private readonly present = new Map<string, number>();
  private readonly seen = new Set<number>();
  private readonly sample = new NearDuplicateSample();
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
      this.lengths.set(f, new LengthHistogram());
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
      this.lengths.get(f)!.add(len);
    }
    const culture = String(record.cultural_background ?? '');
    if (culture.length >= 1500) this.long++;
    const names = [record.first_name, record.last_name].filter((n) => typeof n === 'string' && n).map((n) => fold(String(n)));
    const text = fold(`${String(record.descriere_generala ?? '')} ${culture}`);
    if (names.some((n) => text.includes(n))) this.named++;
    if (guessLanguage(culture) === this.language) this.inLanguage++;
    const h = hashString(culture, 1) * 2 ** 21 + (hashString(culture, 2) >>> 11);
    if (this.seen.has(h)) this.duplicates++;
    else this.seen.add(h);
    this.sample.add(culture);
  }

  report(): NarrativeReport {
    const fields = NARRATIVE_FIELDS.map((field): FieldStats => {
      const hist = this.lengths.get(field)!;
      return {
        field,
        present: this.present.get(field)!,
        empty: this.empty.get(field)!,
        min: hist.min(),
        median: hist.quantile(0.5),
        p95: hist.quantile(0.95),
        max: hist.max(),
        histogram: hist.bins(),
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
      nearDuplicateRate: this.sample.rate(),
      nearDuplicateSample: this.sample.size,
      providers: this.providers,
    };
  }
}
