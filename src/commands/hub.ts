import { createReadStream } from 'node:fs';
import type { Checkpoint } from '../run-state/checkpoint.js';
import { loadResume, nothingToResume, runPlan, type RunOptions, startOf } from '../run/run-plan.js';
import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { createHubContext } from '../hub/context.js';
import { DomainTally, domainTable } from '../hub/domains.js';
import { personaToPersonaWork } from '../hub/persona-to-persona.js';
import { HUB_COLUMNS } from '../hub/records.js';
import { textToPersonaWork } from '../hub/text-to-persona.js';
import { chatClientFor, closeClient } from '../run/narrate-stage.js';
import { writeFileAtomic } from '../io/files.js';
import { fileOutputs } from '../run/outputs.js';
import type { Indexed } from '../run-state/record-index.js';
import { RunStats } from '../run-state/run-stats.js';
import { type Shard, shardTag } from '../run/shard.js';
import { createInputSource } from '../streams/input-source.js';
import { createLlmMap, type Rejection } from '../streams/llm-map.js';

export type HubMode = 'text-to-persona' | 'persona-to-persona';

const warn = (msg: string) => process.stderr.write(`gen-stream: warning: ${msg}\n`);

/** `<first file output>.domains.json`, or gen-stream.domains.json for stdout; a shard's carries its tag. */
function domainTablePath(loaded: LoadedConfig, shard: Shard | null | undefined): string {
  const first = fileOutputs(loaded.config)[0]?.replace(/\/+$/, '') ?? 'gen-stream';
  return `${first}${shard && !first.includes(shardTag(shard)) ? `.${shardTag(shard)}` : ''}.domains.json`;
}

/** The domain side of a Persona Hub run: caps at each input's turn, tallies saved in checkpoints, the table. */
export interface HubDomains {
  admit: (records: Indexed[]) => { kept: Indexed[]; rejected: Rejection[] };
  onWritten: (records: readonly Indexed[]) => void;
  domains: () => Record<string, number>;
  /** Writes `<out>.domains.json` and prints its summary (with `extra` appended). */
  finish: (quiet: boolean, extra: () => string) => Promise<void>;
}

/**
 * Domain buckets are capped at their turn, in input order (so a run is reproducible and a resume continues the
 * same counts); capped records go to the failure file as E_DOMAIN_CAP. The table of what was written is saved
 * next to the output.
 */
export function hubDomains(loaded: LoadedConfig, resume: Checkpoint | null, shard?: Shard | null): HubDomains {
  const cap = loaded.config.domains.maxPerDomain ?? null;
  const admitted = new DomainTally(resume?.domains ?? null);
  const written = new DomainTally(resume?.domains ?? null);
  let capped = 0;
  return {
    admit: (records) => {
      const kept: Indexed[] = [];
      const rejected: Rejection[] = [];
      for (const r of records) {
        const domain = String(r.domain);
        if (cap !== null && admitted.get(domain) >= cap) {
          capped++;
          rejected.push({ record: r, code: 'E_DOMAIN_CAP', message: `domain "${domain}" already holds ${cap} records (domains.maxPerDomain)` });
        } else {
          admitted.add(domain);
          kept.push(r);
        }
      }
      return { kept, rejected };
    },
    onWritten: (records) => {
      for (const r of records) written.add(String(r.domain));
    },
    domains: () => written.state(),
    finish: async (quiet, extra) => {
      const table = domainTable(written, cap);
      const path = domainTablePath(loaded, shard);
      await writeFileAtomic(path, `${JSON.stringify(table, null, 2)}\n`);
      if (quiet) return;
      const top = table.domains.slice(0, 5).map((d) => `${d.domain} ${d.count}`).join(', ');
      process.stderr.write(
        `gen-stream: ${table.records} records in ${table.buckets} domains (${path})${top ? `; top: ${top}` : ''}${capped ? `; ${capped} over the cap of ${cap}` : ''}${extra()}\n`,
      );
    },
  };
}

/**
 * `gen-stream text-to-persona` and `gen-stream persona-to-persona`: corpus texts or personas in (stdin or
 * --input), Persona Hub records out in the compact schema, through the ordered LLM stage, domains capped and
 * tabled (hubDomains).
 */
export async function runHub(loaded: LoadedConfig, options: RunOptions & { input?: string; retryFailed?: string }, mode: HubMode): Promise<number> {
  const { config } = loaded;
  const llm = config.llm;
  if (!llm) throw new UsageError(`${mode} needs an llm block (an OpenAI-compatible endpoint) in the config, or --llm-base-url and --llm-model`);
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume();
  const stats = new RunStats();
  const startOffset = startOf(resume, options);
  stats.taken = startOffset;
  const domains = hubDomains(loaded, resume, options.shard);
  const path = options.retryFailed ?? options.input;
  const name = path ?? '<stdin>';
  const input = path ? createReadStream(path) : process.stdin;
  const { hub } = config;
  let truncated = () => 0;

  const failedPath = options.failedPath ?? (options.retryFailed ? `${options.retryFailed}.retry.jsonl` : undefined);
  return runPlan(loaded, { ...options, failedPath }, stats, resume, {
    startOffset,
    ipf: null,
    columns: HUB_COLUMNS,
    onWritten: domains.onWritten,
    domains: domains.domains,
    head: (shouldStop) => [
      createInputSource(input, {
        name,
        failures: options.retryFailed !== undefined,
        corpus: mode === 'text-to-persona' ? { textField: hub.textField, idField: hub.idField } : undefined,
        // persona-to-persona makes up to K + … + K^D records per input: small input batches.
        batchSize: mode === 'persona-to-persona' ? 16 : undefined,
        shouldStop,
        skip: startOffset,
        stripe: options.shard ?? undefined,
        onEnd: (n) => (stats.taken = Math.max(stats.taken, n)),
      }),
    ],
    stage: (failures, onStop, stopSignal) => {
      const client = chatClientFor(llm, warn);
      const ctx = createHubContext(
        client,
        { model: llm.model, temperature: llm.temperature, maxTokens: llm.maxTokens, maxInvalidRetries: llm.maxInvalidRetries },
        llm.responseFormat,
        hub.language,
        config.seed,
        config.domains.synonyms,
        config.domains.builtInSynonyms,
      );
      truncated = () => ctx.counters.truncated;
      const work = mode === 'text-to-persona' ? textToPersonaWork(ctx, hub.maxInputTokens) : personaToPersonaWork(ctx, hub);
      const stage = createLlmMap({
        work,
        redact: (text) => client.redact(text),
        concurrency: llm.concurrency,
        window: llm.reorderWindow ?? 8 * llm.concurrency,
        failures,
        stats,
        price: llm.prices[llm.model],
        maxCost: llm.maxCost,
        admit: domains.admit,
        onStop,
        stopSignal,
      });
      return { stage, close: () => closeClient(client) };
    },
    finish: () => domains.finish(options.quiet, () => (truncated() ? `; ${truncated()} texts cut to ${hub.maxInputTokens} tokens` : '')),
  });
}
