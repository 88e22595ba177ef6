import { performance } from 'node:perf_hooks';
import type { RunStats } from '../run-state/run-stats.js';

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n)));

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 90) return `${Math.round(s)}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  return `${(s / 3600).toFixed(1)}h`;
}

/** Seconds since the process started: what every summary and rate measures, so start-up counts (config, census, warm-up). */
export const sinceStart = (now = Date.now()): number => (now - performance.timeOrigin) / 1000;

/**
 * Where a run's counting starts. A resumed run counts on from its checkpoint (the progress count, the ETA), but
 * its rate and its summary's "this run" are of the records it settles itself: the counters it began with are
 * subtracted.
 */
export interface RunBase {
  /** Input positions settled before this run, from the start of its range (the resume offset); 0 for a fresh run. */
  offset: number;
  /** Whether the run continues a checkpoint (its summary gives this run's count and the outputs' in all). */
  resumed: boolean;
  /** The first input position of the run's range (a generator shard's first index); the total counts from it. */
  rangeStart: number;
  /** Counters at the start (the checkpoint's). */
  written: number;
  failed: number;
  /** Records settle in a record stage (`done`), else when written by the tee. */
  stage: boolean;
}

export const FRESH: RunBase = { offset: 0, resumed: false, rangeStart: 0, written: 0, failed: 0, stage: false };

/** Records this run settled: finished by its record stage (or written, without one), plus its own failures. */
export const settledThisRun = (stats: RunStats, base: RunBase): number => (base.stage ? stats.done : stats.written - base.written) + stats.failed - base.failed;

/** The run's progress line: settled/total from the range's start (a resume counts on from its checkpoint), this run's rate, ETA. */
export function progressLine(stats: RunStats, base: RunBase = FRESH, now = Date.now()): string {
  const secs = (now - stats.startedAt) / 1000;
  const thisRun = settledThisRun(stats, base);
  const count = base.offset + thisRun;
  const rate = secs > 0 ? thisRun / secs : 0;
  const total = stats.total !== null ? stats.total - base.rangeStart : null;
  // A --start-offset pipe resumes too, without a checkpoint: the line says where either began.
  const resumed = base.offset > 0 ? ` (resumed at ${base.offset})` : '';
  const eta = total !== null && rate > 0 ? ` | ETA ${duration((total - count) / rate)}` : '';
  const llm = stats.requests
    ? ` | in flight ${stats.inFlight} | retries ${stats.retries} | tokens ${fmt(stats.promptTokens + stats.completionTokens)} | cost ${stats.cost.toFixed(4)}`
    : '';
  return `gen-stream: ${count}${total !== null ? `/${total}` : ''} records${resumed}, ${rate.toFixed(1)}/s${llm} | failed ${stats.failed}${eta}`;
}

/** The progress line of a command that reads records without a run (validate, card, batch-export). */
export function readLine(records: number, secs: number): string {
  return `gen-stream: ${records} records read, ${(secs > 0 ? records / secs : 0).toFixed(1)}/s`;
}

/** A records-read counter and its progress line, for the commands that read without a run (validate, card, batch-export). */
export interface ReadProgress {
  /** Counts `n` more records read. */
  onRead: (n: number) => void;
  read: () => number;
  /** Ends the line (call whatever the outcome). */
  stop: () => void;
}

export function startReadProgress(enabled: boolean): ReadProgress {
  let read = 0;
  const stop = startProgress(() => readLine(read, sinceStart()), enabled);
  return { onRead: (n) => void (read += n), read: () => read, stop };
}

/** The head of a run's summary: how many records it wrote, and for a resume how many the outputs hold in all. */
export function writtenPhrase(stats: RunStats, base: RunBase): string {
  return base.resumed ? `${stats.written - base.written} records written this run (${stats.written} in all)` : `${stats.written} records written`;
}

/** The line interval off a terminal: GEN_STREAM_PROGRESS_MS (a positive integer), else 5 s. */
export function intervalOf(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.GEN_STREAM_PROGRESS_MS;
  return raw !== undefined && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : 5000;
}

/**
 * Progress on stderr: one live line on a terminal (4 updates a second), otherwise a line every
 * GEN_STREAM_PROGRESS_MS (5 s). Returns the function that stops it.
 */
export function startProgress(line: () => string, enabled: boolean): () => void {
  if (!enabled) return () => {};
  const tty = process.stderr.isTTY === true;
  const timer = setInterval(() => process.stderr.write(tty ? `\r\x1b[K${line()}` : `${line()}\n`), tty ? 250 : intervalOf());
  timer.unref();
  return () => {
    clearInterval(timer);
    if (tty) process.stderr.write('\r\x1b[K');
  };
}
