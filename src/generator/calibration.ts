import type { Model } from '../census/compile.js';
import type { Config } from '../config.js';
import { OnlineIpf } from './online-ipf.js';
import { Stream, rngFor } from './rng.js';
import { MIN_ACCEPTANCE, Sampler } from './sampler.js';

export interface PreparedRun {
  model: Model;
  sampler: Sampler;
  /** null when calibration is disabled. */
  ipf: OnlineIpf | null;
  seed: number;
}

interface FactorPlan {
  attribute: number;
  global: number | null;
  conditional: number[];
}
const plans = new WeakMap<OnlineIpf, FactorPlan[]>();

/** Which controls act on which attribute, worked out once per calibration. */
function planFor(ipf: OnlineIpf): FactorPlan[] {
  let plan = plans.get(ipf);
  if (!plan) {
    const byAttribute = new Map<number, FactorPlan>();
    ipf.model.controls.forEach((control, i) => {
      const entry = byAttribute.get(control.attribute) ?? { attribute: control.attribute, global: null, conditional: [] };
      if (control.rows) entry.conditional.push(i);
      else entry.global = i;
      byAttribute.set(control.attribute, entry);
    });
    plan = [...byAttribute.values()];
    plans.set(ipf, plan);
  }
  return plan;
}

/** Copies the current calibration factors into the sampler's tables. */
export function applyFactors(sampler: Sampler, ipf: OnlineIpf): void {
  const controls = ipf.model.controls;
  for (const { attribute, global, conditional } of planFor(ipf)) {
    sampler.setFactors(
      attribute,
      global === null ? null : ipf.valueFactors[global],
      conditional.map((i) => ({ rows: controls[i].rows!, factors: ipf.valueFactors[i] })),
    );
  }
}

/**
 * Measures how often the constraint set accepts a proposal, on a random stream of its own, before any
 * output is written. Under MIN_ACCEPTANCE the run is refused with the worst constraint named.
 */
export function probeConstraints(model: Model, seed: number, proposals: number): void {
  const probe = new Sampler(model, 1);
  const codes = new Uint16Array(probe.width);
  for (let i = 0; i < proposals; i++) probe.propose(rngFor(seed, Stream.probe, i), codes, 0);
  const rate = probe.stats.accepted / probe.stats.proposals;
  if (rate < MIN_ACCEPTANCE) throw probe.infeasible(`${probe.stats.accepted} of ${proposals} probe proposals accepted`);
}

/**
 * Learns the model's structural bias before record 0: `rounds` rounds of `records` records each, drawn on the
 * warm-up stream (never output) with the current bias as sampling factors, each followed by one damped IPF
 * step (rakeBiasAndReset). Deterministic: depends only on the config.
 */
export function warmUp(sampler: Sampler, ipf: OnlineIpf, seed: number, records: number, rounds = WARMUP_ROUNDS): void {
  const width = sampler.width;
  const codes = new Uint16Array(width);
  let index = 0;
  for (let round = 0; round < rounds && records > 0; round++) {
    applyFactors(sampler, ipf);
    for (let i = 0; i < records; i++, index++) {
      sampler.sample(rngFor(seed, Stream.warmup, index), codes, 0);
      // Observe record by record but without the online controller: factors stay fixed within a round.
      ipf.count(codes);
    }
    ipf.rakeBiasAndReset();
  }
}

export const WARMUP_ROUNDS = 4;

export function prepareRun(model: Model, config: Config): PreparedRun {
  probeConstraints(model, config.seed, config.sampling.probe);
  const sampler = new Sampler(model, config.sampling.maxAttempts);
  const { enabled, every, horizon, gain, damping, warmup } = config.calibration;
  const ipf = enabled && model.controls.length ? new OnlineIpf(model, { every, horizon, gain, damping }) : null;
  if (ipf) warmUp(sampler, ipf, config.seed, warmup);
  return { model, sampler, ipf, seed: config.seed };
}
