import type { Readable, Transform, Writable } from 'node:stream';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { LoadedConfig } from '../config.js';
import type { InputError } from '../errors.js';
import type { OnlineIpf } from '../generator/online-ipf.js';
import { writeFileAtomic } from '../io/files.js';
import type { Checkpoint } from '../run-state/checkpoint.js';
import { FailureSink } from '../run-state/failure-sink.js';
import type { InputDigest } from '../run-state/input-digest.js';
import type { Indexed } from '../run-state/record-index.js';
import { REPORT, RunStats, type StageReport } from '../run-state/run-stats.js';
import { createCheckpointTee } from '../streams/checkpoint-tee.js';
import { failureRateOf } from '../streams/llm-map.js';
import type { Column } from '../writers/columns.js';
import { artifactsOf } from './artifacts.js';
import { refuseForeignFiles } from './foreign-files.js';
import { refuseCollisions, type RunPath, runPathsOf } from './path-collisions.js';
import { type NarrateStage, warn } from './narrate-stage.js';
import { fileOutputs, openSinks } from './outputs.js';
import { progressLine, type RunBase, sinceStart, startProgress, writtenPhrase } from './progress.js';
import { clearStale, runFingerprint } from './resume.js';
import { runMetadata } from './run-metadata.js';
import type { RunOptions } from './run-options.js';
import { DEFAULT_DRAIN_MS, onSignals, type RunSignals } from './signals.js';

/** What the source stages of a plan are given: the run's stop signal, and where to report (input positions taken). */
export interface HeadContext {
  signal: AbortSignal;
  report: (r: StageReport) => void;
}

/** What the record stage of a plan (narratives, LLM work) is given, once the failure file is open. */
export interface StageContext {
  failures: FailureSink;
  /** The run's stop (a signal, or a stage's own stop such as the cost cap): stop taking records. */
  signal: AbortSignal;
  /** The first SIGINT/SIGTERM: from then on no request is retried. */
  interrupt: AbortSignal;
  /** The drain timeout after the first signal is over: requests in flight are aborted, their records left unfinished. */
  deadline: AbortSignal;
  /** Cost already spent by the run being resumed (for the cost cap). */
  costSoFar: number;
  /** -q: the stage prints nothing but errors (no endpoint traffic report). */
  quiet: boolean;
}

/** One run, as the runner executes it: source → [record stage] → checkpointing tee over every output. */
export interface Plan {
  head: (ctx: HeadContext) => Array<Readable | Transform>;
  /** Position where this run's input starts (a resume offset). */
  startOffset: number;
  /** The first position of the run's range (a generator shard's first index; default 0): progress counts from it. */
  rangeStart?: number;
  /** Records expected, when known (the progress line's ETA). */
  total?: number;
  ipf: OnlineIpf | null;
  stage?: (ctx: StageContext) => NarrateStage;
  /** A fixed columnar layout for Arrow and Parquet outputs. */
  columns?: readonly Column[];
  /** Told of every record array once written; and state saved with each checkpoint (Persona Hub domain tallies). */
  onWritten?: (records: readonly Indexed[]) => void;
  domains?: () => Record<string, number>;
  /** After the pipeline, before the summary (e.g. writing the domain table). */
  finish?: () => Promise<void>;
  /** What the sidecar says of narratives: default whether the plan has a record stage; 'input' when records pass as read. */
  narratives?: boolean | 'input';
  /** The model that wrote the text offline (batch-import). */
  model?: string;
  /** The digest the head's source hashes its input into (commands that read records): checkpoints save it, a resume checks it. */
  input?: InputDigest;
  /** Files the plan's own stages write (dedup's removed ids), refused with the run's files when they collide. */
  writes?: readonly RunPath[];
}

/**
 * The summary. Under -q it is printed only when records failed or a coded error stopped the run (E_LLM_…): those
 * are errors to hear of; a signal or the cost cap is the user's own stop.
 */
