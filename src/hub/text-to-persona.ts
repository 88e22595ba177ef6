import { InputError } from '../errors.js';
import { askJson } from '../llm/ask-json.js';
import { textToPersonaMessages } from '../prompts/text-to-persona.js';
import { Stream, rngFor } from '../rng.js';
import type { LlmWork } from '../streams/llm-map.js';
import { type HubContext, hubRecord } from './context.js';
import { hubId } from './records.js';
import { truncateToTokens } from './truncate.js';

/**
 * Text-to-persona: one persona per corpus text. Items the corpus source marked unusable (empty, not text,
 * malformed) fail with E_INPUT and their `file:line`, so every corpus item ends as one persona or one failure.
 */
export function textToPersonaWork(ctx: HubContext, maxInputTokens: number): LlmWork {
  return async (item, index, tally) => {
    if (typeof item.problem === 'string') throw new InputError(`${String(item.where)}: ${item.problem}`);
    const sourceId = String(item.source_id);
    const cut = truncateToTokens(String(item.text), maxInputTokens);
    if (cut.truncated) ctx.counters.truncated++;
    const answer = await askJson(ctx.client, ctx.settings, textToPersonaMessages(cut.text, ctx.language), ctx.format, rngFor(ctx.seed, Stream.retry, index), tally);
    return [
      hubRecord(ctx, answer, { id: hubId(ctx.seed, `t2p\0${index}\0${sourceId}`), synth_method: 'text_to_persona', source_id: sourceId, parent_id: null, relation: null, depth: 0 }),
    ];
  };
}
