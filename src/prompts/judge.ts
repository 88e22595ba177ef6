/**
 * The LLM judge's prompt: one persona's facts and narratives in, a rubric scored 1–5 with a one-line reason per
 * criterion out. The rubric is data (JUDGE_CRITERIA): the prompt, the answer schema and the output columns are all
 * derived from it, so a criterion is added in one place.
 */
import { NARRATIVE_FIELDS } from '../narrative/fields.js';
import { personaFacts } from './persona-facts.js';
import type { ChatMessage, Language } from './types.js';

export const JUDGE_CRITERIA = [
  { name: 'coherence', asks: 'Do the narratives agree with the facts and with each other (age, sex and grammatical gender, marital status, work now, education, place, language, religion)? 5: no contradiction at all; 1: contradicts a fact.' },
  { name: 'specificity', asks: 'Are the narratives about this person, with concrete details of their life, rather than generic phrases that would fit anyone? 5: vivid and particular; 1: boilerplate.' },
  { name: 'cultural_plausibility', asks: 'Is the life described plausible for this place, community and generation in the Republic of Moldova? 5: fully plausible; 1: implausible or stereotyped.' },
  { name: 'language_correctness', asks: 'Is the text correct in its language (grammar, agreement, diacritics, natural phrasing)? 5: flawless; 1: many errors.' },
] as const;

export type JudgeCriterion = (typeof JUDGE_CRITERIA)[number]['name'];

const LANGUAGE_NAMES: Record<Language, string> = { ro: 'Romanian', en: 'English', ru: 'Russian' };

/** System + user messages asking for the rubric of one narrated record. */
export function judgeMessages(record: Readonly<Record<string, unknown>>, language: Language): ChatMessage[] {
  const narratives: Record<string, unknown> = {};
  for (const f of NARRATIVE_FIELDS) if (record[f] !== undefined) narratives[f] = record[f];
  const rubric = JUDGE_CRITERIA.map((c) => `- "${c.name}": ${c.asks}`).join('\n');
  const system =
    'You review synthetic persona records for a dataset of people living in the Republic of Moldova. You are strict and ' +
    'fair: you score what is written, quote nothing at length, and answer with one JSON object and nothing else.';
  const user =
    `Persona facts (JSON):\n${personaFacts(record)}\n\n` +
    `Narratives to review (JSON, written in ${LANGUAGE_NAMES[language]}):\n${JSON.stringify(narratives, null, 1)}\n\n` +
    `Score each criterion from 1 to 5 (whole numbers) and give a one-line reason (at most 200 characters) naming what decided it:\n${rubric}\n` +
    'Return a JSON object whose keys are the criteria, each {"score": n, "reason": "..."}.';
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
