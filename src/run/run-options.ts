import type { DatasetFamily } from './artifacts.js';
import type { Shard } from './shard.js';

/** How a command asks the runner to run: the flags that concern every stream command. */
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
  /** This process's shard (outputs already renamed by shardOutputs). */
  shard?: Shard | null;
  /** What kind of records the run writes (default personas): Parquet part names and the run's own files carry it. */
  family?: DatasetFamily;
  /** The files the command's flags name for reading (`--config`, `--input`, `--retry-failed`): never to be written. */
  reads?: ReadonlyArray<{ role: string; path: string }>;
  /** After the first signal, how long requests in flight may run before they are aborted (`--drain-timeout`; default signals.ts DEFAULT_DRAIN_MS). */
  drainTimeoutMs?: number;
}

/** The commands that read records: where from (stdin when neither is given). */
export interface InputOptions {
  input?: string;
  /** Read the records of a failure file (their failures go to `<file>.retry.jsonl`). */
  retryFailed?: string;
}
