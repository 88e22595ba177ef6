import { createReadStream, createWriteStream } from 'node:fs';
import { rm, truncate } from 'node:fs/promises';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Checkpoint, readCheckpoint, verifyAgainstDisk } from '../run-state/checkpoint.js';
import type { LoadedConfig } from '../config.js';
import { CheckpointError, UsageError } from '../errors.js';
import { FailureSink } from '../run-state/failure-sink.js';
import { createNarrateStage, type NarrateStage } from './narrate-stage.js';
import { OnlineIpf } from '../generator/online-ipf.js';
import { pathExists, writeFileAtomic } from '../io/files.js';
import { checkpointPathOf, failuresPathOf, fileOutputs, openSinks, outputsOf } from './outputs.js';
import { applyFactors, prepareRun } from '../generator/calibration.js';
import { startProgress } from './progress.js';
import { createRecordFormatter } from '../generator/record-format.js';
import { configFingerprint, runMetadata } from './run-metadata.js';
import { RunStats } from '../run-state/run-stats.js';
import { type Shard, shardRange, shardTag } from './shard.js';
import { sampleStages } from './sample-pipeline.js';
import { Sampler } from '../generator/sampler.js';
import { createCheckpointTee } from '../streams/checkpoint-tee.js';
import { createIpfCorrect } from '../streams/ipf-correct.js';
import { createJsonlSource } from '../streams/jsonl-source.js';
import { createInputSource } from '../streams/input-source.js';
import { createSample } from '../streams/sample.js';
import { createToRecords } from '../streams/to-records.js';
import type { Indexed } from '../run-state/record-index.js';
import type { Column } from '../writers/columns.js';

export interface RunOptions {
  quiet: boolean;
  /** Failure file; default `<first file output>.failed.jsonl`, or gen-stream.failed.jsonl for stdout. */
  failedPath?: string;
  checkpointPath?: string;
  resume?: boolean;
  /** Resume even if the config changed. */
  force?: boolean;
  /** Resume if the checkpoint exists, else start afresh (`--continue`). */
  continueIfAny?: boolean;
  /** Emit records from this input position on (a resumed pipe to stdout). */
  startOffset?: number;
  /** This process's shard of the index range (outputs already renamed by shardOutputs). */
  shard?: Shard | null;
}

const tagOf = (options: RunOptions): string | null => (options.shard ? shardTag(options.shard) : null);

/** The config fingerprint, plus the shard: a shard's checkpoint must not resume another shard. */
function runFingerprint(loaded: LoadedConfig, options: RunOptions): string {
  const tag = tagOf(options);
  return tag ? `${configFingerprint(loaded)}/${tag}` : configFingerprint(loaded);
}

const warn = (msg: string) => process.stderr.write(`gen-stream: warning: ${msg}\n`);

/** Reads and checks the checkpoint of a resume, and cuts the failure file back to what it claims. */
export async function loadResume(loaded: LoadedConfig, options: RunOptions): Promise<Checkpoint | null> {
  if (options.resume && options.continueIfAny) throw new UsageError('--resume and --continue do not go together (--continue resumes when it can)');
  if (!options.resume && !options.continueIfAny) return null;
  const path = checkpointPathOf(loaded.config, options.checkpointPath, tagOf(options));
  if (!path) throw new UsageError(`${options.resume ? '--resume' : '--continue'} needs a checkpoint: give --checkpoint FILE or a file output`);
  // --continue without a checkpoint: nothing to continue, a fresh run (which clears stale files).
  if (options.continueIfAny && !(await pathExists(path))) return null;
  const cp = await readCheckpoint(path);
  if (cp.fingerprint !== runFingerprint(loaded, options) && !options.force) {
    throw new CheckpointError(`checkpoint ${path} was written for another config (different census, seed, count or narrative settings); resume with the same config, or --force`);
  }
  await verifyAgainstDisk(path, cp);
  if (cp.failures && cp.failures.bytes >= 0) {
    if (await pathExists(cp.failures.path)) await truncate(cp.failures.path, cp.failures.bytes);
  }
  return cp;
}