function summary(stats: RunStats, base: RunBase, failures: FailureSink, quiet: boolean): void {
  if (quiet && !stats.failed && !/^E_/.test(stats.stopReason ?? '')) return;
  const llm = stats.requests ? `, ${stats.requests} requests (${stats.retries} retries), ${stats.promptTokens + stats.completionTokens} tokens, cost ${stats.cost.toFixed(4)}` : '';
  const failed = stats.failed ? `, ${stats.failed} failed (${failures.path})` : '';
  process.stderr.write(`gen-stream: ${writtenPhrase(stats, base)} in ${sinceStart().toFixed(2)} s${failed}${llm}\n`);
  if (stats.stopReason) process.stderr.write(`gen-stream: stopped taking records early: ${stats.stopReason}\n`);
}

/**
 * A bad input record stops the run as a signal does (the source's onInputError): the records before it are
 * written and checkpointed, the rest of the input is not read, and the stop reason says how to go on.
 */
export const stopAtBadInput = (report: (r: StageReport) => void) => (err: InputError) =>
  report({ stopReason: `${err.code}: ${err.message}; the records before it are written and checkpointed: fix the input there, then run the same command again with --resume` });

/**
 * `failureRate`: the LLM stage's end-of-run check (llm.maxFailureRate), a reason when its records failed too often.
 * Input records that failed their schema (E_RECORD) are bad input: the run goes on without them, then exits 2.
 */
function exitCode(stats: RunStats, failureRate: string | null, failuresPath: string): number {
  if (stats.stopReason?.startsWith('interrupted')) return 130;
  if (stats.stopReason?.startsWith('E_INPUT')) {
    process.stderr.write(`gen-stream: error ${stats.stopReason}\n`);
    return 2;
  }
  if (stats.stopReason && /^E_LLM_/.test(stats.stopReason)) return 1;
  if (failureRate !== null) {
    process.stderr.write(`gen-stream: error ${failureRate}\n`);
    return 1;
  }
  if (stats.rejected) {
    process.stderr.write(`gen-stream: error E_RECORD: ${stats.rejected} input record(s) lack what the run needs (each named by file:line and field in ${failuresPath}); the others are written\n`);
    return 2;
  }
  return 0;
}

/** The run's counters at its start (a resume continues the checkpoint's), and where its counting starts. */
function statsAtStart(plan: Plan, resume: Checkpoint | null): { stats: RunStats; base: RunBase } {
  const stats = new RunStats();
  stats.taken = plan.startOffset;
  stats.total = plan.total ?? null;
  if (resume) Object.assign(stats, { written: resume.written, failed: resume.failed, ...resume.totals });
  const rangeStart = plan.rangeStart ?? 0;
  const base = { offset: plan.startOffset - rangeStart, resumed: resume !== null, rangeStart, written: stats.written, failed: stats.failed, stage: plan.stage !== undefined };
  return { stats, base };
}

/** Everything a run holds open, made in an order that checks before it touches: refusals first, files last. */
async function openRun(loaded: LoadedConfig, options: RunOptions, resume: Checkpoint | null, plan: Plan, stats: RunStats, stop: AbortController, signals: RunSignals) {
  const { config } = loaded;
  const paths = artifactsOf(config, options);
  await refuseCollisions(runPathsOf(config, options, plan.writes), { sideBySide: options.family === 'persona-to-persona' });
  if (!resume) await refuseForeignFiles(config, options.force ?? false, warn);
  const failures = new FailureSink(paths.failures, resume?.failures?.bytes ?? 0, resume?.failed ?? 0);
  const { interrupt, deadline } = signals;
  const narrate = plan.stage?.({ failures, signal: stop.signal, interrupt, deadline, costSoFar: stats.cost, quiet: options.quiet }) ?? null;
  try {
    await clearStale(loaded, options, resume, failures.path);
    const sinks = await openSinks(config, resume, plan.columns ?? null, paths.partPrefix);
    const tee = createCheckpointTee({
      sinks,
      path: paths.checkpoint,
      every: config.checkpoint.every,
      startOffset: plan.startOffset,
      fingerprint: runFingerprint(loaded, options),
      first: resume ? resume.first : plan.startOffset,
      inputAt: plan.input ? (k) => plan.input!.at(k) : undefined,
      failures,
      totals: () => stats,
      complete: () => stats.stopReason === null,
      ipfStateAt: (k) => plan.ipf?.snapshotAtOrBefore(k) ?? null,
      endOffset: () => stats.stopIndex ?? stats.taken,
      onWritten: plan.onWritten,
      domains: plan.domains,
    });
    return { paths, failures, narrate, tee };
  } catch (err) {
    await narrate?.close();
    await failures.close();
    throw err;
  }
}

