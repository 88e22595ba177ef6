import { Writable } from 'node:stream';
import { type Checkpoint, writeCheckpoint } from '../run-state/checkpoint.js';
import type { FailureSink } from '../run-state/failure-sink.js';
import type { IpfState } from '../generator/online-ipf.js';
import { type Indexed, indexOf } from '../run-state/record-index.js';
import type { RunStats } from '../run-state/run-stats.js';
import type { RecordSink, SinkPosition } from '../writers/sink.js';

export interface CheckpointTeeOptions {
  sinks: readonly RecordSink[];
  /** Checkpoint file; null = write outputs without checkpoints. */
  path: string | null;
  /** Input positions between checkpoints. */
  every: number;
  /** First input position of this run (0, or a resume offset). */
  startOffset: number;
  fingerprint: string;
  failures: FailureSink | null;
  stats: RunStats;
  /** Calibration state at or before position k (null without calibration). */
  ipfStateAt: (k: number) => { at: number; state: IpfState } | null;
  /** Input positions settled once the input ends (the count taken, or the stop position). */
  endOffset: () => number;
  /** Told of every record array once it is written (e.g. a domain tally), so its state matches the outputs. */
  onWritten?: (records: readonly Indexed[]) => void;
  /** Records per domain in the outputs, saved with each checkpoint (Persona Hub runs). */
  domains?: () => Record<string, number>;
}

/**
 * The checkpointing tee: writes every record array to all sinks (awaiting each: backpressure), and at every
 * `every`-th input position makes all sinks and the failure file durable before it writes the checkpoint —
 * so a checkpoint never claims what is not on disk. Records arrive in input order (holes are failures), so
 * when a record at position ≥ k arrives, everything before k is settled.
 */
export function createCheckpointTee(options: CheckpointTeeOptions): Writable {
  const { sinks, every, stats, failures } = options;
  let nextBoundary = (Math.floor(options.startOffset / every) + 1) * every;

  const save = async (offset: number, positions: SinkPosition[], complete: boolean) => {
    if (!options.path) return;
    await failures?.sync();
    const checkpoint: Checkpoint = {
      version: 1,
      fingerprint: options.fingerprint,
      offset,
      written: stats.written,
      // Failures of records past the offset are counted in stats already, but the resume will redo them.
      failed: failures ? failures.countBefore(offset) : stats.failed,
      complete,
      outputs: positions,
      failures: failures ? { path: failures.path, bytes: failures.bytesBefore(offset) } : null,
      ipf: options.ipfStateAt(offset),
      ...(options.domains ? { domains: options.domains() } : {}),
      totals: { requests: stats.requests, retries: stats.retries, promptTokens: stats.promptTokens, completionTokens: stats.completionTokens, cost: stats.cost },
      savedAt: new Date().toISOString(),
    };
    await writeCheckpoint(options.path, checkpoint);
    failures?.settle(offset);
  };

  const writeAll = async (records: Indexed[]) => {
    if (!records.length) return;
    for (const sink of sinks) await sink.write(records);
    stats.written += records.length;
    options.onWritten?.(records);
  };

  return new Writable({
    objectMode: true,
    highWaterMark: 1,
    write(records: Indexed[], _enc, callback) {
      (async () => {
        let segment: Indexed[] = [];
        for (const r of records) {
          const index = indexOf(r);
          while (index >= nextBoundary) {
            await writeAll(segment);
            segment = [];
            if (options.path) await save(nextBoundary, await Promise.all(sinks.map((s) => s.sync())), false);
            nextBoundary += every;
          }
          segment.push(r);
        }
        await writeAll(segment);
      })().then(() => callback(), callback);
    },
    final(callback) {
      (async () => {
        const positions = await Promise.all(sinks.map((s) => s.close()));
        await save(options.endOffset(), positions, stats.stopReason === null);
      })().then(() => callback(), callback);
    },
  });
}
