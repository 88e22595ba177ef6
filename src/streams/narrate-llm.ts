import { Duplex } from 'node:stream';
import { LlmError } from '../errors.js';
import type { FailureEntry, FailureSink } from '../failure-sink.js';
import type { ChatClient } from '../llm/chat-client.js';
import { type NarrateOptions, narrateRecord, newTally, type prepareGroups } from '../llm/narrate-record.js';
import { withNarrative } from '../narrative/with-narrative.js';
import { type Indexed, indexOf } from '../record-index.js';
import { Stream, rngFor } from '../rng.js';
import { costOf, type RunStats } from '../run-stats.js';

type JsonRecord = Indexed;

export interface NarrateLlmOptions {
  client: ChatClient;
  groups: ReturnType<typeof prepareGroups>;
  narrate: NarrateOptions;
  /** Requests in flight at most (the semaphore; undici's Pool queue is unbounded). */
  concurrency: number;
  /** Records started but not yet emitted at most: bounds memory however slow one request is. */
  window: number;
  failures: FailureSink;
  stats: RunStats;
  /** Written into each record as narrative_provider. */
  provider: string;
  seed: number;
  price?: { input: number; output: number };
  maxCost?: number;
  /** Called once when the stage stops taking new records (max cost, fatal API error): the source should end. */
  onStop: () => void;
  /** Registers the handler a signal (SIGINT/SIGTERM) calls to stop the intake. */
  stopSignal?: (stop: () => void) => void;
}

/**
 * The LLM narrative stage: arrays of records in, the same records with narratives out, in input order.
 *
 * Records start while fewer than `concurrency` are in flight and fewer than `window` are started-but-not-
 * emitted; finished records wait in a reorder buffer until their predecessors are out. A record that fails goes
 * to the failure file — written in input order, at its turn — and leaves a hole, so successes + failures =
 * input. Emission follows the reader (`_read`), so a slow consumer stops new requests instead of growing the
 * buffer. A fatal API error (bad key, exhausted quota), the cost cap or a signal stops the intake: records not
 * yet started are dropped (stats.stopIndex marks the first, where a resume starts), in-flight ones finish, and
 * the stage ends cleanly with stats.stopReason set.
 */
export function createNarrateLlm(options: NarrateLlmOptions): Duplex {
  const { stats, failures, concurrency, window } = options;
  const queue: Array<{ index: number; record: JsonRecord }> = [];
  const results = new Map<number, { ok: JsonRecord } | { failed: FailureEntry }>();
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

  const fail = (index: number, record: JsonRecord, code: string, message: string, attempts: number) => {
    stats.failed++;
    results.set(index, { failed: { index, record, error: { code, message }, attempts } });
  };

  const start = (index: number, record: JsonRecord) => {
    inFlight++;
    stats.inFlight++;
    nextStart = index + 1;
    const tally = newTally();
    narrateRecord(record, options.groups, options.client, options.narrate, rngFor(options.seed, Stream.retry, index), tally)
      .then(
        (narrative) => {
          results.set(index, { ok: withNarrative(record, narrative, options.provider) });
          stats.done++;
        },
        (err: unknown) => {
          const e = err instanceof LlmError ? err : new LlmError('E_LLM_REQUEST', options.client.redact(String((err as Error)?.message ?? err)));
          fail(index, record, e.code, e.message, tally.requests);
          if (e.fatal) stop(`${e.code}: ${e.message}`);
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
      const batch: JsonRecord[] = [];
      while (results.has(nextEmit)) {
        const r = results.get(nextEmit)!;
        results.delete(nextEmit);
        nextEmit++;
        if ('failed' in r) failures.write(r.failed);
        else batch.push(r.ok);
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
    write(chunk: JsonRecord[], _enc, callback) {
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
