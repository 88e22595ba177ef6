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
