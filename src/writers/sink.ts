import type { Indexed } from '../run-state/record-index.js';
import type { Format } from '../io/formats.js';

/** Where a sink's durable data ends: a byte length (JSONL, CSV, Arrow) or the finished parts (Parquet). */
export interface SinkPosition {
  format: Format;
  path: string;
  bytes?: number;
  parts?: string[];
}

/**
 * One output. `write` resolves when the records are handed to the OS (so awaiting it is backpressure);
 * `sync` makes everything written so far durable and says where it ends; `close` finishes the file.
 * `abort` releases the output without finishing it (on a failed run): file handles closed, an unfinished
 * part removed, nothing the last `sync` made durable touched. It is called once no other call is pending,
 * takes no other call after it, and does nothing after `close`.
 */
export interface RecordSink {
  readonly format: SinkPosition['format'];
  write(records: readonly Indexed[]): Promise<void>;
  sync(): Promise<SinkPosition>;
  close(): Promise<SinkPosition>;
  abort(): Promise<void>;
}