/** A fresh run must not pair an earlier run's checkpoint or failure file with its new outputs. */
async function clearStale(loaded: LoadedConfig, options: RunOptions, resume: Checkpoint | null, failuresPath: string): Promise<void> {
  if (resume) return;
  const path = checkpointPathOf(loaded.config, options.checkpointPath, tagOf(options));
  if (path) await rm(path, { force: true });
  await rm(failuresPath, { force: true });
}

/** First SIGINT/SIGTERM: stop taking records, drain, checkpoint, exit 130. Second: exit now (last checkpoint stands). */
function onSignals(stop: () => void): () => void {
  let count = 0;
  const handler = (signal: NodeJS.Signals) => {
    count++;
    if (count === 1) {
      process.stderr.write(`\ngen-stream: ${signal}: finishing records in flight and writing a checkpoint (again to force)\n`);
      stop();
    } else process.exit(130);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
}

function summary(stats: RunStats, failures: FailureSink, quiet: boolean): void {
  if (quiet && !stats.failed && !stats.stopReason) return;
  const secs = (Date.now() - stats.startedAt) / 1000;
  const llm = stats.requests ? `, ${stats.requests} requests (${stats.retries} retries), ${stats.promptTokens + stats.completionTokens} tokens, cost ${stats.cost.toFixed(4)}` : '';
  const failed = stats.failed ? `, ${stats.failed} failed (${failures.path})` : '';
  process.stderr.write(`gen-stream: ${stats.written} records written in ${secs.toFixed(2)} s${failed}${llm}\n`);
  if (stats.stopReason) process.stderr.write(`gen-stream: stopped taking records early: ${stats.stopReason}\n`);
}

function exitCode(stats: RunStats): number {
  if (stats.stopReason?.startsWith('interrupted')) return 130;
  return stats.stopReason && /^E_LLM_/.test(stats.stopReason) ? 1 : 0;
}

/** The LLM (or template) stage of a plan, built once the failure file is open. */
type StageFactory = (failures: FailureSink, onStop: () => void, stopSignal: (stop: () => void) => void) => NarrateStage;

export interface Plan {
  /** Source stages producing arrays of indexed records, given the stop flag. */
  head: (shouldStop: () => boolean) => Array<Readable | Transform>;
  /** Position where this run's input starts (a resume offset). */
  startOffset: number;
  ipf: OnlineIpf | null;
  stage?: StageFactory;
  /** A fixed columnar layout for Arrow and Parquet outputs. */
  columns?: readonly Column[];
  /** Told of every record array once written; and state saved with each checkpoint (Persona Hub domain tallies). */
  onWritten?: (records: readonly Indexed[]) => void;
  domains?: () => Record<string, number>;
  /** After the pipeline, before the summary (e.g. writing the domain table). */
  finish?: () => Promise<void>;
}

/** The shared runner: head → [narratives] → checkpointing tee over every output, with progress and signals. */
export async function runPlan(loaded: LoadedConfig, options: RunOptions, stats: RunStats, resume: Checkpoint | null, plan: Plan): Promise<number> {
  const { config } = loaded;
  if (resume) Object.assign(stats, { written: resume.written, failed: resume.failed, ...resume.totals });
  const tag = tagOf(options);
  const failures = new FailureSink(failuresPathOf(config, options.failedPath, tag), resume?.failures?.bytes ?? 0, resume?.failed ?? 0);
  let stopRequested = false;
  let stopNarrate: (() => void) | null = null;
  const narrate = plan.stage?.(failures, () => (stopRequested = true), (stop) => (stopNarrate = stop)) ?? null;
  await clearStale(loaded, options, resume, failures.path);
  const sinks = await openSinks(config, resume, plan.columns ?? null, tag ? `${tag}-` : '');
  const checkpointPath = checkpointPathOf(config, options.checkpointPath, tag);
  const tee = createCheckpointTee({
    sinks,
    path: checkpointPath,
    every: config.checkpoint.every,
    startOffset: plan.startOffset,
    fingerprint: runFingerprint(loaded, options),
    failures,
    stats,
    ipfStateAt: (k) => plan.ipf?.snapshotAtOrBefore(k) ?? null,
    endOffset: () => stats.stopIndex ?? stats.taken,
    onWritten: plan.onWritten,
    domains: plan.domains,
  });
  const offSignals = onSignals(() => {
    stats.stopReason ??= 'interrupted';
    stopRequested = true;
    stopNarrate?.();
  });
  const stopProgress = startProgress(stats, !options.quiet);
  try {
    await pipeline([...(plan.head(() => stopRequested) as [Readable, ...Transform[]]), ...(narrate ? [narrate.stage] : []), tee]);
  } finally {
    stopProgress();
    offSignals();
    await narrate?.close();
    await failures.close();
  }
  await plan.finish?.();
  for (const out of fileOutputs(config)) await writeFileAtomic(`${out.replace(/\/+$/, '')}.meta.json`, `${JSON.stringify(runMetadata(loaded), null, 2)}\n`);
  summary(stats, failures, options.quiet);
  return exitCode(stats);
}

/** Generator plan: calibrated sampling from the right place, records before `from` regenerated but dropped. */
function generatorPlan(loaded: LoadedConfig, stats: RunStats, resume: Checkpoint | null, startOffset: number, narrate: boolean, range: [number, number]): Plan {
  const [lo, hi] = range;
  const { config, model } = loaded;
  const stage: StageFactory | undefined = narrate ? (failures, onStop, stopSignal) => createNarrateStage(config, stats, failures, onStop, warn, stopSignal) : undefined;
  let run;
  let genStart = startOffset;
  if (resume?.ipf && config.calibration.enabled) {
    const { every, horizon, gain, damping } = config.calibration;
    const ipf = new OnlineIpf(model, { every, horizon, gain, damping });
    ipf.restore(resume.ipf.state);
    const sampler = new Sampler(model, config.sampling.maxAttempts);
    applyFactors(sampler, ipf);
    run = { model, sampler, ipf, seed: config.seed };
    genStart = resume.ipf.at;
  } else {
    run = prepareRun(model, config);
    // Without a saved state the calibration must see every record from the range's start to reach the same state.
    if (run.ipf) {
      genStart = lo;
      run.ipf.startAt(lo);
    }
  }
  run.ipf?.keepSnapshots();
  const width = run.sampler.width;
  stats.total = hi;
  stats.taken = startOffset;
  return {
    startOffset,
    ipf: run.ipf,
    stage,
    head: (shouldStop) => [
      createSample({ sampler: run.sampler, ipf: run.ipf, seed: config.seed, start: genStart, end: hi, chunkSize: config.sampling.chunkSize, shouldStop }),
      ...(run.ipf ? [createIpfCorrect(run.ipf, width)] : []),
      createToRecords(createRecordFormatter(model, config.seed), width, startOffset, stats),
    ],
  };
}

export function nothingToResume(): number {
  process.stderr.write('gen-stream: the checkpoint says this run is complete; nothing to resume\n');
  return 0;
}

export function startOf(resume: Checkpoint | null, options: RunOptions, lo = 0): number {
  if (resume && options.startOffset !== undefined) throw new UsageError('--resume and --start-offset do not go together');
  return resume?.offset ?? options.startOffset ?? lo;
}

/** `gen-stream sample` and the main command. Structured-only runs to stdout take the fast text path. */
export async function runMain(loaded: LoadedConfig, options: RunOptions, narrate = loaded.config.narrative.enabled): Promise<number> {
  const { config } = loaded;
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume();
  const stats = new RunStats();
  const range = options.shard ? shardRange(options.shard, config.count) : ([0, config.count] as [number, number]);
  const start = startOf(resume, options, range[0]);
  if (start < range[0] || start > range[1]) throw new UsageError(`--start-offset ${start} lies outside this shard's records ${range[0]}–${range[1] - 1}`);
  const outs = outputsOf(config);
  // Structured records to stdout or a device: nothing to checkpoint, so the fast text path (no record objects).
  if (!narrate && outs.length === 1 && fileOutputs(config).length === 0 && start === 0 && !options.checkpointPath && !options.shard) return runFastSample(loaded, options, stats);
  return runPlan(loaded, options, stats, resume, generatorPlan(loaded, stats, resume, start, narrate, range));
}

async function runFastSample(loaded: LoadedConfig, options: RunOptions, stats: RunStats): Promise<number> {
  const { config, model } = loaded;
  const run = prepareRun(model, config);
  const out = outputsOf(config)[0];
  await pipeline([...sampleStages(run, config, 0, config.count), out === '-' ? process.stdout : createWriteStream(out, { highWaterMark: 1 << 20 })]);
  if (!options.quiet) {
    const { accepted, proposals } = run.sampler.stats;
    const secs = (Date.now() - stats.startedAt) / 1000;
    process.stderr.write(
      `gen-stream: ${config.count} records in ${secs.toFixed(2)} s (${Math.round(config.count / secs)} records/s), constraint acceptance ${((100 * accepted) / proposals).toFixed(1)} %\n`,
    );
  }
  return 0;
}

/**
 * `gen-stream narrate` (narratives) and `gen-stream write` (no narratives): JSONL records from stdin or a file,
 * out to every configured output, checkpointed. With `retryFailed`, the input is a failure file.
 */
export async function runStream(
  loaded: LoadedConfig,
  options: RunOptions & { input?: string; retryFailed?: string },
  narrate: boolean,
): Promise<number> {
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume();
  const stats = new RunStats();
  const startOffset = startOf(resume, options);
  stats.taken = startOffset;
  const inputPath = options.retryFailed ?? options.input;
  const input = inputPath ? createReadStream(inputPath) : process.stdin;
  const failedPath = options.failedPath ?? (options.retryFailed ? `${options.retryFailed}.retry.jsonl` : undefined);
  return runPlan(loaded, { ...options, failedPath }, stats, resume, {
    startOffset,
    ipf: null,
    stage: narrate ? (failures, onStop, stopSignal) => createNarrateStage(loaded.config, stats, failures, onStop, warn, stopSignal) : undefined,
    head: (shouldStop) => [
      createInputSource(input, {
        name: inputPath ?? '<stdin>',
        failures: options.retryFailed !== undefined,
        shouldStop,
        skip: startOffset,
        // A shard of a stream command takes every n-th record (a Shard is the stripe: index of count).
        stripe: options.shard ?? undefined,
        onEnd: (n) => (stats.taken = Math.max(stats.taken, n)),
      }),
    ],
  });
}

/**
 * `gen-stream dedup`: records from stdin (or --input) minus exact and near duplicates of earlier ones, to every
 * output; removed ids go to the removed file with the id they duplicate. The seen-set is not checkpointed,
 * so a dedup run cannot be resumed (it would miss duplicates across the break): rerun it instead.
 */
export async function runDedup(loaded: LoadedConfig, options: RunOptions & { input?: string; removedPath?: string }): Promise<number> {
  if (options.resume || options.startOffset) throw new UsageError('dedup cannot resume: its seen-set is not checkpointed; run it again from the start');
  const { config } = loaded;
  const { Deduper } = await import('../dedup/deduper.js');
  const { createDedup } = await import('../streams/dedup.js');
  const { FileAppender } = await import('../writers/file-appender.js');
  const first = fileOutputs(config)[0];
  const removedPath = options.removedPath ?? (first ? `${first.replace(/\/+$/, '')}.removed.jsonl` : 'gen-stream.removed.jsonl');
  const removed = await FileAppender.open(removedPath, null);
  const { field, ...dedupOptions } = config.dedup;
  const deduper = new Deduper(dedupOptions);
  let pending: Promise<void> = Promise.resolve();
  const stats = new RunStats();
  const input = options.input ? createReadStream(options.input) : process.stdin;
  const code = await runPlan(loaded, options, stats, null, {
    startOffset: 0,
    ipf: null,
    head: () => [
      createJsonlSource(input, { name: options.input ?? '<stdin>', onEnd: (n) => (stats.taken = n) }),
      createDedup(deduper, field, (entry) => {
        const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
        pending = pending.then(() => removed.write(line));
      }),
    ],
  });
  await pending;
  await removed.close();
  process.stderr.write(
    `gen-stream: dedup kept ${deduper.kept}, removed ${deduper.removedExact} exact and ${deduper.removedNear} near duplicates (${removedPath}); ` +
      `tables ${(deduper.memoryBytes() / 1e6).toFixed(1)} MB\n`,
  );
  return code;
}
