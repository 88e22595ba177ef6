import type { CompiledConstraint, Model } from '../census/compile.js';
import { InfeasibleError } from '../errors.js';
import { type Rng, uniform } from './rng.js';

/** Default cap on proposals per record; with acceptance >= 1 % (checked up front) it is never reached in practice. */
export const DEFAULT_MAX_ATTEMPTS = 10_000;
/** Below this acceptance a constraint set is reported instead of ground through. */
export const MIN_ACCEPTANCE = 0.01;

export interface RejectionStats {
  proposals: number;
  accepted: number;
  /** Per constraint: how often it was checked and how often it rejected. */
  checked: Float64Array;
  rejected: Float64Array;
}

function violates(c: CompiledConstraint, codes: Uint16Array, base: number): boolean {
  for (const [a, mask] of c.when) if (mask[codes[base + a]] === 0) return false;
  for (const [a, mask] of c.then) if (mask[codes[base + a]] === 0) return true;
  return false;
}

/**
 * Draws persons from the Bayesian network of conditional tables, with rejection sampling against the
 * census constraints. Sampling weights of each attribute can be scaled by calibration factors
 * (setFactors), which re-weights every row of that attribute's table and renormalises it.
 */
export class Sampler {
  readonly model: Model;
  readonly width: number;
  private readonly cum: Float64Array[];
  /** Constraints grouped by the last attribute they read, so a proposal is rejected as early as possible. */
  private readonly checksAfter: CompiledConstraint[][];
  private readonly constraintIndex: Map<CompiledConstraint, number>;
  readonly maxAttempts: number;
  readonly stats: RejectionStats;

  constructor(model: Model, maxAttempts = DEFAULT_MAX_ATTEMPTS) {
    this.model = model;
    this.width = model.attributes.length;
    this.maxAttempts = maxAttempts;
    this.cum = model.attributes.map((a) => new Float64Array(a.probs.length));
    model.attributes.forEach((a) => this.setFactors(a.index, null));
    this.checksAfter = model.attributes.map(() => []);
    this.constraintIndex = new Map();
    model.constraints.forEach((c, i) => {
      const last = Math.max(...c.when.map(([a]) => a), ...c.then.map(([a]) => a));
      this.checksAfter[last].push(c);
      this.constraintIndex.set(c, i);
    });
    const n = model.constraints.length;
    this.stats = { proposals: 0, accepted: 0, checked: new Float64Array(n), rejected: new Float64Array(n) };
  }

  /**
   * Rebuilds the cumulative table of one attribute with per-value multipliers: `global` on every row (null =
   * none), and each conditional multiplier on the rows its mask selects.
   */
  setFactors(
    attribute: number,
    global: ArrayLike<number> | null,
    conditional: ReadonlyArray<{ rows: Uint8Array; factors: ArrayLike<number> }> = [],
  ): void {
    const a = this.model.attributes[attribute];
    const k = a.values.length;
    const cum = this.cum[attribute];
    const mult = new Float64Array(k);
    for (let row = 0; row < a.rowCount; row++) {
      for (let v = 0; v < k; v++) mult[v] = global ? global[v] : 1;
      for (const c of conditional) if (c.rows[row] === 1) for (let v = 0; v < k; v++) mult[v] *= c.factors[v];
      let acc = 0;
      const off = row * k;
      for (let v = 0; v < k; v++) {
        acc += a.probs[off + v] * mult[v];
        cum[off + v] = acc;
      }
    }
  }

  private draw(attribute: number, row: number, rng: Rng): number {
    const k = this.model.attributes[attribute].values.length;
    const cum = this.cum[attribute];
    const off = row * k;
    const x = uniform(rng) * cum[off + k - 1];
    if (k <= 16) {
      for (let v = 0; v < k - 1; v++) if (x < cum[off + v]) return v;
      return k - 1;
    }
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cum[off + mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /**
   * Writes one accepted person's value codes into codes[base…base+width). Throws InfeasibleError when
   * maxAttempts proposals in a row are rejected.
   */
  sample(rng: Rng, codes: Uint16Array, base: number): void {
    for (let attempt = 0; attempt < this.maxAttempts; attempt++) if (this.propose(rng, codes, base)) return;
    throw this.infeasible(`a record was rejected ${this.maxAttempts} times in a row (sampling.maxAttempts)`);
  }

  /** One proposal: draws every attribute in order, stopping at the first violated constraint. */
  propose(rng: Rng, codes: Uint16Array, base: number): boolean {
    const attrs = this.model.attributes;
    const stats = this.stats;
    stats.proposals++;
    for (let a = 0; a < attrs.length; a++) {
      const attr = attrs[a];
      let row = 0;
      for (let j = 0; j < attr.parents.length; j++) row += codes[base + attr.parents[j]] * attr.strides[j];
      codes[base + a] = this.draw(a, row, rng);
      const checks = this.checksAfter[a];
      for (let c = 0; c < checks.length; c++) {
        const ci = this.constraintIndex.get(checks[c])!;
        stats.checked[ci]++;
        if (violates(checks[c], codes, base)) {
          stats.rejected[ci]++;
          return false;
        }
      }
    }
    stats.accepted++;
    return true;
  }

  /** Reports the constraint that rejects the largest share of what it checks. */
  infeasible(reason: string): InfeasibleError {
    const { checked, rejected, proposals, accepted } = this.stats;
    let worst = -1;
    let worstRate = 1;
    for (let i = 0; i < checked.length; i++) {
      if (rejected[i] === 0) continue;
      const rate = 1 - rejected[i] / checked[i];
      if (worst < 0 || rate < worstRate) {
        worst = i;
        worstRate = rate;
      }
    }
    const name = worst >= 0 ? this.model.constraints[worst].name : '(none)';
    const overall = proposals ? accepted / proposals : 0;
    return new InfeasibleError(
      name,
      overall,
      `constraints are infeasible or nearly so: ${reason}; overall acceptance ${(overall * 100).toFixed(3)} % ` +
        `(${accepted} of ${proposals} proposals); worst constraint "${name}" accepts ${(worstRate * 100).toFixed(3)} % of the proposals it checks`,
    );
  }
}
