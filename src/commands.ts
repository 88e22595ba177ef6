import { createReadStream } from 'node:fs';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LoadedConfig } from './config.js';
import { InputError } from './errors.js';
import { FailureSink } from './failure-sink.js';
import { createNarrateStage } from './narrate-stage.js';
import { isSpecialFile, openOutput, writeFileAtomic } from './output.js';
import { prepareRun } from './prepare-run.js';
import { startProgress } from './progress.js';
import { createRecordFormatter } from './record-format.js';
import { runMetadata } from './run-metadata.js';
import { RunStats } from './run-stats.js';
import { sampleStages } from './sample-pipeline.js';
import { createIpfCorrect } from './streams/ipf-correct.js';
import { createJsonlSource } from './streams/jsonl-source.js';
import { createSample } from './streams/sample.js';
import { createToRecords } from './streams/to-records.js';
import { createWriteJsonl } from './streams/write-jsonl.js';

export interface RunOptions {
  quiet: boolean;
  /** Failure file; default `<out>.failed.jsonl`, or gen-stream.failed.jsonl for stdout. */
  failedPath?: string;
}

const warn = (msg: string) => process.stderr.write(`gen-stream: warning: ${msg}\n`);

export function defaultFailedPath(out: string): string {
  return out === '-' || isSpecialFile(out) ? 'gen-stream.failed.jsonl' : `${out}.failed.jsonl`;
}

/** Runs stages into the configured output; the file appears under its name only if the pipeline completes. */
async function runInto(loaded: LoadedConfig, stages: Array<Readable | Transform>): Promise<void> {
  const out = loaded.config.out;
  const output = openOutput(out);
  try {
    await pipeline([...(stages as [Readable, ...Transform[]]), output.stream]);
    await output.commit();
  } catch (err) {
    await output.abort();
    throw err;
  }
  if (out !== '-' && !isSpecialFile(out)) await writeFileAtomic(`${out}.meta.json`, `${JSON.stringify(runMetadata(loaded), null, 2)}\n`);
}

function summary(stats: RunStats, failures: FailureSink, quiet: boolean): void {
  if (quiet && !stats.failed && !stats.stopReason) return;
  const secs = (Date.now() - stats.startedAt) / 1000;
  const llm = stats.requests ? `, ${stats.requests} requests (${stats.retries} retries), ${stats.promptTokens + stats.completionTokens} tokens, cost ${stats.cost.toFixed(4)}` : '';
  const failed = stats.failed ? `, ${stats.failed} failed (${failures.path})` : '';
  process.stderr.write(`gen-stream: ${stats.done} records in ${secs.toFixed(2)} s (${Math.round((stats.done + stats.failed) / secs)} records/s)${failed}${llm}\n`);
  if (stats.stopReason) process.stderr.write(`gen-stream: stopped taking records early: ${stats.stopReason}\n`);
}

/** Exit code after a narrating run: 1 if a fatal API error stopped it, else 0 (the cost cap is a clean stop). */
function exitCode(stats: RunStats): number {
  return stats.stopReason && /^E_LLM_/.test(stats.stopReason) ? 1 : 0;
}

/**
 * Runs a narrating pipeline: `head` stages (a source of record arrays) → narrative stage → JSONL → output,
 * with progress, and releases the HTTP pool and the failure file whatever happens. `head` receives the stop
 * flag the narrative stage raises when it stops taking records.
 */
async function runNarrating(
  loaded: LoadedConfig,
  options: RunOptions,
  stats: RunStats,
  failures: FailureSink,
  head: (shouldStop: () => boolean) => Array<Readable | Transform>,
): Promise<number> {
  let stopRequested = false;
  const narrate = createNarrateStage(loaded.config, stats, failures, () => (stopRequested = true), warn);
  const stopProgress = startProgress(stats, !options.quiet);
  try {
    await runInto(loaded, [...head(() => stopRequested), narrate.stage, createWriteJsonl()]);
  } finally {
    stopProgress();
    await narrate.close();
    await failures.close();
  }
  summary(stats, failures, options.quiet);
  return exitCode(stats);
}

/** `gen-stream sample`, or the main command with narratives off: structured personas only. */
export async function runSample(loaded: LoadedConfig, options: RunOptions): Promise<number> {
  const { config, model } = loaded;
  const stats = new RunStats();
  stats.total = config.count;
  const run = prepareRun(model, config);
  const stages = sampleStages(run, config, 0, config.count);
  await runInto(loaded, stages);
  stats.done = config.count;
  if (!options.quiet) {
    const { accepted, proposals } = run.sampler.stats;
    const secs = (Date.now() - stats.startedAt) / 1000;
    process.stderr.write(
      `gen-stream: ${config.count} records in ${secs.toFixed(2)} s (${Math.round(config.count / secs)} records/s), constraint acceptance ${((100 * accepted) / proposals).toFixed(1)} %\n`,
    );
  }
  return 0;
}

/** The main command: generator → calibration → narratives (template or LLM) → JSONL. */
export async function runMain(loaded: LoadedConfig, options: RunOptions): Promise<number> {
  const { config, model } = loaded;
  if (!config.narrative.enabled) return runSample(loaded, options);
  const stats = new RunStats();
  stats.total = config.count;
  const failures = new FailureSink(options.failedPath ?? defaultFailedPath(config.out));
  const run = prepareRun(model, config);
  const width = run.sampler.width;
  return runNarrating(loaded, options, stats, failures, (shouldStop) => [
    createSample({ sampler: run.sampler, ipf: run.ipf, seed: config.seed, start: 0, end: config.count, chunkSize: config.sampling.chunkSize, shouldStop }),
    ...(run.ipf ? [createIpfCorrect(run.ipf, width)] : []),
    createToRecords(createRecordFormatter(model, config.seed), width),
  ]);
}

/**
 * `gen-stream narrate`: records (JSONL) from stdin or a file in, the same records with narratives out.
 * With `retryFailed`, the input is a failure file and its records are narrated again.
 */
export async function runNarrate(loaded: LoadedConfig, options: RunOptions & { input?: string; retryFailed?: string }): Promise<number> {
  const { config } = loaded;
  const stats = new RunStats();
  const failedPath = options.failedPath ?? (options.retryFailed ? `${options.retryFailed}.retry.jsonl` : defaultFailedPath(config.out));
  const failures = new FailureSink(failedPath);
  const inputPath = options.retryFailed ?? options.input;
  const input = inputPath ? createReadStream(inputPath) : process.stdin;
  return runNarrating(loaded, options, stats, failures, (shouldStop) => [
    createJsonlSource(input, {
      name: inputPath ?? '<stdin>',
      shouldStop,
      select: options.retryFailed
        ? (value, where) => {
            if (typeof value.record !== 'object' || value.record === null) throw new InputError(`${where}: not a failure entry (no "record" object)`);
            return value.record as Record<string, unknown>;
          }
        : undefined,
    }),
  ]);
}
