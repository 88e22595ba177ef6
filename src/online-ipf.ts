import type { Model } from './census/compile.js';

/**
 * Online IPF: running counts of every controlled attribute and, from them, per-value multipliers on that
 * attribute's sampling weights. The multipliers rake each conditional table (every row scaled by the same
 * factor, then renormalised) so the structure within rows survives and the marginals land on target.
 *
 * Control law, per controlled value v with target share t and excess count E = count − t·N:
 *   log f = log b − E / (H·t + 1)          (proportional: steer the next H records back onto target)
 *   log b ← log b − κ · E / (H·t + 1)      (integral: learns the model's structural bias, so E → 0)
 * Counts, not shares, drive the controller, so the excess stays a few records at any N instead of
 * growing like √N as it would with independent draws.
 */
export interface IpfOptions {
  /** Records between factor updates; the generator works in chunks aligned to this. */
  every: number;
  /** Horizon H in records over which an excess is steered away. */
  horizon: number;
  /** Integral gain κ. */
  gain: number;
}

export const DEFAULT_IPF_OPTIONS: IpfOptions = { every: 128, horizon: 256, gain: 0.02 };

/** Bound on |log factor|: a value is never weighted more than e^4 ≈ 55× up or down. */
const MAX_LOG = 4;
const PSEUDO_COUNT = 10;

/** Serialisable state; everything needed to continue a run exactly where it stopped. */
export interface IpfState {
  version: 1;
  /** Records observed so far (= output index of the next record). */
  observed: number;
  counts: number[][];
  logBias: number[][];
  /** Factors in force (set at the last update boundary, which may lie before `observed`). */
  factors: number[][];
}

export class OnlineIpf {
  readonly model: Model;
  readonly options: IpfOptions;
  observed = 0;
  readonly counts: Float64Array[];
  readonly logBias: Float64Array[];
  /** Current multipliers per target, in model.targets order. */
  readonly factors: Float64Array[];
  private waiter: { index: number; resolve: () => void } | null = null;

  constructor(model: Model, options: IpfOptions = DEFAULT_IPF_OPTIONS) {
    this.model = model;
    this.options = options;
    this.counts = model.targets.map((t) => new Float64Array(t.shares.length));
    this.logBias = model.targets.map((t) => new Float64Array(t.shares.length));
    this.factors = model.targets.map((t) => new Float64Array(t.shares.length).fill(1));
  }

  /** Counts one record without running the controller (warm-up). */
  count(codes: Uint16Array, width: number, base = 0): void {
    const targets = this.model.targets;
    for (let t = 0; t < targets.length; t++) this.counts[t][codes[base + targets[t].attribute]]++;
    this.observed++;
  }

  /** Counts one chunk of records (codes laid out `width` per record) and updates factors on each boundary. */
  observe(codes: Uint16Array, count: number, width: number): void {
    const targets = this.model.targets;
    for (let r = 0; r < count; r++) {
      const base = r * width;
      for (let t = 0; t < targets.length; t++) this.counts[t][codes[base + targets[t].attribute]]++;
      this.observed++;
      if (this.observed % this.options.every === 0) this.update();
    }
    const w = this.waiter;
    if (w && this.observed >= w.index) {
      this.waiter = null;
      w.resolve();
    }
  }

  /** One controller step: integral update of the bias, then new factors. */
  update(): void {
    this.step(true);
  }

  private step(integrate: boolean): void {
    const { horizon, gain } = this.options;
    const n = this.observed;
    this.model.targets.forEach((target, t) => {
      const counts = this.counts[t];
      const bias = this.logBias[t];
      const f = this.factors[t];
      for (let v = 0; v < f.length; v++) {
        const share = target.shares[v];
        if (share === 0) {
          f[v] = 0; // a value with target 0 is never drawn
          continue;
        }
        const e = (counts[v] - share * n) / (horizon * share + 1);
        if (integrate) bias[v] = clamp(bias[v] - gain * e, -MAX_LOG, MAX_LOG);
        f[v] = Math.exp(clamp(bias[v] - e, -MAX_LOG, MAX_LOG));
      }
    });
  }

  /** Calls resolve once `index` records have been observed (at most one waiter: the generator). */
  whenObserved(index: number, resolve: () => void): void {
    if (this.observed >= index) resolve();
    else this.waiter = { index, resolve };
  }

  /**
   * One round of classic IPF on the bias from the counts of a warm-up batch, then forgets the counts.
   * Damped (exponent 0.7) and smoothed with a pseudo-count of 10 records so rare values (a 0.02 % religion)
   * are not thrown about by sampling noise.
   */
  rakeBiasAndReset(): void {
    const n = this.observed;
    this.model.targets.forEach((target, t) => {
      const counts = this.counts[t];
      const bias = this.logBias[t];
      for (let v = 0; v < bias.length; v++) {
        const expected = target.shares[v] * n;
        bias[v] = clamp(bias[v] + 0.7 * Math.log((expected + PSEUDO_COUNT) / (counts[v] + PSEUDO_COUNT)), -MAX_LOG, MAX_LOG);
      }
    });
    this.observed = 0;
    for (const c of this.counts) c.fill(0);
    this.step(false);
  }

  snapshot(): IpfState {
    return {
      version: 1,
      observed: this.observed,
      counts: this.counts.map((c) => Array.from(c)),
      logBias: this.logBias.map((b) => Array.from(b)),
      factors: this.factors.map((f) => Array.from(f)),
    };
  }

  restore(state: IpfState): void {
    const shapeOk =
      state.version === 1 &&
      state.counts.length === this.counts.length &&
      state.counts.every(
        (c, i) => c.length === this.counts[i].length && state.logBias[i]?.length === c.length && state.factors[i]?.length === c.length,
      );
    if (!shapeOk) throw new Error('IPF state does not match this census (different attributes or values)');
    this.observed = state.observed;
    state.counts.forEach((c, i) => this.counts[i].set(c));
    state.logBias.forEach((b, i) => this.logBias[i].set(b));
    state.factors.forEach((f, i) => this.factors[i].set(f));
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
