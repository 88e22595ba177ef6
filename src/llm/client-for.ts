/**
 * From a config's llm block to what the LLM code needs: the pooled client (the key from the environment
 * variable the block names, never from the config) and the settings of one validated JSON question.
 * The one place an LlmConfig is translated.
 */
import type { LlmConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { AskSettings } from './ask-json.js';
import { ChatClient } from './chat-client.js';

/** The settings of asking for one answer; `invalidRetries: false` for a batch, which gets no second try. */
export function askSettingsOf(llm: LlmConfig, invalidRetries = true): AskSettings {
  return { model: llm.model, temperature: llm.temperature, maxTokens: llm.maxTokens, maxInvalidRetries: invalidRetries ? llm.maxInvalidRetries : 0 };
}

/** The client for a config's llm block; warns (once) when the key's variable is unset. */
export function chatClientFor(llm: LlmConfig, warn: (msg: string) => void): ChatClient {
  const apiKey = process.env[llm.apiKeyEnv] || null;
  if (!apiKey) warn(`environment variable ${llm.apiKeyEnv} (llm.apiKeyEnv) is not set: sending requests without an API key`);
  const urls = llm.baseUrls ?? (llm.baseUrl ? [llm.baseUrl] : null);
  // The schema allows neither (batch-export writes files and needs no server); online requests need one.
  if (!urls) throw new UsageError('llm.baseUrl: online requests need an endpoint (llm.baseUrl, llm.baseUrls or --llm-base-url)');
  return new ChatClient({
    baseUrl: urls[0],
    baseUrls: urls,
    evictAfter: llm.evictAfter,
    evictForMs: llm.evictForMs,
    log: (message) => warn(message),
    apiKey,
    connections: urls.length > 1 ? (llm.endpointConcurrency ?? llm.concurrency) : llm.concurrency,
    maxRetries: llm.maxRetries,
    timeoutMs: llm.timeoutMs,
    headersTimeoutMs: llm.headersTimeoutMs,
    bodyTimeoutMs: llm.bodyTimeoutMs,
    retryBaseMs: llm.retryBaseMs,
    retryMaxMs: llm.retryMaxMs,
  });
}

/** Releases the client's sockets; with several endpoints, first reports each one's traffic on stderr (unless `quiet`). */
export async function closeClient(client: ChatClient, quiet: boolean): Promise<void> {
  for (const e of quiet ? [] : (client.endpoints?.endpoints() ?? [])) {
    process.stderr.write(`gen-stream: endpoint ${e.origin}: ${e.requests} responses, ${e.failures} failed, out of rotation ${e.evictions} time(s)\n`);
  }
  await client.close();
}
