import { type AnswerFormat, type AskSettings, answerFormat } from '../llm/ask-json.js';
import type { ChatClient } from '../llm/chat-client.js';
import { type HubAnswer, hubAnswerSchema, type HubLanguage } from '../prompts/hub-answer.js';
import { DomainNormaliser } from './domains.js';
import type { HubRecord, SynthMethod } from './records.js';

/** What both Persona Hub modes share: the client, the request settings, the answer format, the domain buckets. */
export interface HubContext {
  client: ChatClient;
  settings: AskSettings;
  format: AnswerFormat<HubAnswer>;
  language: HubLanguage;
  seed: number;
  normaliser: DomainNormaliser;
  /** Counts for the summary. */
  counters: { truncated: number };
}

export function createHubContext(
  client: ChatClient,
  settings: AskSettings,
  responseFormat: 'json_schema' | 'json_object',
  language: HubLanguage,
  seed: number,
  synonyms: Readonly<Record<string, readonly string[]>>,
  builtInSynonyms: boolean,
): HubContext {
  return {
    client,
    settings,
    format: answerFormat('persona', hubAnswerSchema, responseFormat),
    language,
    seed,
    normaliser: new DomainNormaliser(synonyms, builtInSynonyms),
    counters: { truncated: 0 },
  };
}

/** A record in the compact schema's column order. `domain` given: inherited; otherwise the answer's, normalised. */
export function hubRecord(
  ctx: Pick<HubContext, 'normaliser' | 'settings'>,
  answer: HubAnswer,
  fields: { id: string; synth_method: SynthMethod; source_id: string; parent_id: string | null; relation: string | null; depth: number; domain?: string },
): HubRecord {
  return {
    id: fields.id,
    persona: answer.persona.trim(),
    domain: fields.domain ?? ctx.normaliser.bucket(answer.domain),
    synth_method: fields.synth_method,
    confidence_score: answer.confidence_score,
    source_id: fields.source_id,
    parent_id: fields.parent_id,
    relation: fields.relation,
    depth: fields.depth,
    domain_raw: answer.domain,
    model: ctx.settings.model,
  };
}
