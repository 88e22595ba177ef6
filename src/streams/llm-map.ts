import { Duplex } from 'node:stream';
import { GenStreamError, LlmError } from '../errors.js';
import type { FailureEntry, FailureSink } from '../run-state/failure-sink.js';
import { newTally, type Tally } from '../llm/ask-json.js';
import { INDEX, type Indexed, indexOf, positionOf } from '../run-state/record-index.js';
import { costOf, type RunStats } from '../run-state/run-stats.js';

/** The LLM work for one input record: its output records (none, one or many), counting requests in `tally`. */
export type LlmWork = (record: Indexed, index: number, tally: Tally) => Promise<Record<string, unknown>[]>;

/** An output turned away at its turn (e.g. a full domain bucket): it goes to the failure file with this error. */
export interface Rejection {
  record: Record<string, unknown>;
  code: string;
  message: string;
}

export interface LlmMapOptions {
  work: LlmWork;
  /** Removes secrets from error text that did not come through the client (the client redacts its own). */
  redact: (text: string) => string;
  /** Requests in flight at most (the semaphore; undici's Pool queue is unbounded). */
  concurrency: number;
  /** Records started but not yet emitted at most: bounds memory however slow one request is. */
  window: number;
  failures: FailureSink;
  stats: RunStats;
  price?: { input: number; output: number };
  maxCost?: number;
  /**
   * Sees each input's outputs at its turn, in input order, and may reject some (order-dependent rules such as
   * per-domain caps belong here: the failure file must be written in input order).
   */
  admit?: (records: Indexed[]) => { kept: Indexed[]; rejected: Rejection[] };
  /** Called once when the stage stops taking new records (max cost, fatal API error): the source should end. */
  onStop: () => void;
  /** Registers the handler a signal (SIGINT/SIGTERM) calls to stop the intake. */
  stopSignal?: (stop: () => void) => void;
}

/** A failure entry's `index`, and `position` when the record's place in the whole input differs. */
function placeOf(index: number, record: Indexed): { index: number; position?: number } {
  const position = positionOf(record);
  return position === index ? { index } : { index, position };
}

type Result = { ok: Indexed[]; attempts: number } | { failed: FailureEntry };

/**
 * The LLM stage: arrays of records in, each record's outputs out, in input order.
 *
 * Records start while fewer than `concurrency` are in flight and fewer than `window` are started-but-not-
 * emitted; finished records wait in a reorder buffer until their predecessors are out. A record that fails goes
 * to the failure file — written in input order, at its turn — and leaves a hole, so every input position ends
 * as outputs or a failure. Outputs carry their input position (INDEX), which the checkpointing tee settles.
 * Emission follows the reader (`_read`), so a slow consumer stops new requests instead of growing the
 * buffer. A fatal API error (bad key, exhausted quota), the cost cap or a signal stops the intake: records not
 * yet started are dropped (stats.stopIndex marks the first, where a resume starts), in-flight ones finish, and
 * the stage ends cleanly with stats.stopReason set.
 */
export function createLlmMap(options: LlmMapOptions): Duplex {
  const { stats, failures, concurrency, window } = options;
  const queue: Array<{ index: number; record: Indexed }> = [];
  const results = new Map<number, Result>();
  let nextIndex = -1;
  let nextStart = 0;
  let nextEmit = 0;
  let inFlight = 0;
  let readWanted = false;
  let writeCallback: ((err?: Error | null) => void) | null = null;
  let finalCallback: ((err?: Error | null) => void) | null = null;
  let stopped = false;

  const stop = (reason: string) => {
    if (stopped) return;
    stopped = true;
    stats.stopReason ??= reason;
    options.onStop();
  };
  options.stopSignal?.(() => stop('interrupted'));

  const start = (index: number, record: Indexed) => {
    inFlight++;
    stats.inFlight++;
    nextStart = index + 1;
    const tally = newTally();
    options
      .work(record, index, tally)
      .then(
        (outputs) => {
          for (const o of outputs) (o as Indexed)[INDEX] = index;
          results.set(index, { ok: outputs, attempts: tally.requests });
          stats.done++;
        },
        (err: unknown) => {
          const e = err instanceof LlmError ? err : null;
          // Our own errors keep their code (a corpus line without text is E_INPUT); anything else is a request failure.
          const code = err instanceof GenStreamError ? err.code : 'E_LLM_REQUEST';
          const message = options.redact(String((err as Error)?.message ?? err));
          stats.failed++;
          results.set(index, { failed: { ...placeOf(index, record), record, error: { code, message }, attempts: tally.requests } });
          if (e?.fatal) stop(`${e.code}: ${message}`);
        },
      )
      .finally(() => {
        inFlight--;
        stats.inFlight--;
        stats.requests += tally.requests;
        stats.retries += tally.retries;
        stats.promptTokens += tally.usage.promptTokens;
        stats.completionTokens += tally.usage.completionTokens;
        stats.cost += costOf(tally.usage.promptTokens, tally.usage.completionTokens, options.price);
        if (options.maxCost !== undefined && stats.cost >= options.maxCost) stop(`max cost reached (${stats.cost.toFixed(4)} >= ${options.maxCost})`);
        pump();
      });
  };

  const pump = () => {
    if (stopped && queue.length) {
      // Never started: left for a resume, which starts at the first of them (all earlier ones were started).
      stats.stopIndex = Math.min(stats.stopIndex ?? Infinity, queue[0].index);
      queue.length = 0;
    }
    while (queue.length && inFlight < concurrency && nextStart - nextEmit < window) {
      const { index, record } = queue.shift()!;
      start(index, record);
    }
    if (!queue.length && writeCallback) {
      const cb = writeCallback;
      writeCallback = null;
      cb();
    }
    if (readWanted) {
      const batch: Indexed[] = [];
      while (results.has(nextEmit)) {
        const index = nextEmit;
        const r = results.get(index)!;
        results.delete(index);
        nextEmit++;
        if ('failed' in r) failures.write(r.failed);
        else if (!options.admit) batch.push(...r.ok);
        else {
          const { kept, rejected } = options.admit(r.ok);
          batch.push(...kept);
          for (const x of rejected) {
            stats.failed++;
            failures.write({ ...placeOf(index, x.record), record: x.record, error: { code: x.code, message: x.message }, attempts: r.attempts });
          }
        }
      }
      if (batch.length) readWanted = duplex.push(batch);
      // Emitting freed window room: start more.
      if (queue.length && inFlight < concurrency && nextStart - nextEmit < window) return pump();
    }
    if (finalCallback && !queue.length && inFlight === 0 && results.size === 0) {
      const cb = finalCallback;
      finalCallback = null;
      duplex.push(null);
      cb();
    }
  };

  const duplex = new Duplex({
    objectMode: true,
    readableHighWaterMark: 2,
    writableHighWaterMark: 1,
    write(chunk: Indexed[], _enc, callback) {
      for (const record of chunk) {
        const index = indexOf(record);
        if (nextIndex < 0) nextStart = nextEmit = index; // a resumed run starts mid-way
        nextIndex = index + 1;
        if (stopped) stats.stopIndex = Math.min(stats.stopIndex ?? Infinity, index);
        else queue.push({ index, record });
      }
      writeCallback = callback;
      pump();
    },
    final(callback) {
      finalCallback = callback;
      pump();
    },
    read() {
      readWanted = true;
      pump();
    },
  });
  return duplex;
}
