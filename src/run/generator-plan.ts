import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { applyFactors, prepareRun } from '../generator/calibration.js';
import { OnlineIpf } from '../generator/online-ipf.js';
import { createRecordFormatter } from '../generator/record-format.js';
import { Sampler } from '../generator/sampler.js';
import type { Checkpoint } from '../run-state/checkpoint.js';
import { createIpfCorrect } from '../streams/ipf-correct.js';
import { createSample } from '../streams/sample.js';
import { createToRecords } from '../streams/to-records.js';
import { createNarrateStage } from './narrate-stage.js';
import { fileOutputs, formatOf, outputsOf } from './outputs.js';
import { sinceStart } from './progress.js';
import { loadResume, nothingToResume, startOf } from './resume.js';
import type { RunOptions } from './run-options.js';
import { type Plan, runPlan } from './run-plan.js';
import { sampleStages } from './sample-pipeline.js';
import { shardRange } from './shard.js';
import { onSignals } from './signals.js';

/** The generator and its calibration, from the start of the range or from a resumed checkpoint's saved state. */
function resumedRun(loaded: LoadedConfig, resume: Checkpoint | null, startOffset: number, lo: number) {
  const { config, model } = loaded;
  if (resume?.ipf && config.calibration.enabled) {
    const { every, horizon, gain, damping } = config.calibration;
    const ipf = new OnlineIpf(model, { every, horizon, gain, damping });
    ipf.restore(resume.ipf.state);
    const sampler = new Sampler(model, config.sampling.maxAttempts);
    applyFactors(sampler, ipf);
    return { run: { model, sampler, ipf, seed: config.seed }, genStart: resume.ipf.at };
  }
  const run = prepareRun(model, config);
  // Without a saved state the calibration must see every record from the range's start to reach the same state.
  if (run.ipf) run.ipf.startAt(lo);
  return { run, genStart: run.ipf ? lo : startOffset };
}

/** Generator plan: calibrated sampling from the right place, records before `startOffset` regenerated but dropped. */
function generatorPlan(loaded: LoadedConfig, resume: Checkpoint | null, startOffset: number, narrate: boolean, range: [number, number]): Plan {
  const [lo, hi] = range;
  const { config, model } = loaded;
  const { run, genStart } = resumedRun(loaded, resume, startOffset, lo);
  run.ipf?.keepSnapshots();
  const width = run.sampler.width;
  return {
    startOffset,
    rangeStart: lo,
    total: hi,
    ipf: run.ipf,
    stage: narrate ? (ctx) => createNarrateStage(config, ctx) : undefined,
    head: ({ signal }) => [
      createSample({ sampler: run.sampler, ipf: run.ipf, seed: config.seed, start: genStart, end: hi, chunkSize: config.sampling.chunkSize, signal }),
      ...(run.ipf ? [createIpfCorrect(run.ipf, width)] : []),
      createToRecords(createRecordFormatter(model, config.seed), width, startOffset),
    ],
  };
}

/**
 * Structured records to stdout or a device, from the start: nothing to checkpoint, so no record objects at all.
 * It takes the signals over from the set-up trap as the runner does: the first ends the output at a chunk's
 * end (whole lines only, so `sample | narrate` reads a clean end) and exits 130; the second kills at once.
 */
async function runFastSample(loaded: LoadedConfig, options: RunOptions): Promise<number> {
  const { config, model } = loaded;
  const run = prepareRun(model, config);
  const out = outputsOf(config)[0];
  const stop = new AbortController();
  const signals = onSignals(stop, options.quiet, 0, 'ending the output after the records already made');
  try {
    if (signals.early) return 130;
    await pipeline([...sampleStages(run, config, 0, config.count, stop.signal), out === '-' ? process.stdout : createWriteStream(out, { highWaterMark: 1 << 20 })]);
  } finally {
    signals.off();
  }
  if (stop.signal.aborted) return 130;
  if (!options.quiet) {
    const { accepted, proposals } = run.sampler.stats;
    const secs = sinceStart();
    process.stderr.write(
      `gen-stream: ${config.count} records in ${secs.toFixed(2)} s (${Math.round(config.count / secs)} records/s), constraint acceptance ${((100 * accepted) / proposals).toFixed(1)} %\n`,
    );
  }
  return 0;
}

/** The generator commands (`gen-stream` and `gen-stream sample`): this shard's index range, narrated or not. */
export async function runGenerator(loaded: LoadedConfig, options: RunOptions, narrate: boolean): Promise<number> {
  const { config } = loaded;
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume(options.quiet);
  const range = options.shard ? shardRange(options.shard, config.count) : ([0, config.count] as [number, number]);
  const start = startOf(resume, options, range[0]);
  if (start < range[0] || start > range[1]) throw new UsageError(`--start-offset ${start} lies outside this shard's records ${range[0]}–${range[1] - 1}`);
  // Only JSONL text takes the fast path: `sample --format csv` to stdout goes through the writers like any output.
  const onlyStdout = outputsOf(config).length === 1 && fileOutputs(config).length === 0 && formatOf(outputsOf(config)[0], config.format) === 'jsonl';
  if (!narrate && onlyStdout && start === 0 && !options.checkpointPath && !options.shard) return runFastSample(loaded, options);
  return runPlan(loaded, options, resume, generatorPlan(loaded, resume, start, narrate, range));
}
