import type { Duplex, Transform } from 'node:stream';
import { breakerRuleOf, type Config } from '../config.js';
import { UsageError } from '../errors.js';
import { askSettingsOf, chatClientFor, closeClient } from '../llm/client-for.js';
import { prepareGroups } from '../llm/narrate-record.js';
import { requestGroups } from '../prompts/messages.js';
import { createNarrateLlm } from '../streams/narrate-llm.js';
import { createNarrateTemplate } from '../streams/narrate-template.js';
import type { StageContext } from './run-plan.js';

/** A plan's record stage and what it holds open. */
export interface NarrateStage {
  stage: Transform | Duplex;
  /** Releases sockets; call after the pipeline ends, whatever its outcome. */
  close(): Promise<void>;
}

export const warn = (msg: string): void => void process.stderr.write(`gen-stream: warning: ${msg}\n`);

/** The reorder window of an LLM stage: the configured one, else 8 records per request in flight. */
export const windowOf = (llm: NonNullable<Config['llm']>): number => llm.reorderWindow ?? 8 * llm.concurrency;

/** What every LLM stage of a run takes from the llm block and the runner: bounds, window, failures, cost cap, stops, breaker. */
export function llmStageOptions(llm: NonNullable<Config['llm']>, ctx: StageContext) {
  return {
    concurrency: llm.concurrency,
    window: windowOf(llm),
    failures: ctx.failures,
    signal: ctx.signal,
    interrupt: ctx.interrupt,
    deadline: ctx.deadline,
    price: llm.prices[llm.model],
    maxCost: llm.maxCost,
    costSoFar: ctx.costSoFar,
    breaker: breakerRuleOf(llm),
  };
}

/** The narrative stage a config asks for: the LLM when an `llm` block is present, else the template narrator. */
export function createNarrateStage(config: Config, ctx: StageContext): NarrateStage {
  const language = config.narrative.language;
  const llm = config.llm;
  if (!llm) {
    if (language === 'ru') throw new UsageError('narrative.language "ru" needs an llm block: the offline template narrator writes ro and en');
    return { stage: createNarrateTemplate(language, ctx.failures), close: async () => {} };
  }
  const client = chatClientFor(llm, warn);
  const stage = createNarrateLlm({
    client,
    groups: prepareGroups(requestGroups(llm.grouping), llm.responseFormat),
    narrate: { ...askSettingsOf(llm), responseFormat: llm.responseFormat, language, repair: config.narrative.repair },
    ...llmStageOptions(llm, ctx),
    provider: `llm:${llm.model}`,
    seed: config.seed,
  });
  return { stage, close: () => closeClient(client, ctx.quiet) };
}
