import type { z } from 'zod';
import { fieldsSchema, type Narrative } from '../narrative/fields.js';
import { buildMessages } from '../prompts/messages.js';
import type { Language, RequestGroup } from '../prompts/types.js';
import type { Rng } from '../generator/rng.js';
import { type AnswerFormat, type AskSettings, answerFormat, askJson, type Tally } from './ask-json.js';
import type { ChatClient } from './chat-client.js';

export { newTally, type Tally } from './ask-json.js';

export interface NarrateOptions extends AskSettings {
  responseFormat: 'json_schema' | 'json_object';
  language: Language;
}

/** Per group: the validating schema and the response_format sent to the model, built once. */
export interface PreparedGroup {
  group: RequestGroup;
  format: AnswerFormat<Narrative>;
}

export function prepareGroups(groups: readonly RequestGroup[], responseFormat: 'json_schema' | 'json_object'): PreparedGroup[] {
  return groups.map((group) => {
    return { group, format: answerFormat(`persona_${group.name}`, fieldsSchema(group.fields) as z.ZodType<Narrative>, responseFormat) };
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The prose must be about this person: it names them (first or last name, diacritics ignored). */
export function namesPersona(narrative: Narrative, record: Readonly<Record<string, unknown>>, language: Language): string | null {
  if (language === 'ru') return null; // names are transliterated to Cyrillic; not checkable by substring
  const raw = [record.first_name, record.last_name].filter((n): n is string => typeof n === 'string' && n !== '');
  if (!raw.length) return null;
  const names = raw.map(fold);
  for (const field of ['descriere_generala', 'cultural_background', 'persona_summary'] as const) {
    const text = narrative[field];
    if (typeof text !== 'string' || raw.some((n) => text.includes(n))) continue; // the common case, without folding
    if (!names.some((n) => fold(text).includes(n))) return `${field} does not name the persona (${String(record.name)})`;
  }
  return null;
}

/**
 * Writes one record's narratives, one request per group, each validated (schema, and the prose names the
 * person) and asked again with the problem fed back when invalid (askJson).
 */
export async function narrateRecord(
  record: Readonly<Record<string, unknown>>,
  groups: readonly PreparedGroup[],
  client: ChatClient,
  options: NarrateOptions,
  rng: Rng,
  tally: Tally,
): Promise<Narrative> {
  const narrative: Narrative = {};
  for (const prepared of groups) {
    const answer = await askJson(client, options, buildMessages(prepared.group, record, options.language), prepared.format, rng, tally, (n) =>
      namesPersona(n, record, options.language),
    );
    Object.assign(narrative, answer);
  }
  return narrative;
}
