import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { createHubContext } from '../hub/context.js';
import { personaToPersonaWork } from '../hub/persona-to-persona.js';
import { HUB_COLUMNS } from '../hub/records.js';
import { textToPersonaWork } from '../hub/text-to-persona.js';
import { askSettingsOf, chatClientFor, closeClient } from '../llm/client-for.js';
import { createLlmMap } from '../streams/llm-map.js';
import { artifactsOf } from './artifacts.js';
import { hubDomains } from './hub-domains.js';
import { failedPathFor, openInput } from './input.js';
import { llmStageOptions, warn } from './narrate-stage.js';
import { inputDigestFor, loadResume, nothingToResume, startOf } from './resume.js';
import type { InputOptions, RunOptions } from './run-options.js';
import { recordHead } from './record-head.js';
import { runPlan } from './run-plan.js';

export type HubMode = 'text-to-persona' | 'persona-to-persona';

/**
 * `gen-stream text-to-persona` and `gen-stream persona-to-persona`: corpus texts or personas in (stdin or
 * --input), Persona Hub records out in the compact schema, through the ordered LLM stage, domains capped and
 * tabled (hubDomains).
 */
export async function runHub(loaded: LoadedConfig, given: RunOptions & InputOptions, mode: HubMode): Promise<number> {
  const options = { ...given, family: mode };
  const { config } = loaded;
  const { llm, hub } = config;
  if (!llm) throw new UsageError(`${mode} needs an llm block (an OpenAI-compatible endpoint) in the config, or --llm-base-url and --llm-model`);
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume(options.quiet);
  const startOffset = startOf(resume, options);
  const domains = hubDomains(loaded, resume, artifactsOf(config, options).domainTable);
  const input = openInput(options);
  const digest = inputDigestFor(loaded, options, resume, input.name);
  let truncated = () => 0;
  return runPlan(loaded, { ...options, failedPath: failedPathFor(options.failedPath, options) }, resume, {
    startOffset,
    input: digest,
    ipf: null,
    columns: HUB_COLUMNS,
    onWritten: domains.onWritten,
    domains: domains.domains,
    head: recordHead(input, options, startOffset, digest, {
      corpus: mode === 'text-to-persona' ? { textField: hub.textField, idField: hub.idField } : undefined,
      // persona-to-persona makes up to K + … + K^D records per input: small input batches.
      batchSize: mode === 'persona-to-persona' ? 16 : undefined,
    }),
    stage: (stageCtx) => {
      const client = chatClientFor(llm, warn);
      const ctx = createHubContext(client, askSettingsOf(llm), llm.responseFormat, hub.language, config.seed, config.domains.synonyms, config.domains.builtInSynonyms);
      truncated = () => ctx.counters.truncated;
      const work = mode === 'text-to-persona' ? textToPersonaWork(ctx, hub.maxInputTokens) : personaToPersonaWork(ctx, hub);
      const stage = createLlmMap({ work, redact: (text) => client.redact(text), ...llmStageOptions(llm, stageCtx), admit: domains.admit });
      return { stage, close: () => closeClient(client, options.quiet) };
    },
    finish: () => domains.finish(options.quiet, () => (truncated() ? `; ${truncated()} texts cut to ${hub.maxInputTokens} tokens` : '')),
  });
}
