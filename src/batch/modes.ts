import type { z } from 'zod';
import { askSettingsOf } from '../llm/client-for.js';
import type { Config } from '../config.js';
import { InputError, LlmError } from '../errors.js';
import { DomainNormaliser } from '../hub/domains.js';
import { assertUsable, isUsable, textToPersonaQuestion, textToPersonaRecord } from '../hub/text-to-persona.js';
import { type AnswerFormat, type AskSettings, answerFormat, checkAnswer, requestBody } from '../llm/ask-json.js';
import { assertJudgeable, judgeFormat, judgeRow, judgeSettings } from '../llm/judge-record.js';
import { namesPersona, prepareGroups } from '../llm/narrate-record.js';
import { judgeMessages } from '../prompts/judge.js';
import type { Narrative } from '../narrative/fields.js';
import { withNarrative } from '../narrative/with-narrative.js';
import { type HubAnswer, hubAnswerSchema } from '../prompts/hub-answer.js';
import { buildMessages, requestGroups } from '../prompts/messages.js';
import type { ChatMessage } from '../prompts/types.js';
import { type Indexed, positionOf } from '../run-state/record-index.js';
import { customId } from './custom-id.js';
import type { BatchMode } from './manifest.js';

/** One request line of a Batch API file: its custom_id, the request group it answers, the body as JSON text. */
export interface BatchRequest {
  id: string;
  group: string;
  body: string;
  /** Prompt tokens, estimated from the messages (~4 characters a token), for the export's summary. */
  tokens: number;
}

// The rule of thumb of ~4 characters a token: a summary figure (the tokenizer-free estimate of hub/truncate.ts
// would cost more than building the request).
const tokensOf = (messages: readonly ChatMessage[]) => messages.reduce((n, m) => n + Math.ceil(m.content.length / 4), 0);

/**
 * What a mode asks and how it reads the answers. `requests` builds exactly the bodies the online path sends
 * first (same `requestBody`), and `build` validates answers exactly as the online path does (same schemas
 * and checks) and makes the same records — the batch path differs only in having no second try with the
 * problem fed back.
 */
export interface BatchCodec {
  requests(record: Indexed, index: number): BatchRequest[];
  /** `answers`: the content of each request's answer, in request order. Throws when a record cannot be made. */
  build(record: Indexed, index: number, answers: readonly string[]): Record<string, unknown>[];
}

function settingsOf(config: Config): AskSettings {
  const llm = config.llm;
  if (!llm) throw new InputError('batch files need an llm block in the config (at least llm.model)');
  return askSettingsOf(llm, false);
}

const invalid = (format: AnswerFormat<unknown>, problem: string) => new LlmError('E_LLM_INVALID', `"${format.name}": invalid answer (batch results get no second try): ${problem}`);

function narrateCodec(config: Config): BatchCodec {
  const settings = settingsOf(config);
  const llm = config.llm!;
  const language = config.narrative.language;
  const groups = prepareGroups(requestGroups(llm.grouping), llm.responseFormat);
  const provider = `llm:${llm.model}`;
  return {
    requests: (record, index) =>
      groups.map(({ group, format }) => {
        const messages = buildMessages(group, record, language);
        const body = requestBody(settings, messages, format);
        return { id: customId(index, group.name, body), group: group.name, body, tokens: tokensOf(messages) };
      }),
    build: (record, _index, answers) => {
      const narrative: Narrative = {};
      groups.forEach(({ format }, i) => {
        const checked = checkAnswer(format, answers[i], (n) => namesPersona(n, record, language));
        if ('problem' in checked) throw invalid(format as AnswerFormat<unknown>, checked.problem);
        Object.assign(narrative, checked.answer);
      });
      return [withNarrative(record, narrative, provider)];
    },
  };
}

function textToPersonaCodec(config: Config): BatchCodec {
  const settings = settingsOf(config);
  const llm = config.llm!;
  const { hub } = config;
  const format = answerFormat('persona', hubAnswerSchema as z.ZodType<HubAnswer>, llm.responseFormat);
  const ctx = { settings, normaliser: new DomainNormaliser(config.domains.synonyms, config.domains.builtInSynonyms) };
  return {
    // An unusable corpus item asks nothing; at import it fails with E_INPUT and its place, as online.
    requests: (item, index) => {
      if (!isUsable(item)) return [];
      const { messages } = textToPersonaQuestion(item, hub.maxInputTokens, hub.language);
      const body = requestBody(settings, messages, format);
      return [{ id: customId(index, 'persona', body), group: 'persona', body, tokens: tokensOf(messages) }];
    },
    build: (item, _index, answers) => {
      assertUsable(item);
      const checked = checkAnswer(format, answers[0], () => null);
      if ('problem' in checked) throw invalid(format as AnswerFormat<unknown>, checked.problem);
      return [textToPersonaRecord(ctx, config.seed, checked.answer, positionOf(item), item)];
    },
  };
}

function judgeCodec(config: Config): BatchCodec {
  const settings = judgeSettings(settingsOf(config));
  const format = judgeFormat(config.llm!.responseFormat);
  const language = config.narrative.language;
  return {
    // A record the judge cannot score asks nothing; at import it fails with E_INPUT, as online.
    requests: (record, index) => {
      try {
        assertJudgeable(record);
      } catch {
        return [];
      }
      const messages = judgeMessages(record, language);
      const body = requestBody(settings, messages, format);
      return [{ id: customId(index, 'judge', body), group: 'judge', body, tokens: tokensOf(messages) }];
    },
    build: (record, _index, answers) => {
      assertJudgeable(record);
      const checked = checkAnswer(format, answers[0], () => null);
      if ('problem' in checked) throw invalid(format as AnswerFormat<unknown>, checked.problem);
      return [judgeRow(record, settings.model, checked.answer)];
    },
  };
}

export function batchCodec(config: Config, mode: BatchMode): BatchCodec {
  if (mode === 'judge') return judgeCodec(config);
  return mode === 'narrate' ? narrateCodec(config) : textToPersonaCodec(config);
}
