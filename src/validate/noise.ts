import jstat from 'jstat';
import type { MarginalResult } from './fidelity-stats.js';
import type { Gate } from './gate.js';

/**
 * How much a file may be off its targets by sampling noise alone. A file of n records drawn from the targets
 * has a share p off by about 100·√(p(1−p)/n) points (one standard error): ±3 points for a share of one half at
 * n = 250. A fixed limit in points therefore fails most correct small files while saying little at large n, so
 * each value's count may be as far out as a genuine draw would be with probability ≥ alpha / (2·comparisons)
 * on either side (Bonferroni: a genuine draw fails some value with probability ≤ alpha), or within a fixed
 * floor of points, whichever allows more.
 */
export interface NoiseRule {
  /** Points always allowed (config `validate.maxMarginalPoints`): differences too small to matter. */
  floorPoints: number;
  /** Family-wise false-alarm rate for a genuine draw (config `validate.noiseAlpha`). */
  alpha: number;
  /** Value shares compared: every value with a target share > 0, over every controlled marginal. */
  comparisons: number;
  /** Probability allowed in each tail of each value: alpha / (2·comparisons). */
  tail: number;
  /** The same tail in standard errors (the normal quantile), used where the binomial is close to normal. */
  z: number;
  /** Records in the file. */
  n: number;
  /** The chi-square gates, when the file has enough records for them: each p must exceed minPValue / tests. */
  chiSquare: { minPValue: number; tests: number; limit: number } | null;
}

/** The config keys the rule is made of (config `validate`). */
export interface NoiseSettings {
  maxMarginalPoints: number;
  noiseAlpha: number;
  minPValue: number;
  minRecordsForPValue: number;
}

/** Points a value may be below and above its target. */
export interface Allowance {
  below: number;
  above: number;
}

/** The two-sided Bonferroni quantile: P(|Z| > z) = alpha / comparisons. */
export function bonferroniZ(alpha: number, comparisons: number): number {
  return jstat.normal.inv(1 - alpha / (2 * Math.max(1, comparisons)), 0, 1);
}

/**
 * Beyond this variance n·p(1−p) (a standard error of ≥ 31.6 records) the binomial's skew is ≤ 0.03 and its
 * tails are the normal's; below it, rare values are far from normal (a share of 0.09 % at n = 250 expects 0.2
 * records: 3 or more is then 0.16 % likely, not the 10⁻⁵ that z·SE claims), so their tails are summed exactly.
 */
export const EXACT_BELOW_VARIANCE = 1000;

/**
 * Points a value with target `share` (0…1) may be off at n records, on each side: the furthest count a draw
 * reaches with probability ≥ `tail` (binomial, exact or normal), or `floorPoints` if that is more. With no
 * records there is no noise to allow for, only the floor.
 */
export function allowedPoints(share: number, n: number, floorPoints: number, rule: { tail: number; z: number }): Allowance {
  if (n <= 0 || share <= 0 || share >= 1) return { below: floorPoints, above: floorPoints };
  const variance = n * share * (1 - share);
  if (variance >= EXACT_BELOW_VARIANCE) {
    const points = rule.z * 100 * Math.sqrt(variance) / n;
    return { below: Math.max(floorPoints, points), above: Math.max(floorPoints, points) };
  }
  const [lo, hi] = binomialRange(n, share, rule.tail);
  return { below: Math.max(floorPoints, 100 * (share - lo / n)), above: Math.max(floorPoints, 100 * (hi / n - share)) };
}

/**
 * The counts [lo, hi] a Binomial(n, p) reaches with probability ≥ tail on each side: P(X ≤ lo) ≥ tail with lo
 * the smallest such, P(X ≥ hi) ≥ tail with hi the largest. The pmf is summed over mean ± 15 sd + 20 (the rest
 * holds less than 10⁻³⁰), in logs so that large n do not overflow.
 */
export function binomialRange(n: number, p: number, tail: number): [number, number] {
  const mean = n * p;
  const spread = 15 * Math.sqrt(n * p * (1 - p)) + 20;
  const first = Math.max(0, Math.floor(mean - spread));
  const last = Math.min(n, Math.ceil(mean + spread));
  const logN = jstat.gammaln(n + 1);
  const [lp, lq] = [Math.log(p), Math.log1p(-p)];
  const pmf = Array.from({ length: last - first + 1 }, (_, i) => {
    const k = first + i;
    return Math.exp(logN - jstat.gammaln(k + 1) - jstat.gammaln(n - k + 1) + k * lp + (n - k) * lq);
  });
  let lo = first;
  for (let i = 0, below = 0; i < pmf.length; i++) {
    below += pmf[i];
    lo = first + i;
    if (below >= tail) break;
  }
  let hi = last;
  for (let i = pmf.length - 1, above = 0; i >= 0; i--) {
    above += pmf[i];
    hi = first + i;
    if (above >= tail) break;
  }
  return [lo, hi];
}

