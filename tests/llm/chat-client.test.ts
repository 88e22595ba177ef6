import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { rngFor } from '../../src/generator/rng.js';
import { type AttemptCounter, ChatClient } from '../../src/llm/chat-client.js';

/** A client of one connection to `port`, with `retryBaseMs` as its backoff (maxRetries 6). */
const clientOf = (port: number, retryBaseMs = 1) =>
  new ChatClient({
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey: null,
    connections: 1,
    maxRetries: 6,
    timeoutMs: 600_000,
    headersTimeoutMs: 600_000,
    bodyTimeoutMs: 600_000,
    retryBaseMs,
    retryMaxMs: 600_000,
  });

describe('ChatClient', () => {
  it('redacts the API key from a 200 answer that echoes it (a careless proxy)', async () => {
    const key = 'sk-test-0123456789abcdef';
    const server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const content = JSON.stringify({ text: `echo: ${req.headers.authorization}; again ${key}` });
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content } }], usage: { prompt_tokens: 1, completion_tokens: 1 } }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    const client = new ChatClient({
      baseUrl: `http://127.0.0.1:${port}/v1`,
      apiKey: key,
      connections: 1,
      maxRetries: 0,
      timeoutMs: 10_000,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
      retryBaseMs: 1,
      retryMaxMs: 1,
    });
    try {
      const answer = await client.complete({ model: 'm', messages: [] }, rngFor(1, 0, 0), { requests: 0, retries: 0 });
      assert.ok(!answer.content.includes(key), answer.content);
      assert.deepEqual(JSON.parse(answer.content), { text: 'echo: Bearer ***; again ***' });
    } finally {
      await client.close();
      server.close();
    }
  });

  it('noRetry (the first signal): a backoff wait ends at once, no retry starts, and the counter says it was stopped', async () => {
    let requests = 0;
    const noRetry = new AbortController();
    const server = createServer((req, res) => {
      requests++;
      req.resume();
      req.on('end', () => {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"down"}}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // Backoffs of up to a minute and more: only the stop can end this test.
    const client = clientOf((server.address() as AddressInfo).port, 60_000);
    const counter: AttemptCounter = { requests: 0, retries: 0, noRetry: noRetry.signal };
    try {
      const asked = client.complete({ model: 'm', messages: [] }, rngFor(1, 0, 0), counter);
      while (counter.retries === 0) await new Promise((r) => setImmediate(r)); // the first attempt failed: in its backoff
      noRetry.abort();
      await assert.rejects(asked, (err: Error & { code?: string }) => err.code === 'E_LLM_RETRIES');
      assert.equal(counter.stopped, true);
      assert.equal(requests, 1, 'no retry was sent');
    } finally {
      await client.close();
      server.close();
    }
  });

  it('signal (the drain deadline): the attempt in flight is aborted, though the server never answers', async () => {
    const signal = new AbortController();
    let received = 0;
    const server = createServer((req) => {
      received++;
      req.resume(); // and never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const client = clientOf((server.address() as AddressInfo).port);
    const counter: AttemptCounter = { requests: 0, retries: 0, signal: signal.signal };
    try {
      const asked = client.complete({ model: 'm', messages: [] }, rngFor(1, 0, 0), counter);
      while (received === 0) await new Promise((r) => setImmediate(r));
      signal.abort();
      await assert.rejects(asked, (err: Error & { code?: string }) => err.code === 'E_LLM_RETRIES');
      assert.deepEqual([counter.stopped, counter.requests, counter.retries], [true, 1, 0]);
    } finally {
      await client.close();
      server.closeAllConnections();
      server.close();
    }
  });
});
