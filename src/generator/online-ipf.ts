import type { Model } from '../census/compile.js';
import { CalibrationError, InternalError } from '../errors.js';

/**
 * Online IPF: running counts of every control (a marginal target, or a published share inside a
 * subpopulation) and, from them, per-value multipliers on the controlled attribute's sampling weights. The
 * multipliers rake the conditional table (every row it applies to scaled alike, then renormalised) so the
 * structure within rows survives and the targets are hit.
 *
 * Control law, per control group v with target share t and excess count E = count − t·N (N: records the
 * control counts, i.e. those passing its filter):
 *   log f = log b − E / D        (proportional: steer the next D/t records back onto target)
 *   log b ← log b − κ · E / D    (integral: learns the model's structural bias, so E → 0)
 * Counts, not shares, drive the controller, so the excess stays a few records at any N instead of
 * growing like √N as it would with independent draws.
 *
 * D = max(H·t, J·√(H·t)) + 1. The first term makes large values deadbeat (an excess is removed within about
 * one update window, so even 1,000-record runs land within ~1 point). The second damps rare values: with
 * D = H·t alone a value of 1.6 % has its factor jump ~40 % per excess record, and that jitter is not neutral —
 * where a small group is a local majority (Bulgarians in Taraclia) its share is a concave function of its
 * factor, so a jittering factor biases it down (Jensen): measured 62.8 % in Taraclia with J = 0, 63.9 % with
 * J = 5, 65.5 % uncalibrated, census 64.2 %.
 */
export interface IpfOptions {
  /** Records between factor updates; the generator works in chunks aligned to this. */
  every: number;
  /** Horizon H in records over which an excess is steered away. */
  horizon: number;
  /** Integral gain κ. */
  gain: number;
  /** J: damping of rare values (see D below). */
  damping: number;
}

export const DEFAULT_IPF_OPTIONS: IpfOptions = { every: 64, horizon: 64, gain: 0.02, damping: 5 };

/** Bound on |log factor|: a value is never weighted more than e^4 ≈ 55× up or down. */
const MAX_LOG = 4;
const PSEUDO_COUNT = 10;

/** Serialisable state; everything needed to continue a run exactly where it stopped. */
export interface IpfState {
  version: 2;
  /** Records observed so far (= output index of the next record). */
  observed: number;
  /** Per control: records that passed its filter. */
  seen: number[];
  counts: number[][];
  logBias: number[][];
  /** Factors in force (set at the last update boundary, which may lie before `observed`). */
  factors: number[][];
}

export class OnlineIpf {
  readonly model: Model;
  readonly options: IpfOptions;
  observed = 0;
  /** Per control: records that passed its filter. */
  readonly seen: Float64Array;
  /** Per control, per group. */
  readonly counts: Float64Array[];
  readonly logBias: Float64Array[];
  readonly factors: Float64Array[];
  /** The same factors per attribute value (what the sampler multiplies in), kept in step with `factors`. */
  readonly valueFactors: Float64Array[];
  /** Per control and group: the D of the control law. */
  private readonly scale: Float64Array[];
  private waiter: { index: number; resolve: () => void } | null = null;
  /** States at update boundaries, kept for checkpoints until they are passed (see snapshotAtOrBefore). */
  private snapshots: Map<number, IpfState> | null = null;

  constructor(model: Model, options: IpfOptions = DEFAULT_IPF_OPTIONS) {
    this.model = model;
    this.options = options;
    const groups = () => model.controls.map((c) => new Float64Array(c.shares.length));
    this.seen = new Float64Array(model.controls.length);
    this.counts = groups();
    this.logBias = groups();
    this.factors = groups().map((f) => f.fill(1));
    this.valueFactors = model.controls.map((c) => new Float64Array(c.group.length).fill(1));
    this.scale = model.controls.map((c) =>
      c.shares.map((share) => Math.max(options.horizon * share, options.damping * Math.sqrt(options.horizon * share)) + 1),
    );
  }

  /** Counts one record (codes at `base`) without running the controller. */
  count(codes: Uint16Array, base = 0): void {
    const controls = this.model.controls;
    for (let c = 0; c < controls.length; c++) {
      const control = controls[c];
      let pass = true;
      for (const [a, mask] of control.filter) if (mask[codes[base + a]] === 0) pass = false;
      if (!pass) continue;
      this.seen[c]++;
      this.counts[c][control.group[codes[base + control.attribute]]]++;
    }
    this.observed++;
  }

