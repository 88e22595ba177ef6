/**
 * A loopback OpenAI-compatible chat-completions server for tests and benchmarks: real HTTP, a latency
 * distribution, fault injection, and counters (peak concurrent requests, mean latency served).
 *
 *   node dist/tests/helpers/mock-llm.js --port 0 --median-ms 200 --sigma 0.5     # prints "listening <port>"
 *
 * Answers are valid narratives for the persona in the prompt: every text names the person and carries a
 * "[ref name|age|district]" marker, so a test can check that each record got its own narrative.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

export interface MockOptions {
  /** Latency before the answer: lognormal with this median and sigma (0 = fixed). */
  medianMs: number;
  sigma: number;
  /** Fault probabilities, each drawn independently per request (in this order). */
  rate429: number;
  rate500: number;
  rateReset: number;
  rateInvalidJson: number;
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
  rateSlowHeaders: 0,
  slowHeadersMs: 0,
  retryAfterMs: 20,
  requireKey: null,
  forceStatus: null,
  htmlOk: false,
  echoAuth: false,
  quotaAfter: null,
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

const FILLER = [
  'lives with family close by',
  'keeps the traditions of the place',
  'has seen the country change over the decades',
  'speaks about the future with care',
  'knows the neighbours by name',
  'has a calm and practical outlook',
];

function textOf(len: number, lead: string): string {
  let s = lead;
  for (let i = 0; s.length < len; i++) s += ` ${FILLER[i % FILLER.length]}.`;
  return s.slice(0, len);
}

/** Builds the JSON a model would return for the requested fields. */
function answerFor(fields: string[], facts: Record<string, unknown>): Record<string, unknown> {
  const name = String(facts.name ?? 'Unknown');
  const ref = `[ref ${name}|${String(facts.age)}|${String(facts.district)}]`;
  const lengths: Record<string, number> = {
    descriere_generala: 600,
    profil_profesional: 450,
    hobby_sport: 300,
    cultural_background: 1700,
    career_goals_and_ambitions: 400,
    persona_summary: 150,
    skills_and_expertise: 400,
    hobbies_and_interests: 400,
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.endsWith('_list')) out[f] = ['first item', 'second item', 'third item', 'fourth item'];
    else out[f] = textOf(lengths[f] ?? 300, `${name} ${ref}`);
  }
  return out;
}

function requestedFields(body: { response_format?: { json_schema?: { schema?: { properties?: object } } }; messages?: Array<{ content?: string }> }): string[] {
  const props = body.response_format?.json_schema?.schema?.properties;
  if (props) return Object.keys(props);
  const user = body.messages?.find((m) => m.content?.includes('Persona facts'))?.content ?? '';
  return [...user.matchAll(/^- "(\w+)":/gm)].map((m) => m[1]);
}

function personaFactsOf(body: { messages?: Array<{ content?: string }> }): Record<string, unknown> {
  const user = body.messages?.find((m) => m.content?.includes('Persona facts'))?.content ?? '';
  const m = /Persona facts \(JSON\):\n([\s\S]*?)\n\n/.exec(user);
  try {
    return m ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// Persona Hub answers: a domain label from keywords, spelled the way models vary it (case, synonyms), so that
// normalisation has work to do; unknown texts get "General interest".
const DOMAIN_KEYWORDS: Array<[RegExp, string[]]> = [
  [/cricket|ipl|ranji|wicket|bat\b/i, ['Cricket', 'cricket', 'CRICKET ']],
  [/hospital|doctor|health|clinic|medicine|dengue|nurse|tb\b/i, ['Healthcare', 'Health Care', 'medicine']],
  [/farm|crop|mandi|irrigation|soil|wheat|harvest|dairy/i, ['Agriculture', 'farming', 'agriculture']],
  [/startup|software|app\b|tech|upi|server|data/i, ['Technology', 'tech', 'Information Technology']],
  [/school|teacher|student|exam|college|university/i, ['Education', 'education']],
  [/film|cinema|actor|movie|theatre/i, ['Film', 'Bollywood', 'cinema']],
];

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hubAnswer(user: string): Record<string, unknown> | null {
  const text = /<text>\n([\s\S]*?)\n<\/text>/.exec(user)?.[1];
  const parent = /<persona>\n([\s\S]*?)\n<\/persona>/.exec(user)?.[1];
  if (text === undefined && parent === undefined) return null;
  const relation = /\(relation: ([a-z0-9_]+)\)/.exec(user)?.[1] ?? '';
  const basis = text ?? parent ?? '';
  const h = hashOf(user);
  const variants = DOMAIN_KEYWORDS.find(([re]) => re.test(basis))?.[1] ?? ['General interest'];
  const opening = basis.split(/\s+/).slice(0, 10).join(' ');
  const persona =
    text !== undefined
      ? `A reader drawn to the text that opens "${opening}", who follows this subject closely and talks about it with friends. [h${h}]`
      : `The ${relation.replace(/_/g, ' ')} of a person described as "${opening}", with a working life of their own. [h${h}]`;
  // Scores of exactly 1 and 0 too: the columnar writers must keep them as doubles.
  const score = h % 10 === 0 ? 1 : h % 10 === 1 ? 0 : Number(((h % 100) / 100).toFixed(2));
  return { persona, domain: variants[h % variants.length], confidence_score: score };
}

type MockBody = Parameters<typeof requestedFields>[0];

/**
 * The answer text the mock gives to a chat-completions body (deterministic: the same body, the same answer).
 * Exported so that a test can stand in for a Batch API provider with exactly the online answers.
 */
export function mockContent(body: MockBody): string {
  const userText = body.messages?.find((m) => m.content?.includes('</text>') || m.content?.includes('</persona>'))?.content ?? '';
  return JSON.stringify(hubAnswer(userText) ?? answerFor(requestedFields(body), personaFactsOf(body)));
}

export class MockLlm {
  readonly options: MockOptions;
  readonly stats: MockStats = { requests: 0, answered: 0, inFlight: 0, peakInFlight: 0, faults: {}, latencySum: 0, meanLatencyMs: 0, requestsWhenSlowAnswered: null };
  private readonly server: Server;
  private readonly random = makeRandom(12345);

  constructor(options: Partial<MockOptions> = {}) {
    this.options = { ...DEFAULT_MOCK, ...options };
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 5_000;
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
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
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as MockBody;
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
      let content = mockContent(body);
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

// As a process of its own (benchmarks): `node dist/tests/helpers/mock-llm.js --port 0 --median-ms 200 --sigma 0.5`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { port: { type: 'string' }, 'median-ms': { type: 'string' }, sigma: { type: 'string' } } });
  const mock = new MockLlm({ medianMs: Number(values['median-ms'] ?? 0), sigma: Number(values.sigma ?? 0) });
  const url = await mock.listen(Number(values.port ?? 0));
  process.stdout.write(`listening ${url}\n`);
}
