import type { Duplex, Transform } from 'node:stream';
import type { Config, LlmConfig } from '../config.js';
import { UsageError } from '../errors.js';
import type { FailureSink } from '../run-state/failure-sink.js';
import { ChatClient } from '../llm/chat-client.js';
import { prepareGroups } from '../llm/narrate-record.js';
import { requestGroups } from '../prompts/messages.js';
import type { RunStats } from '../run-state/run-stats.js';
import { createNarrateLlm } from '../streams/narrate-llm.js';
import { createNarrateTemplate } from '../streams/narrate-template.js';

export interface NarrateStage {
  stage: Transform | Duplex;
  /** Releases sockets; call after the pipeline ends, whatever its outcome. */
  close(): Promise<void>;
}

/** The client for a config's llm block; the key comes from the environment variable it names, never the config. */
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

/** Releases the client's sockets; with several endpoints, first reports each one's traffic on stderr. */
export async function closeClient(client: ChatClient): Promise<void> {
  for (const e of client.endpoints?.endpoints() ?? []) {
    process.stderr.write(`gen-stream: endpoint ${e.origin}: ${e.requests} responses, ${e.failures} failed, out of rotation ${e.evictions} time(s)\n`);
  }
  await client.close();
}

/** The narrative stage a config asks for: the LLM when an `llm` block is present, else the template narrator. */
export function createNarrateStage(
  config: Config,
  stats: RunStats,
  failures: FailureSink,
  onStop: () => void,
  warn: (msg: string) => void,
  stopSignal?: (stop: () => void) => void,
): NarrateStage {
  const language = config.narrative.language;
  const llm = config.llm;
  if (!llm) {
    if (language === 'ru') throw new UsageError('narrative.language "ru" needs an llm block: the offline template narrator writes ro and en');
    return { stage: createNarrateTemplate(language, stats), close: async () => {} };
  }
  const client = chatClientFor(llm, warn);
  const stage = createNarrateLlm({
    client,
    groups: prepareGroups(requestGroups(llm.grouping), llm.responseFormat),
    narrate: {
      model: llm.model,
      temperature: llm.temperature,
      maxTokens: llm.maxTokens,
      responseFormat: llm.responseFormat,
      maxInvalidRetries: llm.maxInvalidRetries,
      language,
    },
    concurrency: llm.concurrency,
    window: llm.reorderWindow ?? 8 * llm.concurrency,
    failures,
    stats,
    provider: `llm:${llm.model}`,
    seed: config.seed,
    price: llm.prices[llm.model],
    maxCost: llm.maxCost,
    onStop,
    stopSignal,
  });
  return { stage, close: () => closeClient(client) };
}
