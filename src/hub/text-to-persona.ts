import { InputError } from '../errors.js';
import { askJson } from '../llm/ask-json.js';
import type { ChatMessage } from '../prompts/types.js';
import type { HubAnswer, HubLanguage } from '../prompts/hub-answer.js';
import { textToPersonaMessages } from '../prompts/text-to-persona.js';
import { type Indexed, positionOf } from '../run-state/record-index.js';
import { Stream, rngFor } from '../generator/rng.js';
import type { LlmWork } from '../streams/llm-map.js';
import { type HubContext, hubRecord } from './context.js';
import { type HubRecord, hubId } from './records.js';
import { truncateToTokens } from './truncate.js';

/** False for items the corpus source marked unusable (empty, not text, malformed): they get no request. */
export const isUsable = (item: Indexed): boolean => typeof item.problem !== 'string';

/** Unusable items fail with E_INPUT and their `file:line`. */
export function assertUsable(item: Indexed): void {
  if (!isUsable(item)) throw new InputError(`${String(item.where)}: ${String(item.problem)}`);
}

/** The question for one corpus item: its text cut to the token budget, fenced in the prompt. */
export function textToPersonaQuestion(item: Indexed, maxInputTokens: number, language: HubLanguage): { messages: ChatMessage[]; truncated: boolean } {
  const cut = truncateToTokens(String(item.text), maxInputTokens);
  return { messages: textToPersonaMessages(cut.text, language), truncated: cut.truncated };
}

/** The record for an answer about the corpus item at input position `index` (its id is named by both). */
export function textToPersonaRecord(ctx: Pick<HubContext, 'normaliser' | 'settings'>, seed: number, answer: HubAnswer, index: number, item: Indexed): HubRecord {
  const sourceId = String(item.source_id);
  return hubRecord(ctx, answer, { id: hubId(seed, `t2p\0${index}\0${sourceId}`), synth_method: 'text_to_persona', source_id: sourceId, parent_id: null, relation: null, depth: 0 });
}

/** Text-to-persona: one persona per corpus text, so every corpus item ends as one persona or one failure. */
export function textToPersonaWork(ctx: HubContext, maxInputTokens: number): LlmWork {
  return async (item, _index, tally) => {
    assertUsable(item);
    // Named by the place in the whole corpus, so a shard (every n-th text) makes a one-process run's records.
    const index = positionOf(item);
    const question = textToPersonaQuestion(item, maxInputTokens, ctx.language);
    if (question.truncated) ctx.counters.truncated++;
    const answer = await askJson(ctx.client, ctx.settings, question.messages, ctx.format, rngFor(ctx.seed, Stream.retry, index), tally);
    return [textToPersonaRecord(ctx, ctx.seed, answer, index, item)];
  };
}
