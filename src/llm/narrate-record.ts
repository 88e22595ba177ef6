import type { z } from 'zod';
import { auditRecord } from '../coherence/audit.js';
import type { Contradiction } from '../coherence/types.js';
import { IncoherentError } from '../errors.js';
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
  /** Repair rounds for text the coherence audit finds contradicting the record (config narrative.repair); 0: no audit. */
  repair?: number;
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
  const ask = async (prepared: PreparedGroup, note?: string) => {
    const messages = buildMessages(prepared.group, record, options.language);
    if (note) messages.push({ role: 'user', content: note });
    Object.assign(narrative, await askJson(client, options, messages, prepared.format, rng, tally, (n) => namesPersona(n, record, options.language)));
  };
  for (const prepared of groups) await ask(prepared);
  const rounds = options.repair ?? 0;
  if (rounds === 0) return narrative;
  // Repair: a group whose fields contradict the record is asked again, told what it contradicted, up to `rounds` times.
  for (let round = 0; ; round++) {
    // Each field's language read off its text: a model that answers in another language is still checked.
    const found = auditRecord({ ...record, ...narrative }, 'detect');
    if (!found.length) return narrative;
    if (round === rounds) throw new IncoherentError(`narratives still contradict the record after ${rounds} repair round(s): ${describeContradictions(found)}`);
    for (const prepared of groups) {
      const mine = found.filter((c) => (prepared.group.fields as readonly string[]).includes(c.field));
      if (mine.length) await ask(prepared, repairNote(mine));
    }
  }
}

const describeContradictions = (found: readonly Contradiction[]): string =>
  found
    .slice(0, 5)
    .map((c) => `${c.field}: "${c.span}" (${c.rule}; the record says ${c.expected})`)
    .join('; ');

/** The message a repair round adds: what the last answer said that the facts contradict. */
export function repairNote(found: readonly Contradiction[]): string {
  return `Your previous answer contradicted the persona facts: ${describeContradictions(found)}. Write the JSON object again so that nothing contradicts the facts above.`;
}
