import { auditRecord } from './audit.js';
import type { AuditLanguage, Contradiction } from './types.js';

/** Examples kept per rule for the report (the first seen: a file always gives the same ones). */
export const EXAMPLES_PER_RULE = 3;

export interface CoherenceReport {
  /** The rules' language, or `detect`: each field's own (Cyrillic, Romanian function words, else English). */
  language: AuditLanguage | 'detect';
  /** Records with narratives, audited. */
  audited: number;
  /** Records with at least one contradiction, and their share of `audited` (the gated rate). */
  withContradiction: number;
  rate: number;
  contradictions: number;
  /** Per rule and per field: records with at least one hit, and their share, most frequent first. */
  rules: { rule: string; records: number; rate: number }[];
  fields: { field: string; records: number; rate: number }[];
  /** The most frequent rules' first examples, with the offending span. */
  examples: (Contradiction & { id: string })[];
}

/** Counts contradictions over a stream of records in flat memory (counters per rule and field, a few examples). */
export class CoherenceCounter {
  private readonly byRule = new Map<string, number>();
  private readonly byField = new Map<string, number>();
  private readonly examples = new Map<string, (Contradiction & { id: string })[]>();
  audited = 0;
  withContradiction = 0;
  contradictions = 0;

  constructor(readonly language: AuditLanguage | 'detect') {}

  /** Audits one record (skipped, and not counted, when it has no narratives); returns what it found. */
  add(record: Readonly<Record<string, unknown>>): Contradiction[] {
    if (record.narrative_provider === undefined) return [];
    this.audited++;
    const found = auditRecord(record, this.language);
    if (!found.length) return found;
    this.withContradiction++;
    this.contradictions += found.length;
    const id = String(record.id ?? '');
    for (const rule of new Set(found.map((c) => c.rule))) this.byRule.set(rule, (this.byRule.get(rule) ?? 0) + 1);
    for (const field of new Set(found.map((c) => c.field))) this.byField.set(field, (this.byField.get(field) ?? 0) + 1);
    for (const c of found) {
      const kept = this.examples.get(c.rule) ?? [];
      if (kept.length < EXAMPLES_PER_RULE) this.examples.set(c.rule, [...kept, { id, ...c }]);
    }
    return found;
  }

  report(): CoherenceReport {
    const share = (n: number) => (this.audited ? n / this.audited : 0);
    const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const rules = sorted(this.byRule).map(([rule, records]) => ({ rule, records, rate: share(records) }));
    return {
      language: this.language,
      audited: this.audited,
      withContradiction: this.withContradiction,
      rate: share(this.withContradiction),
      contradictions: this.contradictions,
      rules,
      fields: sorted(this.byField).map(([field, records]) => ({ field, records, rate: share(records) })),
      examples: rules.flatMap((r) => this.examples.get(r.rule) ?? []),
    };
  }
}
