import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { rngFor } from '../../src/generator/rng.js';
import { ChatClient } from '../../src/llm/chat-client.js';

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
});
