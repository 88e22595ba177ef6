import { setMaxListeners } from 'node:events';
import type { Duplex } from 'node:stream';
import { GenStreamError, LlmError } from '../errors.js';
import type { FailureEntry, FailureSink } from '../run-state/failure-sink.js';
import { newTally, type Tally } from '../llm/ask-json.js';
import { Breaker, type BreakerRule, DEFAULT_BREAKER } from '../llm/retry-policy.js';
import { INDEX, type Indexed, positionOf } from '../run-state/record-index.js';
import { costOf, REPORT, type StageReport } from '../run-state/run-stats.js';
import { createOrderedMap, UNFINISHED, type Unfinished } from './ordered-map.js';

/** The LLM work for one input record: its output records (none, one or many), counting requests in `tally`. */
export type LlmWork = (record: Indexed, index: number, tally: Tally) => Promise<Record<string, unknown>[]>;

/** An output turned away at its turn (e.g. a full domain bucket): it goes to the failure file with this error. */
export interface Rejection {
  record: Record<string, unknown>;
  code: string;
  message: string;
}

/**
 * batch-import's bounds. Its work makes no request (the answers were joined from local files), so these only
 * set how much is held at once: 64 in flight is one batch-join array (its batch size) started together, and
 * 512 awaiting emission is eight arrays — the same 8 × concurrency ratio as the LLM default reorder window.
 */
export const IMPORT_CONCURRENCY = 64;
export const IMPORT_WINDOW = 512;

export interface LlmMapOptions {
  work: LlmWork;
  /** Removes secrets from error text that did not come through the client (the client redacts its own). */
  redact: (text: string) => string;
  /** Requests in flight at most (the semaphore; undici's Pool queue is unbounded). */
  concurrency: number;
  /** Records started but not yet emitted at most: bounds memory however slow one request is. */
  window: number;
  failures: FailureSink;
  price?: { input: number; output: number };
  /** The cost cap, over the whole run: `costSoFar` included. */
  maxCost?: number;
  /** Cost already spent by the run this one resumes (its checkpoint's totals); 0 for a fresh run. */
  costSoFar?: number;
  /**
   * Sees each input's outputs at its turn, in input order, and may reject some (order-dependent rules such as
   * per-domain caps belong here: the failure file must be written in input order).
   */
  admit?: (records: Indexed[]) => { kept: Indexed[]; rejected: Rejection[] };
  /** The runner's stop (SIGINT/SIGTERM): the intake stops; the runner records the reason, the stage only the stop index. */
  signal?: AbortSignal;
  /**
   * The first SIGINT/SIGTERM: no request is retried from then on (a backoff wait ends at once). A record whose
   * work ends for that reason is unfinished, not failed: the stage cuts there and a resume redoes it.
   */
  interrupt?: AbortSignal;
  /** The drain timeout after the first signal is over: requests in flight are aborted, their records left unfinished. */
  deadline?: AbortSignal;
  /**
   * The circuit breaker's rule (config `llm.breaker`, `llm.maxFailureRate`; retry-policy.ts `Breaker`); absent:
   * DEFAULT_BREAKER, null: none. Only records whose work made a request count (batch-import makes none).
   */
  breaker?: BreakerRule | null;
}

const BREAKERS = new WeakMap<Duplex, Breaker>();

/**
 * The end-of-run failure-rate check of an LLM stage (`llm.maxFailureRate`, for the runner's exit code): a
 * reason when more than that share of the records whose work made a request failed, else null. Input lines
 * that never reached the stage and rejections at their turn (domain caps) are not LLM failures: not counted.
 */
export function failureRateOf(stage: unknown, maxFailureRate?: number): string | null {
  const breaker = BREAKERS.get(stage as Duplex);
  return breaker ? breaker.rateExceeded(maxFailureRate) : null;
}

/** A failure entry's `index`, and `position` when the record's place in the whole input differs. */
export function placeOf(index: number, record: Indexed): { index: number; position?: number } {
  const position = positionOf(record);
  return position === index ? { index } : { index, position };
}

type Result = { ok: Indexed[]; attempts: number } | { failed: FailureEntry };

/** One record's work, run: its result; for a failure its error text, and the stop reason when it is fatal. */
async function outcomeOf(options: LlmMapOptions, record: Indexed, index: number, tally: Tally): Promise<{ result: Result; fatal: string | null; detail?: string }> {
  try {
    const outputs = await options.work(record, index, tally);
    for (const o of outputs) (o as Indexed)[INDEX] = index;
    return { result: { ok: outputs, attempts: tally.requests }, fatal: null };
  } catch (err) {
    // Our own errors keep their code (a corpus line without text is E_INPUT); anything else is a request failure.
    const code = err instanceof GenStreamError ? err.code : 'E_LLM_REQUEST';
    const message = options.redact(String((err as Error)?.message ?? err));
    const result = { failed: { ...placeOf(index, record), record, error: { code, message }, attempts: tally.requests } };
    return { result, fatal: err instanceof LlmError && err.fatal ? `${err.code}: ${message}` : null, detail: `${code}: ${message}` };
  }
}

/** What one record's settle tells the runner: its counts, and whether it ended as an output, a failure or neither. */
function settleReport(result: Result | Unfinished, tally: Tally, spent: number): StageReport {
  return {
    ...(result !== UNFINISHED && 'ok' in result ? { done: 1 } : {}),
    inFlight: -1,
    requests: tally.requests,
    retries: tally.retries,
    promptTokens: tally.usage.promptTokens,
    completionTokens: tally.usage.completionTokens,
    cost: spent,
  };
}