  /** Counts one chunk of records (codes laid out `width` per record) and updates factors on each boundary. */
  observe(codes: Uint16Array, count: number, width: number): void {
    for (let r = 0; r < count; r++) {
      this.count(codes, r * width);
      if (this.observed % this.options.every === 0) {
        this.update();
        this.snapshots?.set(this.observed, this.snapshot());
      }
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
    const { gain } = this.options;
    this.model.controls.forEach((control, c) => {
      const n = this.seen[c];
      const counts = this.counts[c];
      const bias = this.logBias[c];
      const f = this.factors[c];
      const scale = this.scale[c];
      for (let g = 0; g < f.length; g++) {
        const share = control.shares[g];
        if (share === 0) {
          f[g] = 0; // a value with target 0 is never drawn
          continue;
        }
        const e = (counts[g] - share * n) / scale[g];
        if (integrate) bias[g] = clamp(bias[g] - gain * e, -MAX_LOG, MAX_LOG);
        f[g] = Math.exp(clamp(bias[g] - e, -MAX_LOG, MAX_LOG));
      }
      this.spread(c);
    });
  }

  private spread(c: number): void {
    const group = this.model.controls[c].group;
    const f = this.factors[c];
    const out = this.valueFactors[c];
    for (let v = 0; v < group.length; v++) out[v] = f[group[v]];
  }

  /**
   * Places a fresh calibration at output index `index` (a shard that starts there): the controller works on
   * its own counts against the targets, so the shard calibrates its own records, and the union of shards is
   * calibrated too.
   */
  startAt(index: number): void {
    if (this.seen.some((n) => n > 0)) throw new InternalError('startAt on a calibration that has observed records');
    this.observed = index;
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
    this.model.controls.forEach((control, c) => {
      const counts = this.counts[c];
      const bias = this.logBias[c];
      for (let g = 0; g < bias.length; g++) {
        const expected = control.shares[g] * this.seen[c];
        bias[g] = clamp(bias[g] + 0.7 * Math.log((expected + PSEUDO_COUNT) / (counts[g] + PSEUDO_COUNT)), -MAX_LOG, MAX_LOG);
      }
    });
    this.observed = 0;
    this.seen.fill(0);
    for (const c of this.counts) c.fill(0);
    this.step(false);
  }

  /** Starts keeping a snapshot at every update boundary from now on (and one of the present state). */
  keepSnapshots(): void {
    this.snapshots ??= new Map([[this.observed, this.snapshot()]]);
  }

  /**
   * The latest kept state at or before record k, and its position; older ones are dropped. A resume restores
   * it and regenerates the few records between it and k without writing them.
   */
  snapshotAtOrBefore(k: number): { at: number; state: IpfState } | null {
    if (!this.snapshots) return null;
    let best: number | null = null;
    for (const at of this.snapshots.keys()) if (at <= k && (best === null || at > best)) best = at;
    if (best === null) return null;
    for (const at of [...this.snapshots.keys()]) if (at < best) this.snapshots.delete(at);
    return { at: best, state: this.snapshots.get(best)! };
  }

  snapshot(): IpfState {
    return {
      version: 2,
      observed: this.observed,
      seen: Array.from(this.seen),
      counts: this.counts.map((c) => Array.from(c)),
      logBias: this.logBias.map((b) => Array.from(b)),
      factors: this.factors.map((f) => Array.from(f)),
    };
  }

  restore(state: IpfState): void {
    const fits = (rows: unknown) =>
      Array.isArray(rows) && rows.length === this.counts.length && rows.every((r, i) => Array.isArray(r) && r.length === this.counts[i].length);
    const shapeOk =
      state.version === 2 && Array.isArray(state.seen) && state.seen.length === this.seen.length && fits(state.counts) && fits(state.logBias) && fits(state.factors);
    if (!shapeOk) throw new CalibrationError('the saved calibration state does not match this census (different attributes, values or targets)');
    this.observed = state.observed;
    this.seen.set(state.seen);
    state.counts.forEach((c, i) => this.counts[i].set(c));
    state.logBias.forEach((b, i) => this.logBias[i].set(b));
    state.factors.forEach((f, i) => {
      this.factors[i].set(f);
      this.spread(i);
    });
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
