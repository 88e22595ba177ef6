import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Config } from '../config.js';
import { InputError, UsageError } from '../errors.js';

export type BatchMode = 'narrate' | 'text-to-persona' | 'judge';
export const BATCH_MODES: readonly BatchMode[] = ['narrate', 'text-to-persona', 'judge'];

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'gen-stream-batch/1';

const partSchema = z.strictObject({
  /** The file to upload (purpose "batch"); null when no input of the part needed a request. */
  requests: z.string().nullable(),
  /** What import needs of each input, in input order: position, its custom_ids, the record or corpus item. */
  inputs: z.string(),
  /** Input positions [first, end). */
  first: z.number().int().min(0),
  end: z.number().int().min(0),
  count: z.number().int().min(0),
  bytes: z.number().int().min(0),
  sha256: z.string().nullable(),
});

export const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  mode: z.enum(['narrate', 'text-to-persona', 'judge']),
  /** Hash of every setting that shapes a request; import refuses a config that would not have asked the same. */
  fingerprint: z.string(),
  model: z.string(),
  url: z.string(),
  /** The config value the export ran with (no secrets: keys live in the environment), reused by import. */
  config: z.unknown(),
  inputs: z.number().int().min(0),
  requests: z.number().int().min(0),
  withoutRequest: z.number().int().min(0),
  estimatedPromptTokens: z.number().int().min(0),
  limits: z.strictObject({ maxRequests: z.number().int(), maxBytes: z.number().int() }),
  parts: z.array(partSchema),
});

export type BatchManifest = z.infer<typeof manifestSchema>;
export type BatchPart = z.infer<typeof partSchema>;

/** The settings that decide what a request says, per mode (not where it goes, nor how outputs are written). */
export function requestFingerprint(config: Config, mode: BatchMode): string {
  const llm = config.llm;
  const shape = {
    mode,
    seed: config.seed,
    model: llm?.model,
    temperature: llm?.temperature,
    maxTokens: llm?.maxTokens ?? null,
    responseFormat: llm?.responseFormat,
    ...(mode === 'narrate' || mode === 'judge'
      ? { grouping: mode === 'narrate' ? llm?.grouping : null, language: config.narrative.language }
      : { language: config.hub.language, maxInputTokens: config.hub.maxInputTokens, textField: config.hub.textField, idField: config.hub.idField }),
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex');
}

export async function readManifest(dir: string): Promise<BatchManifest> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--batch ${dir}: no ${MANIFEST_FILE} (${code ?? (err as Error).message}); is this a directory written by gen-stream batch-export?`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${path}: malformed JSON: ${(err as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw new InputError(`${path}: not a gen-stream batch manifest (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return parsed.data;
}
