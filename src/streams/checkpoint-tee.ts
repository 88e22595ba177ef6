import { Writable } from 'node:stream';
import { type Checkpoint, writeCheckpoint } from '../run-state/checkpoint.js';
import type { FailureSink } from '../run-state/failure-sink.js';
import type { InputMark } from '../run-state/input-digest.js';
import type { IpfState } from '../generator/online-ipf.js';
import { type Indexed, indexOf } from '../run-state/record-index.js';
import { REPORT, type StageReport } from '../run-state/run-stats.js';
import type { RecordSink, SinkPosition } from '../writers/sink.js';
import { stepper } from './steps.js';

/** The run's counters a checkpoint saves (RunStats has them all). */
export interface RunTotals {
  written: number;
  failed: number;
  requests: number;
  retries: number;
  promptTokens: number;
  completionTokens: number;
  cost: number;
}

export interface CheckpointTeeOptions {
  sinks: readonly RecordSink[];
  /** Checkpoint file; null = write outputs without checkpoints. */
  path: string | null;
  /** Input positions between checkpoints. */
  every: number;
  /** First input position of this run (0, or a resume offset). */
  startOffset: number;
  /** First input position of the first run of these outputs (a resume's checkpoint's; unknown, and left out, when an earlier version wrote it). */
  first?: number;
  /** What the input held up to position k (InputDigest.at; absent when there is no input: the generator). */
  inputAt?: (k: number) => InputMark | null;
  fingerprint: string;
  failures: FailureSink | null;
  /**
   * The run's totals, read (never written) for each checkpoint. They must include the tee's own `'report'`s
   * by then: the runner applies reports in a listener, which runs synchronously within `emit`.
   */
  totals: () => Readonly<RunTotals>;
  /** Whether the run finished, read for the final checkpoint (false after a stop). */
  complete: () => boolean;
  /** Calibration state at or before position k (null without calibration). */
  ipfStateAt: (k: number) => { at: number; state: IpfState } | null;
  /** Input positions settled once the input ends (the count taken, or the stop position). */
  endOffset: () => number;
  /** Told of every record array once it is written (e.g. a domain tally), so its state matches the outputs. */
  onWritten?: (records: readonly Indexed[]) => void;
  /** Records per domain in the outputs, saved with each checkpoint (Persona Hub runs). */
  domains?: () => Record<string, number>;
}

/** The checkpoint at `offset`, from what the options read of the run (the sinks' positions given). */
function checkpointOf(options: CheckpointTeeOptions, offset: number, outputs: SinkPosition[], complete: boolean): Checkpoint {
  const { failures } = options;
  const totals = options.totals();
  const input = options.inputAt?.(offset) ?? null;
  return {
    version: 1,
    fingerprint: options.fingerprint,
    offset,
    ...(options.first !== undefined ? { first: options.first } : {}),
    ...(input ? { input } : {}),
    written: totals.written,
    // Failures of records past the offset are counted in the totals already, but the resume will redo them.
    failed: failures ? failures.countBefore(offset) : totals.failed,
    complete,
    outputs,
    failures: failures ? { path: failures.path, bytes: failures.bytesBefore(offset) } : null,
    ipf: options.ipfStateAt(offset),
    ...(options.domains ? { domains: options.domains() } : {}),
    totals: { requests: totals.requests, retries: totals.retries, promptTokens: totals.promptTokens, completionTokens: totals.completionTokens, cost: totals.cost },
    savedAt: new Date().toISOString(),
  };
}

/**
 * The checkpointing tee: writes every record array to all sinks (awaiting each: backpressure), and at every
 * `every`-th input position makes all sinks and the failure file durable before it writes the checkpoint —
 * so a checkpoint never claims what is not on disk. Records arrive in input order (holes are failures), so
 * when a record at position ≥ k arrives, everything before k is settled. Written records are reported as
 * `{ written }` on the `'report'` event. Destroyed before it finished (an error anywhere in the pipeline),
 * it lets the record array in hand reach the sinks (as it always did) but syncs and checkpoints no more,
 * then aborts every sink once.
 */
export function createCheckpointTee(options: CheckpointTeeOptions): Writable {
  const { sinks, every, failures } = options;
  let nextBoundary = (Math.floor(options.startOffset / every) + 1) * every;
  let finished = false;

  const save = async (offset: number, positions: SinkPosition[], complete: boolean) => {
    // Destroyed while the sinks synced: a checkpoint now would describe a run that did not get there.
    if (!options.path || tee.destroyed) return;
    await failures?.sync();
    if (tee.destroyed) return;
    await writeCheckpoint(options.path, checkpointOf(options, offset, positions, complete));
    failures?.settle(offset);
    for (const sink of sinks) await sink.checkpointed?.();
  };

  const writeAll = async (records: Indexed[]) => {
    if (!records.length) return;
    for (const sink of sinks) await sink.write(records);
    tee.emit(REPORT, { written: records.length } satisfies StageReport);
    options.onWritten?.(records);
  };

  const write = async (records: Indexed[]) => {
    let segment: Indexed[] = [];
    for (const r of records) {
      const index = indexOf(r);
      while (index >= nextBoundary) {
        await writeAll(segment);
        segment = [];
        if (options.path && !tee.destroyed) await save(nextBoundary, await Promise.all(sinks.map((s) => s.sync())), false);
        nextBoundary += every;
      }
      segment.push(r);
    }
    await writeAll(segment);
  };

  const final = async () => {
    const closed = await Promise.all(sinks.map((s) => s.close()));
    const end = options.endOffset();
    const complete = options.complete();
    // A batch cut short matters only to a resume between boundaries: at a boundary an uninterrupted run cuts
    // its batch there too, so the resume just goes on after it.
    const cut = !complete && end % every !== 0;
    await save(end, closed.map(({ tail, ...p }) => (cut && tail ? { ...p, tail } : p)), complete);
    finished = true;
  };

  // The write or final under way: destroy waits for it (steps.ts).
  const { step, settled } = stepper();

  const tee: Writable = new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(records: Indexed[], _enc, callback) {
      step(write(records), callback);
    },
    final(callback) {
      step(final(), callback);
    },
    destroy(err, callback) {
      (async () => {
        await settled();
        if (finished) return null;
        // Every sink is aborted even if one abort fails; the pipeline's error comes first.
        const aborted = await Promise.allSettled(sinks.map((s) => s.abort()));
        const failed = aborted.find((a): a is PromiseRejectedResult => a.status === 'rejected');
        return (failed?.reason as Error | undefined) ?? null;
      })().then((abortErr) => callback(err ?? abortErr));
    },
  });
  return tee;
}
