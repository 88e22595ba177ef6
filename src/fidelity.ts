import type { Model } from './census/compile.js';

export interface MarginalRow {
  value: string;
  /** Shares in percent. */
  target: number;
  observed: number;
  /** observed − target, in percentage points. */
  diff: number;
}

export interface MarginalReport {
  attribute: string;
  n: number;
  rows: MarginalRow[];
  /** Largest |diff| over the values, in points. */
  worst: number;
}

/** Accumulates the controlled marginals of output records (parsed JSON objects) and compares them to target. */
export class MarginalCounter {
  private readonly model: Model;
  private readonly counts: Map<string, Map<string, number>>;
  n = 0;

  constructor(model: Model) {
    this.model = model;
    this.counts = new Map(model.targets.map((t) => [model.attributes[t.attribute].name, new Map<string, number>()]));
  }

  add(record: Readonly<Record<string, unknown>>): void {
    this.n++;
    for (const [name, counts] of this.counts) {
      const v = String(record[name]);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
  }

  report(): MarginalReport[] {
    return this.model.targets.map((t) => {
      const attr = this.model.attributes[t.attribute];
      const counts = this.counts.get(attr.name)!;
      const rows = attr.values.map((value, i) => {
        const target = 100 * t.shares[i];
        const observed = this.n ? (100 * (counts.get(value) ?? 0)) / this.n : 0;
        return { value, target, observed, diff: observed - target };
      });
      return { attribute: attr.name, n: this.n, rows, worst: Math.max(...rows.map((r) => Math.abs(r.diff))) };
    });
  }
}
