import { type Dispatcher, Pool } from 'undici';
import { LlmError } from '../errors.js';
import type { Rng } from '../generator/rng.js';
import { EndpointPool } from './endpoints.js';
import { backoffMs, classifyStatus, type FailureKind, isRetryableNetworkError, networkKind, retryAfterMs } from './retry-policy.js';

export interface ChatClientOptions {
  baseUrl: string;
  /** Several endpoints of the same API (same path): balanced, with failing ones taken out of rotation for a while. */
  baseUrls?: readonly string[];
  /** With baseUrls: failures in a row that evict an endpoint, and for how long. */
  evictAfter?: number;
  evictForMs?: number;
  /** Told when an endpoint leaves or rejoins the rotation. */
  log?: (message: string) => void;
  /** Sent as a Bearer token; kept only in this object and redacted from every message we build. */
  apiKey: string | null;
  connections: number;
  maxRetries: number;
  timeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Called after every HTTP attempt with its duration and response headers (benchmarks measure client overhead). */
  onAttempt?: (elapsedMs: number, headers: Readonly<Record<string, string | string[] | undefined>>) => void;
}

export interface Usage {
  promptTokens: number;
  completionTokens: number;
}

export interface Completion {
  content: string;
  usage: Usage;
}

/** Counted as they happen, so a request that finally fails still reports its attempts. */
export interface AttemptCounter {
  requests: number;
  retries: number;
  /** Set by the client: how the last failed attempt failed; null once an attempt succeeds (the circuit breaker reads it). */
  failure?: FailureKind | null;
  /** Set by the client: some attempt got an HTTP answer (a dead endpoint never gives one). */
  answered?: boolean;
  /** Given by the caller (the LLM stage's circuit breaker, the drain deadline): once aborted, the attempt in flight is aborted and no retry starts. */
  signal?: AbortSignal;
  /** Given by the caller (the run's first signal): once aborted, no retry starts (a backoff wait ends at once); the attempt in flight goes on. */
  noRetry?: AbortSignal;
  /** Set by the client (and askJson): the request was given up because of `signal` or `noRetry`, not for its own failure. */
  stopped?: boolean;
}

/** Keep-alive a little under common servers' 5 s, so we never reuse a socket the server is closing. */
const KEEP_ALIVE_MS = 4_000;
const ERROR_BODY_CHARS = 300;

/** A wait that ends early (resolving) when one of `signals` aborts: the caller checks the signals after it. */
function sleep(ms: number, signals: ReadonlyArray<AbortSignal | undefined>): Promise<void> {
  const given = signals.filter((s): s is AbortSignal => s !== undefined);
  if (given.some((s) => s.aborted)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      for (const s of given) s.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    for (const s of given) s.addEventListener('abort', done, { once: true });
  });
}

/**
 * The error of a request given up because its caller stopped (the breaker tripped, the run was interrupted):
 * no further attempt is made, and the counter says why (`stopped`), so the caller can tell it from a failure.
 */
export function stoppedError(counter: AttemptCounter, attempts: number, last: string): LlmError {
  counter.stopped = true;
  return new LlmError('E_LLM_RETRIES', `not retried: the run stopped after ${attempts} attempt(s)${last ? `; last: ${last}` : ''}`);
}

/**
 * OpenAI-compatible chat completions over an undici Pool. Owns the retry policy (undici's retry interceptor
 * skips POST, does not retry its own timeouts and has no jitter): retries 408/409/429/5xx and network errors
 * with full-jitter backoff, honouring retry-after(-ms) up to `retryMaxMs`. Bounding in-flight requests is the
 * caller's job (the Pool's own queue is unbounded).
 */
export class ChatClient {
  private readonly pool: Dispatcher;
  private readonly path: string;
  private readonly options: ChatClientOptions;
  /** With several endpoints: the balanced pool and its per-endpoint counters. */
  readonly endpoints: EndpointPool | null = null;

  constructor(options: ChatClientOptions) {
    this.options = options;
    const url = new URL(options.baseUrl);
    this.path = `${url.pathname.replace(/\/+$/, '')}/chat/completions`;
    const poolOptions = {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
      headersTimeout: options.headersTimeoutMs,
      bodyTimeout: options.bodyTimeoutMs,
    };
    if (options.baseUrls && options.baseUrls.length > 1) {
      this.endpoints = new EndpointPool(
        options.baseUrls.map((u) => new URL(u).origin),
        poolOptions,
        { evictAfter: options.evictAfter ?? 5, evictForMs: options.evictForMs ?? 30_000, log: options.log },
      );
      this.pool = this.endpoints.dispatcher;
    } else this.pool = new Pool(url.origin, poolOptions);
  }

