import type { LoadedConfig } from '../config.js';
import { applyFactors, prepareRun } from '../generator/calibration.js';
import { Stream, rngFor } from '../generator/rng.js';
import { FidelityCounter } from './fidelity-stats.js';

/**
 * The census joints the model implies, estimated by running the configured generator with calibration on a
 * seed of its own: the census publishes no full joint tables (see the census README), so "target conditional"
 * means what the calibrated model produces. Independent of the file under test.
 */
export function referenceJoints(loaded: LoadedConfig, joints: ReadonlyArray<readonly [string, string]>, records: number): FidelityCounter {
  const seed = (loaded.config.seed + 0x5eed) % Number.MAX_SAFE_INTEGER;
  const config = { ...loaded.config, seed };
  const run = prepareRun(loaded.model, config);
  const width = run.sampler.width;
  const codes = new Uint16Array(width);
  const counter = new FidelityCounter(loaded.model, joints);
  const every = run.ipf?.options.every ?? records;
  for (let i = 0; i < records; i++) {
    if (run.ipf && i % every === 0) applyFactors(run.sampler, run.ipf);
    run.sampler.sample(rngFor(seed, Stream.person, i), codes, 0);
    run.ipf?.observe(codes, 1, width);
    counter.addJointCodes(codes);
  }
  return counter;
}
