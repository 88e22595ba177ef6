import { z } from 'zod';
import { LlmError } from '../errors.js';
import type { ChatMessage } from '../prompts/types.js';
import type { Rng } from '../generator/rng.js';
import { type AttemptCounter, type ChatClient, stoppedError, type Usage } from './chat-client.js';

/**
 * Counts for one input record, kept up to date while it runs (so a failure can report its attempts too). It is
 * the client's attempt counter for every request of the record, so the stops it carries apply to all of them.
 */
export interface Tally extends AttemptCounter {
  usage: Usage;
}

export const newTally = (): Tally => ({ requests: 0, retries: 0, usage: { promptTokens: 0, completionTokens: 0 } });

/** The model settings every JSON request shares. */
export interface AskSettings {
  model: string;
  temperature: number;
  maxTokens?: number;
  maxInvalidRetries: number;
}

/** A zod schema prepared for the wire once: the JSON Schema sent as response_format, serialised. */
export interface AnswerFormat<T> {
  name: string;
  schema: z.ZodType<T>;
  /** The response_format object, for callers that build requests themselves. */
  responseFormat: Record<string, unknown>;
  /** The same as JSON text (the same ~1 KB in every request, so serialised once). */
  responseFormatJson: string;
}

/**
 * JSON Schema for response_format. Length, range and pattern keywords are dropped from what is sent: OpenAI's
 * strict mode rejects them, and we validate them ourselves anyway (the prompt states them).
 */
function wireSchema(schema: z.ZodType): Record<string, unknown> {
  const dropped = new Set(['minLength', 'maxLength', 'pattern', '$schema', 'minItems', 'maxItems', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) if (!dropped.has(k)) out[k] = strip(v);
      return out;
    }
    return node;
  };
  return strip(z.toJSONSchema(schema)) as Record<string, unknown>;
}

export function answerFormat<T>(name: string, schema: z.ZodType<T>, mode: 'json_schema' | 'json_object'): AnswerFormat<T> {
  const format = mode === 'json_schema' ? { type: 'json_schema', json_schema: { name, strict: true, schema: wireSchema(schema) } } : { type: 'json_object' };
  return { name, schema, responseFormat: format, responseFormatJson: JSON.stringify(format) };
}

/** Some servers wrap JSON in a markdown fence despite response_format. */
function parseAnswer(content: string): unknown {
  const trimmed = content.trim();
  return JSON.parse(trimmed.startsWith('```') ? trimmed.replace(/^```(?:json)?\s*/, '').replace(/\s*```$/, '') : trimmed);
}

/**
 * The request body of one JSON question, as text: what the online client sends and what a Batch API request
 * line carries, byte for byte (so both paths ask the same question).
 */
export function requestBody<T>(settings: Omit<AskSettings, 'maxInvalidRetries'>, messages: readonly ChatMessage[], format: AnswerFormat<T>): string {
  const head = JSON.stringify({ model: settings.model, messages, temperature: settings.temperature, ...(settings.maxTokens ? { max_tokens: settings.maxTokens } : {}) });
  return `${head.slice(0, -1)},"response_format":${format.responseFormatJson}}`;
}

/** Validates a model's answer text by the format's schema and by `check`: the answer, or the problem. */
export function checkAnswer<T>(format: AnswerFormat<T>, content: string, check: (answer: T) => string | null): { answer: T } | { problem: string } {
  try {
    const parsed = format.schema.safeParse(parseAnswer(content));
    if (!parsed.success) return { problem: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') };
    const problem = check(parsed.data);
    return problem === null ? { answer: parsed.data } : { problem };
  } catch (err) {
    return { problem: `not valid JSON (${(err as Error).message})` };
  }
}

/**
 * One JSON answer from the model, validated by the format's schema and by `check` (a semantic rule: returns a
 * problem or null). An invalid answer is asked again with the problem fed back, up to maxInvalidRetries extra
 * requests; then E_LLM_INVALID. Transport failures come from the client, already retried.
 */
export async function askJson<T>(
  client: ChatClient,
  settings: AskSettings,
  messages: ChatMessage[],
  format: AnswerFormat<T>,
  rng: Rng,
  tally: Tally,
  check: (answer: T) => string | null = () => null,
): Promise<T> {
  let lastError = '';
  for (let attempt = 0; attempt <= settings.maxInvalidRetries; attempt++) {
    // Asking again is a retry: none after the run's first signal.
    if (attempt > 0 && tally.noRetry?.aborted) throw stoppedError(tally, tally.requests, client.redact(lastError));
    const body = requestBody(settings, messages, format);
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
    const checked = checkAnswer(format, content, check);
    if ('answer' in checked) return checked.answer;
    lastError = checked.problem;
    messages = [
      ...messages,
      { role: 'assistant', content: content.slice(0, 8000) },
      { role: 'user', content: `That answer was invalid: ${checked.problem}. Return the corrected JSON object only.` },
    ];
  }
  throw new LlmError('E_LLM_INVALID', `"${format.name}": no valid answer after ${settings.maxInvalidRetries + 1} tries; last problem: ${client.redact(lastError)}`);
}