  /** Removes the API key from any text that may have come back from a server or a library. */
  redact(text: string): string {
    const key = this.options.apiKey;
    return key ? text.split(key).join('***') : text;
  }

  /** `body`: the request object, or its JSON text when the caller has already serialised it. */
  async complete(body: unknown, rng: Rng, counter: AttemptCounter): Promise<Completion> {
    const { maxRetries, retryBaseMs, retryMaxMs } = this.options;
    const payload = typeof body === 'string' ? body : JSON.stringify(body);
    const { signal: stop, noRetry } = counter;
    let failure = '';
    for (let attempt = 0; ; attempt++) {
      if (stop?.aborted || (attempt > 0 && noRetry?.aborted)) throw stoppedError(counter, attempt, failure);
      counter.requests++;
      let wait: number | null = null;
      const t0 = performance.now();
      try {
        const res = await this.pool.request({
          path: this.path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            ...(this.options.apiKey ? { authorization: `Bearer ${this.options.apiKey}` } : {}),
          },
          body: payload,
          signal: stop ? AbortSignal.any([AbortSignal.timeout(this.options.timeoutMs), stop]) : AbortSignal.timeout(this.options.timeoutMs),
        });
        const text = await res.body.text(); // always consumed, or the connection is never released
        this.options.onAttempt?.(performance.now() - t0, res.headers);
        counter.answered = true;
        const verdict = classifyStatus(res.statusCode, text);
        counter.failure = verdict === 'ok' ? null : verdict === 'retry' ? (res.statusCode >= 500 ? 'server' : 'throttled') : 'rejected';
        if (verdict === 'ok') return parseCompletion(text, this, counter);
        const detail = `HTTP ${res.statusCode} from ${this.path}: ${this.redact(text.slice(0, ERROR_BODY_CHARS))}`;
        if (verdict === 'auth') throw new LlmError('E_LLM_AUTH', `the API rejected the key (${detail}); check llm.apiKeyEnv and the key's region/project`, res.statusCode);
        if (verdict === 'quota') throw new LlmError('E_LLM_QUOTA', `the API quota is exhausted (${detail})`, res.statusCode);
        if (verdict === 'record') throw new LlmError('E_LLM_REQUEST', detail, res.statusCode);
        failure = detail;
        wait = retryAfterMs(res.headers);
      } catch (err) {
        if (err instanceof LlmError) throw err;
        // Aborted by the caller's stop, not by the network: the kind of the last real failure stays.
        if (stop?.aborted) throw stoppedError(counter, attempt + 1, failure);
        counter.failure = networkKind(err);
        if (!isRetryableNetworkError(err)) throw new LlmError('E_LLM_REQUEST', this.redact(`request failed: ${(err as Error).message}`));
        const e = err as { code?: string; name?: string; message?: string };
        failure = this.redact(`${e.code ?? e.name}: ${e.message}`);
      }
      if (attempt >= maxRetries) throw new LlmError('E_LLM_RETRIES', `gave up after ${attempt + 1} attempts; last: ${failure}`);
      counter.retries++;
      await sleep(Math.min(retryMaxMs, wait ?? backoffMs(attempt, retryBaseMs, retryMaxMs, rng)), [stop, noRetry]);
    }
  }

  async close(): Promise<void> {
    if (this.endpoints) await this.endpoints.close();
    else await this.pool.close();
  }
}

function parseCompletion(text: string, client: ChatClient, counter: AttemptCounter): { content: string; usage: Usage } {
  let parsed: { choices?: Array<{ message?: { content?: unknown; refusal?: unknown } }>; usage?: { prompt_tokens?: number; completion_tokens?: number } };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    counter.failure = 'not-json';
    throw new LlmError('E_LLM_INVALID', `the server answered 200 with a body that is not JSON: ${client.redact(text.slice(0, ERROR_BODY_CHARS))}`);
  }
  const message = parsed.choices?.[0]?.message;
  if (message?.refusal || typeof message?.content !== 'string') counter.failure = 'rejected';
  if (message?.refusal) throw new LlmError('E_LLM_REQUEST', `the model refused: ${client.redact(String(message.refusal).slice(0, ERROR_BODY_CHARS))}`);
  if (typeof message?.content !== 'string') throw new LlmError('E_LLM_INVALID', 'the completion has no choices[0].message.content');
  return {
    // A proxy or server may copy the Authorization header into the answer itself: the key never reaches a record.
    content: client.redact(message.content),
    usage: { promptTokens: parsed.usage?.prompt_tokens ?? 0, completionTokens: parsed.usage?.completion_tokens ?? 0 },
  };
}
