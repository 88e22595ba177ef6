/**
 * Domain labels of Persona Hub records: normalised so that "Health Care", "healthcare " and "Medicine" (with a
 * synonym) land in one bucket, counted, and capped per bucket while streaming.
 */

/** Synonyms applied before the user's (which override them): common variants models produce for one field. */
export const BUILT_IN_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  healthcare: ['health care', 'health', 'medicine', 'medical', 'public health'],
  technology: ['tech', 'information technology', 'it', 'software', 'computing'],
  education: ['teaching', 'schooling', 'academia'],
  finance: ['banking', 'financial services', 'money'],
  agriculture: ['farming', 'agri'],
  sports: ['sport', 'athletics'],
  entertainment: ['film', 'cinema', 'movies', 'bollywood'],
  law: ['legal', 'justice'],
  government: ['public administration', 'governance', 'civil service'],
  travel: ['tourism', 'travel and tourism'],
  food: ['cooking', 'cuisine', 'culinary'],
  environment: ['climate', 'ecology', 'sustainability'],
};

/** Case, accents of Latin letters, "&", punctuation and spacing folded: the label as a bucket key. */
export function foldDomain(label: string): string {
  return label
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[\s_\-/.,;:!?'"()[\]{}]+/g, ' ')
    .trim();
}

/** Maps raw labels to bucket names: folded, then through the synonym map (built-in, then the user's). */
export class DomainNormaliser {
  private readonly canonical = new Map<string, string>();

  constructor(userSynonyms: Readonly<Record<string, readonly string[]>> = {}, builtIn = true) {
    const add = (table: Readonly<Record<string, readonly string[]>>) => {
      for (const [name, variants] of Object.entries(table)) {
        const target = foldDomain(name);
        this.canonical.set(target, target);
        for (const v of variants) this.canonical.set(foldDomain(v), target);
      }
    };
    if (builtIn) add(BUILT_IN_SYNONYMS);
    add(userSynonyms);
  }

  /** The bucket of a raw label; an empty label is "unknown". */
  bucket(label: string): string {
    const folded = foldDomain(label);
    if (folded === '') return 'unknown';
    return this.canonical.get(folded) ?? folded;
  }
}

/** Records per domain bucket; its state goes into checkpoints so that caps and the table survive a resume. */
export class DomainTally {
  readonly counts = new Map<string, number>();

  constructor(state: Readonly<Record<string, number>> | null = null) {
    if (state) for (const [k, v] of Object.entries(state)) this.counts.set(k, v);
  }

  add(domain: string): void {
    this.counts.set(domain, (this.counts.get(domain) ?? 0) + 1);
  }

  get(domain: string): number {
    return this.counts.get(domain) ?? 0;
  }

  state(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  total(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }
}

export interface DomainTable {
  records: number;
  buckets: number;
  maxPerDomain: number | null;
  /** Buckets that reached the cap. */
  full: number;
  /** Every bucket, largest first (ties by name). */
  domains: Array<{ domain: string; count: number; share: number }>;
}

export function domainTable(tally: DomainTally, maxPerDomain: number | null): DomainTable {
  const records = tally.total();
  const domains = [...tally.counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .map(([domain, count]) => ({ domain, count, share: records ? Number((count / records).toFixed(6)) : 0 }));
  return { records, buckets: domains.length, maxPerDomain, full: maxPerDomain === null ? 0 : domains.filter((d) => d.count >= maxPerDomain).length, domains };
}