/** The rule for a file of `n` records checked on `marginals`. */
export function noiseRule(marginals: readonly MarginalResult[], n: number, settings: NoiseSettings): NoiseRule {
  const comparisons = marginals.reduce((k, m) => k + m.rows.filter((r) => r.target > 0).length, 0);
  const tests = marginals.length;
  const chiSquare = n >= settings.minRecordsForPValue && tests ? { minPValue: settings.minPValue, tests, limit: settings.minPValue / tests } : null;
  const tail = settings.noiseAlpha / (2 * Math.max(1, comparisons));
  return { floorPoints: settings.maxMarginalPoints, alpha: settings.noiseAlpha, comparisons, tail, z: bonferroniZ(settings.noiseAlpha, comparisons), n, chiSquare };
}

const fmt = (x: number) => (x >= 10 ? x.toFixed(1) : x.toFixed(2));

/** An allowance as text: ±a when both sides agree to the hundredth, else −below/+above. */
export function allowanceText(a: Allowance): string {
  return fmt(a.below) === fmt(a.above) ? `±${fmt(a.above)}` : `−${fmt(a.below)}/+${fmt(a.above)}`;
}

/**
 * The points gate of one marginal: every value within its allowance. The detail names the value furthest off
 * and, when another value is nearer its own (smaller) allowance, that one too, since it decides the gate.
 */
export function marginalGate(m: MarginalResult, rule: NoiseRule): Gate {
  const judged = m.rows.map((r) => {
    const allowed = allowedPoints(r.target / 100, rule.n, rule.floorPoints, rule);
    return { ...r, allowed, ratio: Math.abs(r.diff) / (r.diff < 0 ? allowed.below : allowed.above) };
  });
  const name = `marginal ${m.attribute}`;
  if (!judged.length) return { name, passed: true, detail: 'no values' };
  const worst = judged.reduce((a, b) => (Math.abs(b.diff) > Math.abs(a.diff) ? b : a));
  const tightest = judged.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  // A count exactly at the allowed edge gives ratio 1 up to rounding (observed and target are both in points).
  const passed = judged.every((r) => r.ratio <= 1 + 1e-9);
  let detail = `worst value ${m.worst.toFixed(3)} points off target (${worst.value}: ${allowanceText(worst.allowed)} allowed at n=${rule.n})`;
  if (tightest !== worst) detail += `; nearest its allowance: ${tightest.value} ${tightest.diff >= 0 ? '+' : ''}${tightest.diff.toFixed(3)} of ${allowanceText(tightest.allowed)}`;
  return { name, passed, detail };
}

/**
 * The chi-square gate of one marginal: p above minPValue shared out over the chi-square gates (Bonferroni), so a
 * genuine draw fails none of them with probability ≥ 1 − minPValue.
 */
export function chiSquareGate(m: MarginalResult, chi: NonNullable<NoiseRule['chiSquare']>): Gate {
  return {
    name: `chi-square ${m.attribute}`,
    passed: m.pValue > chi.limit,
    detail: `χ² ${m.chiSquare.toFixed(2)}, df ${m.df}, p ${m.pValue.toPrecision(3)} (limit > ${chi.limit.toPrecision(3)}: ${chi.minPValue} over ${chi.tests} tests, Bonferroni)`,
  };
}

/** The marginal and chi-square gates' rule in words, with what it allows at this n for a share of one half. */
export function noiseRuleText(rule: NoiseRule): string {
  const half = allowedPoints(0.5, rule.n, rule.floorPoints, rule);
  const chi = rule.chiSquare ? ` Chi-square: p > ${rule.chiSquare.minPValue} / ${rule.chiSquare.tests} tests (Bonferroni).` : ' No chi-square gate at this n.';
  return (
    `Each value's share may be as far off its target as a genuine draw of n=${rule.n} records gets with probability ≥ ${rule.tail.toPrecision(3)} on that side ` +
    `(binomial; ${rule.z.toFixed(2)} standard errors where n·p(1−p) ≥ ${EXACT_BELOW_VARIANCE}; alpha ${rule.alpha} over ${rule.comparisons} values, Bonferroni), ` +
    `or ${rule.floorPoints} points if that is more: ${allowanceText(half)} points for a share of 50 %.${chi}`
  );
}
