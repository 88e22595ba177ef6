import { Duplex } from 'node:stream';
import { LlmError } from '../errors.js';
import type { FailureSink } from '../failure-sink.js';
import type { ChatClient } from '../llm/chat-client.js';
import { type NarrateOptions, narrateRecord, newTally, type prepareGroups } from '../llm/narrate-record.js';
import { withNarrative } from '../narrative/with-narrative.js';
import { Stream, rngFor } from '../rng.js';
import { costOf, type RunStats } from '../run-stats.js';

type JsonRecord = Record<string, unknown>;

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
}

/**
 * The LLM narrative stage: arrays of records in, the same records with narratives out, in input order.
 *
 * Records start while fewer than `concurrency` are in flight and fewer than `window` are started-but-not-
 * emitted; finished records wait in a reorder buffer until their predecessors are out. A record that fails goes
 * to the failure file and leaves a hole, so successes + failures = input. Emission follows the reader
 * (`_read`), so a slow consumer stops new requests instead of growing the buffer.
 * A fatal API error (bad key, exhausted quota) or the cost cap stops the intake: queued records go to the
 * failure file as not attempted, in-flight ones finish, and the stage ends cleanly with stats.stopReason set.
 */
export function createNarrateLlm(options: NarrateLlmOptions): Duplex {
  const { stats, failures, concurrency, window } = options;
  const queue: Array<{ index: number; record: JsonRecord }> = [];
  const results = new Map<number, JsonRecord | null>();
  let nextIndex = 0;
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
    stats.stopReason = reason;
    options.onStop();
  };

  const fail = (index: number, record: JsonRecord, code: string, message: string, attempts: number) => {
    failures.write({ index, record, error: { code, message }, attempts });
    stats.failed++;
    results.set(index, null);
  };

  const start = (index: number, record: JsonRecord) => {
    inFlight++;
    stats.inFlight++;
    nextStart = index + 1;
    const tally = newTally();
    narrateRecord(record, options.groups, options.client, options.narrate, rngFor(options.seed, Stream.retry, index), tally)
      .then(
        (narrative) => {
          results.set(index, withNarrative(record, narrative, options.provider));
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
    if (stopped) {
      for (const { index, record } of queue.splice(0)) fail(index, record, 'E_NOT_ATTEMPTED', `not attempted: the run stopped (${stats.stopReason})`, 0);
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
        if (r) batch.push(r);
      }
      if (batch.length) readWanted = duplex.push(batch);
      // Emitting freed window room: start more.
      if (queue.length && inFlight < concurrency && nextStart - nextEmit < window) return pump();
    }
    if (finalCallback && !queue.length && inFlight === 0 && nextEmit === nextIndex) {
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
      for (const record of chunk) queue.push({ index: nextIndex++, record });
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
