/**
 * The LLM judge of one narrated record: the rubric's answer schema (zod, from JUDGE_CRITERIA), the question
 * asked through the pooled client with invalid answers fed back (askJson), and the flat row written to the
 * side file: id, model, then `<criterion>` (1–5) and `<criterion>_reason` for each criterion.
 */
import { z } from 'zod';
import type { Rng } from '../generator/rng.js';
import { JUDGE_CRITERIA, judgeMessages } from '../prompts/judge.js';
import type { Language } from '../prompts/types.js';
import type { Column } from '../writers/columns.js';
import { InputError } from '../errors.js';
import { NARRATIVE_FIELDS } from '../narrative/fields.js';
import { type AnswerFormat, type AskSettings, answerFormat, askJson, type Tally } from './ask-json.js';
import type { ChatClient } from './chat-client.js';

const SCORE = z.strictObject({ score: z.number().int().min(1).max(5), reason: z.string().min(1).max(300) });

/** The answer the model must return: every criterion, `{score, reason}`. */
export const JUDGE_SCHEMA = z.strictObject(Object.fromEntries(JUDGE_CRITERIA.map((c) => [c.name, SCORE])) as Record<string, typeof SCORE>);
export type JudgeAnswer = z.infer<typeof JUDGE_SCHEMA>;

/** The side file's columns (Arrow, Parquet, CSV header), declared from the rubric. */
export const JUDGE_COLUMNS: readonly Column[] = [
  { name: 'id', type: 'utf8', nullable: false, doc: 'the judged record\'s id' },
  { name: 'judge_model', type: 'utf8', nullable: false, doc: 'the model that scored it' },
  ...JUDGE_CRITERIA.flatMap((c): Column[] => [
    { name: c.name, type: 'int64', nullable: false, doc: `1–5: ${c.asks}` },
    { name: `${c.name}_reason`, type: 'utf8', nullable: false, doc: 'one line: what decided the score' },
  ]),
];

/** A record the judge can score: an id to key the side file by, and at least one narrative field (else E_INPUT). */
export function assertJudgeable(record: Readonly<Record<string, unknown>>): void {
  if (typeof record.id !== 'string' || !record.id) throw new InputError('record has no id: the judge side file is keyed by id');
  if (!NARRATIVE_FIELDS.some((f) => record[f] !== undefined)) throw new InputError(`record ${record.id} has no narrative fields to judge`);
}

/** The judge's request settings: the run's model at temperature 0 (the same record, the same scores as far as the model allows). */
export const judgeSettings = (settings: AskSettings): AskSettings => ({ ...settings, temperature: 0 });

/** The side file's row of one answer. */
export function judgeRow(record: Readonly<Record<string, unknown>>, model: string, answer: JudgeAnswer): Record<string, unknown> {
  const row: Record<string, unknown> = { id: record.id, judge_model: model };
  for (const c of JUDGE_CRITERIA) {
    row[c.name] = answer[c.name].score;
    row[`${c.name}_reason`] = answer[c.name].reason.replace(/\s+/g, ' ').trim();
  }
  return row;
}

export const judgeFormat = (mode: 'json_schema' | 'json_object'): AnswerFormat<JudgeAnswer> => answerFormat('persona_judge', JUDGE_SCHEMA, mode);

/** Scores one record; its row for the side file. */
export async function judgeRecord(
  record: Readonly<Record<string, unknown>>,
  client: ChatClient,
  settings: AskSettings & { language: Language; format: AnswerFormat<JudgeAnswer> },
  rng: Rng,
  tally: Tally,
): Promise<Record<string, unknown>> {
  assertJudgeable(record);
  return judgeRow(record, settings.model, await askJson(client, settings, judgeMessages(record, settings.language), settings.format, rng, tally));
}
