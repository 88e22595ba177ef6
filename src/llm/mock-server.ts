/**
 * A loopback OpenAI-compatible chat-completions server: real HTTP, a latency distribution, fault injection,
 * and counters (peak concurrent requests, mean latency served; also served as JSON at GET /stats). The tests
 * and benchmarks use it in process (`new MockLlm(options).listen()`), users as `gen-stream mock-llm`, so that
 * every LLM path can be tried without a provider or a key. Its answers are canned text (mock-content.ts), not
 * a model's.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type MockBody, type MockContradict, mockContent, personaFactsOf } from './mock-content.js';

export interface MockOptions {
  /** Latency before the answer: lognormal with this median and sigma (0 = fixed). */
  medianMs: number;
  sigma: number;
  /** Fault probabilities, each drawn independently per request (in this order). */
  rate429: number;
  rate500: number;
  rateReset: number;
  rateInvalidJson: number;
  /** Narratives that contradict their persona (a stated age 30 years off): never, until a repair note, always. */
  contradict: MockContradict;
  /** Share of requests whose headers are held back `slowHeadersMs` (past a client's headers timeout). */
  rateSlowHeaders: number;
  slowHeadersMs: number;
  /** 429s carry `retry-after-ms` with this value (and `Retry-After` in seconds). */
  retryAfterMs: number;
  /** If set, requests whose bearer token differs get 401. */
  requireKey: string | null;
  /** Always answer with this status (e.g. 400, 401, 500) and an error body. */
  forceStatus: number | null;
  /** Answer every request 200 with an HTML page (a captive portal or a proxy's error page), not JSON. */
  htmlOk: boolean;
  /** Echo the Authorization header in error bodies (a careless server), to test that we redact it. */
  echoAuth: boolean;
  /** Answer 429 insufficient_quota after this many successful requests. */
  quotaAfter: number | null;
  /** After this many answers, take every request and never answer it (a hung server; the socket stays open until the client leaves). */
  hangAfter: number | null;
  /** Usage reported per answer. */
  promptTokens: number;
  completionTokens: number;
  /** Delay this persona's answers by extra ms (for reorder-window tests). */
  slowName: string | null;
  slowMs: number;
}

export const DEFAULT_MOCK: MockOptions = {
  medianMs: 0,
  sigma: 0,
  rate429: 0,
  rate500: 0,
  rateReset: 0,
  rateInvalidJson: 0,
  contradict: 'never',
  rateSlowHeaders: 0,
  slowHeadersMs: 0,
  retryAfterMs: 20,
  requireKey: null,
  forceStatus: null,
  htmlOk: false,
  echoAuth: false,
  quotaAfter: null,
  hangAfter: null,
  promptTokens: 600,
  completionTokens: 900,
  slowName: null,
  slowMs: 0,
};

export interface MockStats {
  requests: number;
  answered: number;
  inFlight: number;
  peakInFlight: number;
  faults: Record<string, number>;
  /** Sum of the latencies served (ms), for the mean. */
  latencySum: number;
  meanLatencyMs: number;
  /** Requests received by the time the slow persona was answered (reorder-window test). */
  requestsWhenSlowAnswered: number | null;
}