/** Aborted when the breaker trips or the drain timeout is over: the client aborts the attempts in flight and starts no retry. */
function haltOf(concurrency: number, deadline: AbortSignal | undefined): AbortController {
  const halt = new AbortController();
  // Each request in flight waits on it (at most one backoff sleep each): not a leak, so no listener warning.
  setMaxListeners(concurrency + 1, halt.signal);
  if (deadline?.aborted) halt.abort(deadline.reason);
  else deadline?.addEventListener('abort', () => halt.abort(deadline.reason), { once: true });
  return halt;
}

/**
 * The LLM stage: arrays of records in, each record's outputs out, in input order — an ordered bounded map
 * (ordered-map.ts: concurrency, window, backpressure) whose task calls `work` and whose turn writes failures.
 *
 * A record that fails goes to the failure file — written in input order, at its turn — and leaves a hole, so
 * every input position ends as outputs or a failure. Outputs carry their input position (INDEX), which the
 * checkpointing tee settles. A fatal API error (bad key, exhausted quota), the cost cap or the signal stops the
 * intake: records not yet started are dropped (the reported stopIndex marks the first, where a resume starts),
 * in-flight ones finish, and the stage ends cleanly. After a signal no request is retried, and at the drain
 * deadline the requests in flight are aborted: a record left unfinished so is neither output nor failure —
 * the stage cuts at the first one (ordered-map UNFINISHED: it becomes the stopIndex, nothing after it is
 * written), so the resume redoes it and every later record exactly once. The circuit breaker (retry-policy.ts
 * `Breaker`: a dead endpoint, N records in a row failing the same way, too high a failure rate) stops the
 * intake the same way and also halts the requests in flight: they end at once as failures (E_LLM_RETRIES),
 * no retry starts. Everything is told as `'report'` events (StageReport): deltas per start, settle, failure
 * and rejection at its turn; `stopReason` when the stage stops itself; `stopIndex` after any stop.
 */
export function createLlmMap(options: LlmMapOptions): Duplex {
  const { failures, price, maxCost, signal, interrupt } = options;
  const intake = new AbortController();
  const breaker = options.breaker === null ? null : new Breaker(options.breaker ?? DEFAULT_BREAKER);
  const halt = haltOf(options.concurrency, options.deadline);
  let cost = options.costSoFar ?? 0;
  let stopped = false;
  const report = (r: StageReport) => stage.emit(REPORT, r);

  // The first stop wins; a stop by the runner's signal carries no reason (the runner records 'interrupted').
  const stop = (reason?: string) => {
    if (stopped) return;
    stopped = true;
    if (reason !== undefined) report({ stopReason: reason });
    intake.abort();
  };
  const onSignal = () => stop();
  if (signal?.aborted) stop();
  else signal?.addEventListener('abort', onSignal, { once: true });

  const task = async (record: Indexed, index: number): Promise<Result | Unfinished> => {
    report({ inFlight: 1 });
    // The tally is the client's attempt counter too: it carries the halt and the signal in, the last failure's kind out.
    const tally: Tally = { ...newTally(), signal: halt.signal, noRetry: interrupt };
    const { result, fatal, detail } = await outcomeOf(options, record, index, tally);
    const spent = costOf(tally.usage.promptTokens, tally.usage.completionTokens, price);
    cost += spent;
    // Given up because the run was interrupted (no retry after the signal, aborted at the deadline): left for the resume.
    const outcome = 'failed' in result && tally.stopped && interrupt?.aborted ? UNFINISHED : result;
    report(settleReport(outcome, tally, spent));
    if (outcome === UNFINISHED) return outcome;
    if (fatal !== null) stop(fatal);
    if (breaker && tally.requests > 0 && !halt.signal.aborted) {
      const tripped = breaker.settle({ failed: 'failed' in result, kind: tally.failure ?? null, answered: tally.answered ?? false, detail });
      if (tripped !== null) {
        stop(tripped);
        halt.abort(tripped);
      }
    }
    if (maxCost !== undefined && cost >= maxCost) stop(`max cost reached (${cost.toFixed(4)} >= ${maxCost})`);
    return result;
  };

  const atTurn = (r: Result, index: number): readonly Indexed[] => {
    if ('failed' in r) {
      failures.write(r.failed);
      report({ failed: 1, rejected: r.failed.error.code === 'E_RECORD' ? 1 : 0 });
      return [];
    }
    if (!options.admit) return r.ok;
    const { kept, rejected } = options.admit(r.ok);
    for (const x of rejected) {
      failures.write({ ...placeOf(index, x.record), record: x.record, error: { code: x.code, message: x.message }, attempts: r.attempts });
    }
    if (rejected.length) report({ failed: rejected.length });
    return kept;
  };

  const stage = createOrderedMap<Result, Indexed>({
    concurrency: options.concurrency,
    window: options.window,
    task,
    atTurn,
    signal: intake.signal,
    onStopIndex: (stopIndex) => report({ stopIndex }),
  });
  stage.once('close', () => signal?.removeEventListener('abort', onSignal));
  if (breaker) BREAKERS.set(stage, breaker);
  return stage;
}
