import { type Rng, uniform } from '../generator/rng.js';

export type Verdict = 'ok' | 'retry' | 'auth' | 'quota' | 'record';

/**
 * What to do with an HTTP answer. Retried: 408, 409, 429 (unless the quota is exhausted), 5xx. Not retried:
 * 401/403 stop the run (a bad key fails every request), insufficient_quota stops the run, any other 4xx —
 * 400 bad request, 404, content moderation (DashScope `data_inspection_failed`) — fails that record only.
 */
export function classifyStatus(status: number, body: string): Verdict {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return /insufficient_quota|AllocationQuota|quota.{0,20}exceed/i.test(body) ? 'quota' : 'retry';
  if (status === 408 || status === 409 || status >= 500) return 'retry';
  return 'record';
}

/** Network-level failures worth another attempt: resets, refused or dropped connections, timeouts. */
const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

export function isRetryableNetworkError(err: unknown): boolean {
  const e = err as { code?: string; name?: string; cause?: unknown };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return true;
  if (e?.code && RETRYABLE_CODES.has(e.code)) return true;
  return e?.cause !== undefined && e.cause !== err ? isRetryableNetworkError(e.cause) : false;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base·2^attempt)). */
export function backoffMs(attempt: number, baseMs: number, capMs: number, rng: Rng): number {
  return Math.floor(uniform(rng) * Math.min(capMs, baseMs * 2 ** attempt));
}

/**
 * The server's requested wait: `retry-after-ms` (OpenAI), then `Retry-After` in seconds or as an HTTP date.
 * Null when absent or unparsable; never negative.
 */
export function retryAfterMs(headers: Readonly<Record<string, string | string[] | undefined>>, now = Date.now()): number | null {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const ms = one(headers['retry-after-ms']);
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.max(0, Number(ms));
  const ra = one(headers['retry-after'])?.trim();
  if (!ra) return null;
  if (/^\d+(\.\d+)?$/.test(ra)) return Math.max(0, Number(ra) * 1000);
  const date = Date.parse(ra);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * How one attempt failed, as the circuit breaker sees it: `connection` (refused, reset, DNS: no answer),
 * `timeout` (no answer in time), `server` (HTTP 5xx), `not-json` (a 200 whose body is not JSON, e.g. an HTML
 * page from a proxy), `throttled` (408/409/429), `rejected` (any other answer that fails the record).
 */
export type FailureKind = 'connection' | 'timeout' | 'server' | 'not-json' | 'throttled' | 'rejected';

/** The kinds that say the endpoint itself is broken: N records in a row failing with one of them trips the breaker. */
const BREAKING: ReadonlySet<FailureKind> = new Set(['connection', 'timeout', 'server', 'not-json']);

const KIND_TEXT: Record<FailureKind, string> = {
  connection: 'connection errors (refused, reset or DNS)',
  timeout: 'timeouts',
  server: 'server errors (HTTP 5xx)',
  'not-json': 'answers that are not JSON (e.g. an HTML page with status 200)',
  throttled: 'rate limiting',
  rejected: 'rejected requests',
};

const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The kind of a network-level failure (no HTTP answer): a timeout, or a connection that failed. */
export function networkKind(err: unknown): 'connection' | 'timeout' {
  for (let e = err as { code?: string; name?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.name === 'TimeoutError' || (e.code && TIMEOUT_CODES.has(e.code))) return 'timeout';
  }
  return 'connection';
}

/** The circuit breaker's rule (config `llm.breaker` and `llm.maxFailureRate`). */
export interface BreakerRule {
  /** Trip when this many records in a row (the last settled) all failed with the same breaking kind. */
  window: number;
  /** The failure-rate check starts once this many records have settled. */
  minRequests: number;
  /** Trip when failed ÷ settled exceeds this (from `minRequests` settled records on). */
  maxFailureRate: number;
}

export const DEFAULT_BREAKER: BreakerRule = { window: 8, minRequests: 20, maxFailureRate: 0.5 };

/** One settled record, as the breaker counts it (records whose work made no request are not counted). */
export interface Settled {
  failed: boolean;
  /** The kind of the record's last failed attempt (null when its last attempt was answered). */
  kind: FailureKind | null;
  /** Some attempt of this record got an HTTP answer. */
  answered: boolean;
  /** The record's error text, quoted in the stop reason. */
  detail?: string;
}

/**
 * The circuit breaker of the LLM stage: told of each settled record, it answers with a stop reason (leading
 * code E_LLM_UNREACHABLE / E_LLM_BREAKER / E_LLM_FAILURE_RATE) once one of its rules holds, else null:
 * - the first failure of this run is a connection failure and no request was ever answered (the endpoint
 *   cannot be reached at all): that record's own retries are all the time a dead endpoint costs;
 * - the last `window` records all failed with the same breaking kind (connection, timeout, 5xx, not JSON);
 * - at least `minRequests` records settled and more than `maxFailureRate` of them failed.
 * Pure: no clock, no I/O; the stage acts on the reason.
 */
export class Breaker {
  private readonly rule: BreakerRule;
  /** Records counted so far (those whose work made a request), and how many of them failed. */
  settled = 0;
  failed = 0;
  private answeredEver = false;
  /** The breaking kind of the current run of same-kind failures, and its length. */
  private streakKind: FailureKind | null = null;
  private streak = 0;

  constructor(rule: BreakerRule) {
    this.rule = { ...rule };
  }

  /** The failure-rate rule over what was counted (at `maxFailureRate`, default the rule's), as a reason; null while under it or nothing was counted. */
  rateExceeded(maxFailureRate = this.rule.maxFailureRate): string | null {
    return this.settled > 0 && this.failed / this.settled > maxFailureRate ? `E_LLM_FAILURE_RATE: ${failureRateText(this.failed, this.settled, maxFailureRate)}` : null;
  }

  settle(r: Settled): string | null {
    this.settled++;
    const last = r.detail ? `; last: ${r.detail}` : '';
    if (r.failed && r.kind === 'connection' && !r.answered && !this.answeredEver) {
      this.failed++;
      return `E_LLM_UNREACHABLE: the endpoint cannot be reached: the first record failed with ${KIND_TEXT.connection} after its retries and no request was answered${last}`;
    }
    if (r.answered) this.answeredEver = true;
    if (r.failed) this.failed++;
    const kind = r.failed && r.kind && BREAKING.has(r.kind) ? r.kind : null;
    this.streak = kind !== null && kind === this.streakKind ? this.streak + 1 : kind === null ? 0 : 1;
    this.streakKind = kind;
    if (kind !== null && this.streak >= this.rule.window) {
      return `E_LLM_BREAKER: the last ${this.rule.window} records (llm.breaker.window) all failed with ${KIND_TEXT[kind]}${last}`;
    }
    const rate = this.settled >= this.rule.minRequests ? this.rateExceeded() : null;
    return rate === null ? null : `${rate}${last}`;
  }
}

/** "12 of 20 records failed (60.0 %), above llm.maxFailureRate 50 %". */
export function failureRateText(failed: number, settled: number, max: number): string {
  return `${failed} of ${settled} records failed (${((100 * failed) / settled).toFixed(1)} %), above llm.maxFailureRate ${+(100 * max).toFixed(2)} %`;
}
