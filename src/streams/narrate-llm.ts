import type { Duplex } from 'node:stream';
import type { FailureSink } from '../run-state/failure-sink.js';
import type { ChatClient } from '../llm/chat-client.js';
import { type NarrateOptions, narrateRecord, type PreparedGroup } from '../llm/narrate-record.js';
import { withNarrative } from '../narrative/with-narrative.js';
import { Stream, rngFor } from '../generator/rng.js';
import { createLlmMap } from './llm-map.js';
import { rejectionOf } from './record-check.js';
import type { BreakerRule } from '../llm/retry-policy.js';

export interface NarrateLlmOptions {
  client: ChatClient;
  groups: readonly PreparedGroup[];
  narrate: NarrateOptions;
  concurrency: number;
  window: number;
  failures: FailureSink;
  /** Written into each record as narrative_provider. */
  provider: string;
  seed: number;
  price?: { input: number; output: number };
  maxCost?: number;
  /** Cost already spent by the run this one resumes, counted against `maxCost`. */
  costSoFar?: number;
  /** The runner's stop (SIGINT/SIGTERM), the first signal and the drain deadline after it (llm-map.ts). */
  signal?: AbortSignal;
  interrupt?: AbortSignal;
  deadline?: AbortSignal;
  /** The circuit breaker's rule (config llm.breaker, llm.maxFailureRate); absent: the defaults. */
  breaker?: BreakerRule | null;
}

/**
 * The LLM narrative stage: records in, the same records with their narratives out, in input order (llm-map).
 * It reports through `'report'` events (StageReport), as llm-map does.
 */
export function createNarrateLlm(options: NarrateLlmOptions): Duplex {
  const { client, groups, narrate, provider, seed, ...rest } = options;
  return createLlmMap({
    ...rest,
    redact: (text) => client.redact(text),
    work: async (record, index, tally) => {
      // A record that failed the source's check fails before any request (E_RECORD, 0 attempts), in its turn's place.
      const rejected = rejectionOf(record);
      if (rejected) throw rejected;
      return [withNarrative(record, await narrateRecord(record, groups, client, narrate, rngFor(seed, Stream.retry, index), tally), provider)];
    },
  });
}
