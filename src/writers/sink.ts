import type { Indexed } from '../run-state/record-index.js';

/** Where a sink's durable data ends: a byte length (JSONL, CSV, Arrow) or the finished parts (Parquet). */
export interface SinkPosition {
  format: 'jsonl' | 'csv' | 'arrow' | 'parquet';
  path: string;
  bytes?: number;
  parts?: string[];
  /** Arrow: the last batch, cut short by a stop, starts at byte `at` (a resume takes its rows back: arrow-sink.ts). */
  tail?: { at: number; sha256: string };
}

/**
 * One output. `write` resolves when the records are handed to the OS (so awaiting it is backpressure);
 * `sync` makes everything written so far durable and says where it ends; `close` finishes the file; `abort`
 * releases it without finishing (handles closed, an unfinished `.tmp` part removed; what the last `sync` made
 * durable stays, so a resume continues from it).
 */
export interface RecordSink {
  readonly format: SinkPosition['format'];
  write(records: readonly Indexed[]): Promise<void>;
  sync(): Promise<SinkPosition>;
  close(): Promise<SinkPosition>;
  abort(): Promise<void>;
  /** Told once a checkpoint holding this sink's latest position is on disk (what only an older one needed can go). */
  checkpointed?(): Promise<void>;
}
