import { z } from 'zod';
import { LlmError } from '../errors.js';
import { fieldsSchema, type Narrative } from '../narrative/fields.js';
import { buildMessages } from '../prompts/messages.js';
import type { ChatMessage, Language, RequestGroup } from '../prompts/types.js';
import type { Rng } from '../rng.js';
import type { ChatClient, Usage } from './chat-client.js';

export interface NarrateOptions {
  model: string;
  temperature: number;
  maxTokens?: number;
  responseFormat: 'json_schema' | 'json_object';
  maxInvalidRetries: number;
  language: Language;
}

/** Counts for one record, kept up to date while it runs (so a failure can report its attempts too). */
export interface Tally {
  requests: number;
  retries: number;
  usage: Usage;
}

export const newTally = (): Tally => ({ requests: 0, retries: 0, usage: { promptTokens: 0, completionTokens: 0 } });

/** Per group: the validating schema and the JSON Schema sent to the model, built once. */
interface PreparedGroup {
  group: RequestGroup;
  schema: z.ZodObject<Record<string, z.ZodTypeAny>>;
  responseFormat: Record<string, unknown>;
  /** responseFormat serialised once: it is the same ~1 KB in every request of the group. */
  responseFormatJson: string;
}

/**
 * JSON Schema for response_format. Length and pattern keywords are dropped from what is sent: OpenAI's strict
 * mode rejects them, and we validate lengths ourselves anyway (the prompt states them).
 */
function wireSchema(schema: z.ZodTypeAny): Record<string, unknown> {
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) if (!['minLength', 'maxLength', 'pattern', '$schema', 'minItems', 'maxItems'].includes(k)) out[k] = strip(v);
      return out;
    }
    return node;
  };
  return strip(z.toJSONSchema(schema)) as Record<string, unknown>;
}

export function prepareGroups(groups: readonly RequestGroup[], responseFormat: 'json_schema' | 'json_object'): PreparedGroup[] {
  return groups.map((group) => {
    const schema = fieldsSchema(group.fields);
    const format =
      responseFormat === 'json_schema'
        ? { type: 'json_schema', json_schema: { name: `persona_${group.name}`, strict: true, schema: wireSchema(schema) } }
        : { type: 'json_object' };
    return { group, schema, responseFormat: format, responseFormatJson: JSON.stringify(format) };
  });
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** The prose must be about this person: it names them (first or last name, diacritics ignored). */
function namesPersona(narrative: Narrative, record: Readonly<Record<string, unknown>>, language: Language): string | null {
  if (language === 'ru') return null; // names are transliterated to Cyrillic; not checkable by substring
  const names = [record.first_name, record.last_name].filter((n): n is string => typeof n === 'string' && n !== '').map(fold);
  if (!names.length) return null;
  const raw = [record.first_name, record.last_name].filter((n): n is string => typeof n === 'string' && n !== '');
  for (const field of ['descriere_generala', 'cultural_background', 'persona_summary'] as const) {
    const text = narrative[field];
    if (typeof text !== 'string' || raw.some((n) => text.includes(n))) continue; // the common case, without folding
    if (!names.some((n) => fold(text).includes(n))) return `${field} does not name the persona (${String(record.name)})`;
  }
  return null;
}

function validate(content: string, prepared: PreparedGroup, record: Readonly<Record<string, unknown>>, language: Language): { ok: Narrative } | { error: string } {
  let json: unknown;
  try {
    const trimmed = content.trim();
    // Some servers wrap JSON in a markdown fence despite response_format.
    json = JSON.parse(trimmed.startsWith('```') ? trimmed.replace(/^```(?:json)?\s*/, '').replace(/\s*```$/, '') : trimmed);
  } catch (err) {
    return { error: `not valid JSON (${(err as Error).message})` };
  }
  const parsed = prepared.schema.safeParse(json);
  if (!parsed.success) return { error: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
  const narrative = parsed.data as Narrative;
  const nameProblem = namesPersona(narrative, record, language);
  return nameProblem ? { error: nameProblem } : { ok: narrative };
}

/**
 * Writes one record's narratives, one request per group. An answer that fails validation is retried with the
 * validation error fed back, up to maxInvalidRetries extra requests per group; then the record fails
 * (E_LLM_INVALID). Transport failures come from the client, already retried.
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
    const messages: ChatMessage[] = buildMessages(prepared.group, record, options.language);
    let lastError = '';
    let done = false;
    for (let attempt = 0; attempt <= options.maxInvalidRetries && !done; attempt++) {
      const head = JSON.stringify({ model: options.model, messages, temperature: options.temperature, ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}) });
      const body = `${head.slice(0, -1)},"response_format":${prepared.responseFormatJson}}`;
      let content: string;
      try {
        const completion = await client.complete(body, rng, tally);
        tally.usage.promptTokens += completion.usage.promptTokens;
        tally.usage.completionTokens += completion.usage.completionTokens;
        content = completion.content;
      } catch (err) {
        // A 200 whose body is not a completion: ask again, there is nothing to feed back.
        if (err instanceof LlmError && err.code === 'E_LLM_INVALID') {
          lastError = err.message;
          continue;
        }
        throw err;
      }
      const result = validate(content, prepared, record, options.language);
      if ('ok' in result) {
        Object.assign(narrative, result.ok);
        done = true;
      } else {
        lastError = result.error;
        messages.push(
          { role: 'assistant', content: content.slice(0, 8000) },
          { role: 'user', content: `That answer was invalid: ${result.error}. Return the corrected JSON object only.` },
        );
      }
    }
    if (!done) {
      throw new LlmError('E_LLM_INVALID', `group "${prepared.group.name}": no valid answer after ${options.maxInvalidRetries + 1} tries; last problem: ${client.redact(lastError)}`);
    }
  }
  return narrative;
}