/**
 * A resume reads its input up to the checkpoint's mark and compares hashes before anything is opened: another
 * input is refused (E_CHECKPOINT) with every file as it was. The source is started by hand (`read(0)`: it
 * reads until its first batch, past the skipped records, and holds it for the pipeline).
 */
async function checkInput(digest: InputDigest | undefined, head: Array<Readable | Transform>): Promise<void> {
  if (!digest?.checking) return;
  const source = head[0];
  // Errors emitted before the pipeline listens (a refusal, a read error while outputs open) must not crash the
  // process: the pipeline still finds them on the destroyed source, and a refusal is thrown below.
  source.on('error', () => {});
  const failed = new Promise<never>((_, reject) => source.once('error', reject));
  source.read(0);
  try {
    await Promise.race([digest.checked, failed]);
  } catch (err) {
    for (const s of head) s.destroy();
    throw err;
  }
}

/**
 * The one runner every stream command shares. It owns the run: the counters (every stage reports to it through
 * REPORT events; it is their only writer), the stop (one AbortController: a signal, or a stage's own stop
 * such as the cost cap), the failure file, the sinks, the checkpoint, progress and summary. It takes over the
 * signals trapped since the command started: a signal that came during set-up ends the run here, before anything
 * is opened or written (exit 130); one during openRun stops it before its first record, with a checkpoint.
 */
export async function runPlan(loaded: LoadedConfig, options: RunOptions, resume: Checkpoint | null, plan: Plan): Promise<number> {
  const { stats, base } = statsAtStart(plan, resume);
  const stop = new AbortController();
  stop.signal.addEventListener('abort', () => stats.apply({ stopReason: String(stop.signal.reason) }), { once: true });
  const report = (r: StageReport) => {
    stats.apply(r);
    if (r.stopReason !== undefined && !stop.signal.aborted) stop.abort(r.stopReason);
  };
  const signals = onSignals(stop, options.quiet, options.drainTimeoutMs ?? DEFAULT_DRAIN_MS);
  if (signals.early) {
    signals.off();
    return 130;
  }
  let stopProgress = () => {};
  let run: Awaited<ReturnType<typeof openRun>> | null = null;
  try {
    const head = plan.head({ signal: stop.signal, report });
    await checkInput(plan.input, head);
    run = await openRun(loaded, options, resume, plan, stats, stop, signals).catch((err: unknown) => {
      for (const s of head) s.destroy();
      throw err;
    });
    const { narrate, tee } = run;
    const stages: Array<Readable | Transform | Writable> = [...head, ...(narrate ? [narrate.stage] : []), tee];
    for (const s of stages) s.on(REPORT, report);
    stopProgress = startProgress(() => progressLine(stats, base), !options.quiet);
    await pipeline(stages as [Readable, ...Transform[], Writable]).catch(async (err: unknown) => {
      // An upstream error rejects the pipeline before the tee has aborted its sinks: let it release them first.
      if (!tee.closed) await once(tee, 'close');
      throw err;
    });
  } finally {
    stopProgress();
    signals.off();
    await run?.narrate?.close();
    await run?.failures.close();
  }
  await plan.finish?.();
  const sidecar = runMetadata(loaded, { family: options.family ?? 'personas', narratives: plan.narratives ?? plan.stage !== undefined, model: plan.model });
  for (const out of fileOutputs(loaded.config)) await writeFileAtomic(run.paths.meta(out), `${JSON.stringify(sidecar, null, 2)}\n`);
  summary(stats, base, run.failures, options.quiet);
  return exitCode(stats, failureRateOf(run.narrate?.stage, loaded.config.llm?.maxFailureRate), run.failures.path);
}