// Its own small PRNG (xorshift32): the mock is a test double, not part of the generator's determinism.
function makeRandom(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

/** The request's JSON body ({} when empty), or null when it is not JSON (answered 400, as a provider would). */
function bodyOf(text: string): MockBody | null {
  try {
    return JSON.parse(text || '{}') as MockBody;
  } catch {
    return null;
  }
}

export class MockLlm {
  readonly options: MockOptions;
  readonly stats: MockStats = { requests: 0, answered: 0, inFlight: 0, peakInFlight: 0, faults: {}, latencySum: 0, meanLatencyMs: 0, requestsWhenSlowAnswered: null };
  private readonly server: Server;
  private readonly random = makeRandom(12345);

  constructor(options: Partial<MockOptions> = {}) {
    this.options = { ...DEFAULT_MOCK, ...options };
    // A request the handler cannot finish (a client that hangs up mid-body) ends its own socket, never the server.
    this.server = createServer((req, res) => void this.handle(req, res).catch(() => res.destroy()));
    this.server.keepAliveTimeout = 5_000;
  }

  /** Listens on `host:port` (0: any free port) and resolves to the API root; rejects with the listen error (EADDRINUSE …). */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    const { address, port: bound } = this.server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${bound}/v1`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private fault(kind: string): void {
    this.stats.faults[kind] = (this.stats.faults[kind] ?? 0) + 1;
  }

  private latency(): number {
    const { medianMs, sigma } = this.options;
    if (!medianMs) return 0;
    if (!sigma) return medianMs;
    const u1 = 1 - this.random();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * this.random());
    return medianMs * Math.exp(sigma * z);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(this.stats));
      return;
    }
    const o = this.options;
    this.stats.requests++;
    this.stats.inFlight++;
    this.stats.peakInFlight = Math.max(this.stats.peakInFlight, this.stats.inFlight);
    try {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = bodyOf(Buffer.concat(chunks).toString('utf8'));
      if (body === null) {
        this.fault('400');
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'the request body is not JSON', type: 'invalid_request_error', code: null } }));
        return;
      }
      if (o.hangAfter !== null && this.stats.answered >= o.hangAfter) {
        this.fault('hang');
        if (!req.socket.destroyed) await new Promise((r) => req.socket.once('close', r));
        return;
      }
      const facts = personaFactsOf(body);
      let wait = this.latency();
      if (o.slowName && facts.name === o.slowName) wait += o.slowMs;
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.stats.latencySum += wait;
      const auth = req.headers.authorization ?? '';
      const errorBody = (message: string, type = 'server_error', code: string | null = null) =>
        JSON.stringify({ error: { message: o.echoAuth ? `${message} (received ${auth})` : message, type, code } });
      if (o.requireKey !== null && auth !== `Bearer ${o.requireKey}`) {
        this.fault('401');
        res.writeHead(401, { 'content-type': 'application/json' }).end(errorBody('Incorrect API key provided', 'invalid_request_error', 'invalid_api_key'));
        return;
      }
      if (o.forceStatus !== null) {
        this.fault(String(o.forceStatus));
        res.writeHead(o.forceStatus, { 'content-type': 'application/json' }).end(errorBody(`forced status ${o.forceStatus}`));
        return;
      }
      if (o.htmlOk) {
        this.fault('html');
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body><h1>Welcome</h1><p>Please log in.</p></body></html>');
        return;
      }
      if (o.quotaAfter !== null && this.stats.answered >= o.quotaAfter) {
        this.fault('quota');
        res.writeHead(429, { 'content-type': 'application/json' }).end(errorBody('You exceeded your current quota', 'insufficient_quota', 'insufficient_quota'));
        return;
      }
      if (this.random() < o.rate429) {
        this.fault('429');
        res
          .writeHead(429, { 'content-type': 'application/json', 'retry-after-ms': String(o.retryAfterMs), 'retry-after': String(Math.ceil(o.retryAfterMs / 1000)) })
          .end(errorBody('Rate limit reached', 'requests', 'rate_limit_exceeded'));
        return;
      }
      if (this.random() < o.rate500) {
        this.fault('500');
        res.writeHead(500, { 'content-type': 'application/json' }).end(errorBody('The server had an error'));
        return;
      }
      if (this.random() < o.rateSlowHeaders) {
        this.fault('slow_headers');
        await new Promise((r) => setTimeout(r, o.slowHeadersMs));
        if (res.destroyed || req.socket.destroyed) return; // the client gave up, as it should
      }
      if (this.random() < o.rateReset) {
        this.fault('reset');
        req.socket.destroy();
        return;
      }
      let content = mockContent(body, o.contradict);
      if (this.random() < o.rateInvalidJson) {
        this.fault('invalid_json');
        content = content.slice(0, Math.floor(content.length / 2)); // truncated JSON, as a model cut off mid-answer
      }
      this.stats.answered++;
      if (o.slowName && facts.name === o.slowName) this.stats.requestsWhenSlowAnswered = this.stats.requests;
      res.writeHead(200, { 'content-type': 'application/json', 'x-mock-latency-ms': wait.toFixed(3) }).end(
        JSON.stringify({
          id: `chatcmpl-${this.stats.requests}`,
          object: 'chat.completion',
          created: 0,
          model: 'mock',
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: { prompt_tokens: o.promptTokens, completion_tokens: o.completionTokens, total_tokens: o.promptTokens + o.completionTokens },
        }),
      );
    } finally {
      this.stats.inFlight--;
      this.stats.meanLatencyMs = this.stats.requests ? this.stats.latencySum / this.stats.requests : 0;
    }
  }
}
