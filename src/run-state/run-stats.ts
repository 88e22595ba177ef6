import { performance } from 'node:perf_hooks';

/**
 * What a stage reports to the runner, as a `'report'` event on its stream (`stage.emit('report', r)`):
 * counters are deltas, the rest are facts. Stages never write the run's counters themselves; the runner
 * applies every report to its one RunStats (`stats.apply`), so the counters have a single writer.
 */
export interface StageReport {
  /** Records whose work finished (narrated, or answered). */
  done?: number;
  /** Records that went to the failure file. */
  failed?: number;
  /** Of those, records that failed their input schema (E_RECORD): counted in `failed` too. */
  rejected?: number;
  /** Change in records in flight (+1 started, -1 settled). */
  inFlight?: number;
  /** Records written to the outputs (the checkpointing tee). */
  written?: number;
  requests?: number;
  retries?: number;
  promptTokens?: number;
  completionTokens?: number;
  cost?: number;
  /** Input positions taken from the source so far (one past the last): a high-water mark, never lowered. */
  taken?: number;
  /** Why the stage stopped taking records early (max cost, a fatal API error). */
  stopReason?: string;
  /** After a stop: the first input position left unattempted (a resume starts there): the lowest wins. */
  stopIndex?: number;
}

/** The event name of a StageReport. */
export const REPORT = 'report';

/** Counters of one run, written only by its runner (through `apply`), read by the progress line and the summary. */
export class RunStats {
  /** Records expected, when known. */
  total: number | null = null;
  done = 0;
  /** Records written to the outputs by the tee. */
  written = 0;
  failed = 0;
  /** Records of this run that failed their input schema (E_RECORD), among `failed`. */
  rejected = 0;
  inFlight = 0;
  requests = 0;
  retries = 0;
  promptTokens = 0;
  completionTokens = 0;
  cost = 0;
  /** Why the run stopped taking records early (max cost, a fatal API error, a signal), if it did. */
  stopReason: string | null = null;
  /** Input positions taken from the source so far (one past the last). */
  taken = 0;
  /** After a stop: the first input position left unattempted (a resume starts there). */
  stopIndex: number | null = null;
  /** When the process started (epoch ms): rates and the summary's time include start-up. */
  readonly startedAt = performance.timeOrigin;

  /** Applies one stage report: deltas added, `taken` raised, the first stop reason and the lowest stop index kept. */
  apply(r: StageReport): void {
    for (const k of COUNTERS) this[k] += r[k] ?? 0;
    if (r.taken !== undefined) this.taken = Math.max(this.taken, r.taken);
    if (r.stopReason !== undefined) this.stopReason ??= r.stopReason;
    if (r.stopIndex !== undefined) this.stopIndex = Math.min(this.stopIndex ?? Infinity, r.stopIndex);
  }
}

/** The fields of a StageReport that are deltas of a counter. */
const COUNTERS = ['done', 'failed', 'rejected', 'inFlight', 'written', 'requests', 'retries', 'promptTokens', 'completionTokens', 'cost'] as const;

/** Estimated cost of a token count at a per-1M-token price. */
export function costOf(promptTokens: number, completionTokens: number, price: { input: number; output: number } | undefined): number {
  return price ? (promptTokens * price.input + completionTokens * price.output) / 1e6 : 0;
}
