import { hashString } from '../dedup/minhash.js';
import { LengthHistogram, NearDuplicateSample } from './text-sample.js';

/** Domains listed by name in a report (largest first); the rest are counted, not named. */
export const TOP_DOMAINS = 25;
/**
 * Ids remembered (as 53-bit hashes) for the uniqueness and parent-link checks of one dataset: beyond this the
 * checks stop and say so, so memory stays bounded (~80 MB at the limit).
 */
export const MAX_IDS = 5_000_000;

export interface HubStats {
  records: number;
  domains: { buckets: number; largestShare: number; cap: number | null; fullBuckets: number; top: Array<{ domain: string; count: number; share: number }> };
  synthMethods: Record<string, number>;
  confidence: { min: number; mean: number; max: number; outside: number; outsideShare: number };
  persona: { empty: number; min: number; median: number; p95: number; max: number; histogram: number[]; exactDuplicates: number; nearDuplicateRate: number; nearDuplicateSample: number };
  ids: { checked: boolean; duplicates: number };
  depths: Record<string, number>;
  /** persona-to-persona: parents found among the ids of the dataset and its sibling families (null: not checked). */
  parents: { checked: boolean; links: number; missing: number; note: string } | null;
}

/** A 53-bit hash of an id (two independent 32-bit hashes; a collision among 5 M ids is ~1e-3 likely: fine for a count). */
export const idHash = (id: string): number => hashString(id, 1) * 2 ** 21 + (hashString(id, 2) >>> 11);

/** The ids a dataset directory holds, over all its families: what parent links are checked against. */
export class IdRegistry {
  readonly ids = new Set<number>();
  full = false;
  add(id: string): void {
    if (this.ids.size >= MAX_IDS) this.full = true;
    else this.ids.add(idHash(id));
  }
  has(id: string): boolean {
    return this.ids.has(idHash(id));
  }
}

/** Persona Hub checks over a stream of compact-schema records (src/hub/records.ts). */
export class HubCounter {
  records = 0;
  private readonly domains = new Map<string, number>();
  private readonly methods: Record<string, number> = {};
  private readonly depths: Record<string, number> = {};
  private scoreMin = Infinity;
  private scoreMax = -Infinity;
  private scoreSum = 0;
  private scored = 0;
  private outside = 0;
  private empty = 0;
  private readonly lengths = new LengthHistogram();
  private readonly sample = new NearDuplicateSample();
  private readonly texts = new Set<number>();
  private textDuplicates = 0;
  private readonly own = new IdRegistry();
  private idDuplicates = 0;
  private readonly parents = new Set<string>();
  private parentsOverflow = false;

  constructor(private readonly registry: IdRegistry) {}

  add(r: Readonly<Record<string, unknown>>): void {
    this.records++;
    const domain = String(r.domain ?? '');
    this.domains.set(domain, (this.domains.get(domain) ?? 0) + 1);
    const method = String(r.synth_method ?? 'missing');
    this.methods[method] = (this.methods[method] ?? 0) + 1;
    const depth = String(r.depth ?? 'missing');
    this.depths[depth] = (this.depths[depth] ?? 0) + 1;
    const score = r.confidence_score;
    if (typeof score === 'number' && Number.isFinite(score)) {
      this.scoreMin = Math.min(this.scoreMin, score);
      this.scoreMax = Math.max(this.scoreMax, score);
      this.scoreSum += score;
      this.scored++;
      if (score < 0 || score > 1) this.outside++;
    } else this.outside++;
    const persona = typeof r.persona === 'string' ? r.persona : '';
    if (!persona.trim()) this.empty++;
    this.lengths.add(persona.length);
    this.sample.add(persona);
    const h = idHash(persona);
    if (this.texts.size < MAX_IDS) {
      if (this.texts.has(h)) this.textDuplicates++;
      else this.texts.add(h);
    }
    const id = String(r.id ?? '');
    if (this.own.has(id)) this.idDuplicates++;
    else this.own.add(id);
    this.registry.add(id);
    if (typeof r.parent_id === 'string' && r.parent_id) {
      if (this.parents.size < MAX_IDS) this.parents.add(r.parent_id);
      else this.parentsOverflow = true;
    }
  }

  /** The report; `siblings` says whether the parents' family was read into the registry (null: no parent check). */
  report(cap: number | null, parentScope: string | null): HubStats {
    const sorted = [...this.domains].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const share = (n: number) => (this.records ? n / this.records : 0);
    let missing = 0;
    for (const p of this.parents) if (!this.registry.has(p)) missing++;
    const capped = this.own.full || this.registry.full || this.parentsOverflow;
    return {
      records: this.records,
      domains: {
        buckets: sorted.length,
        largestShare: share(sorted[0]?.[1] ?? 0),
        cap,
        fullBuckets: cap === null ? 0 : sorted.filter(([, n]) => n >= cap).length,
        top: sorted.slice(0, TOP_DOMAINS).map(([domain, count]) => ({ domain, count, share: share(count) })),
      },
      synthMethods: this.methods,
      confidence: {
        min: this.scored ? this.scoreMin : 0,
        mean: this.scored ? this.scoreSum / this.scored : 0,
        max: this.scored ? this.scoreMax : 0,
        outside: this.outside,
        outsideShare: share(this.outside),
      },
      persona: {
        empty: this.empty,
        min: this.lengths.min(),
        median: this.lengths.quantile(0.5),
        p95: this.lengths.quantile(0.95),
        max: this.lengths.max(),
        histogram: this.lengths.bins(),
        exactDuplicates: this.textDuplicates,
        nearDuplicateRate: this.sample.rate(),
        nearDuplicateSample: this.sample.size,
      },
      ids: { checked: !this.own.full, duplicates: this.idDuplicates },
      depths: this.depths,
      parents:
        this.parents.size === 0
          ? null
          : parentScope === null
            ? { checked: false, links: this.parents.size, missing: 0, note: 'the parents\' family (text-to-persona) is not in this dataset' }
            : { checked: !capped, links: this.parents.size, missing, note: capped ? `over ${MAX_IDS} ids: not checked` : `against the ids of ${parentScope}` },
    };
  }
}
