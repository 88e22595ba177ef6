import { z } from 'zod';

/** Languages of the Persona Hub prompts: English, or Indian English with India as the default setting. */
export type HubLanguage = 'en' | 'en-IN';

export const PERSONA_CHARS = { min: 80, max: 1500 } as const;

/** What both Persona Hub prompts ask for, and how the answer is checked. */
export const hubAnswerSchema = z.strictObject({
  persona: z
    .string()
    .min(PERSONA_CHARS.min, `persona must have at least ${PERSONA_CHARS.min} characters`)
    .max(PERSONA_CHARS.max, `persona must have at most ${PERSONA_CHARS.max} characters`),
  domain: z.string().min(1, 'domain must not be empty').max(60, 'domain must be a short label (at most 60 characters)'),
  confidence_score: z.number().min(0, 'confidence_score must be between 0 and 1').max(1, 'confidence_score must be between 0 and 1'),
});

export type HubAnswer = z.output<typeof hubAnswerSchema>;

export const HUB_SYSTEM =
  'You create personas for a synthetic dataset. A persona is one paragraph about one specific kind of person: ' +
  'their role, background, what they know, what they care about. It is written in the third person and names ' +
  'no real individual. Answer with one JSON object and nothing else.';

const SETTING: Record<HubLanguage, string> = {
  en: 'Write in English.',
  'en-IN':
    'Write in Indian English (British spelling, Indian usage). Unless the text points elsewhere, the persona ' +
    'lives in India: use Indian places, institutions, occupations and everyday context.',
};

/** The keys block shared by both prompts; `confidence` says what the score measures in that mode. */
export function answerKeys(language: HubLanguage, confidence: string): string {
  return (
    `${SETTING[language]} Return a JSON object with exactly these keys:\n` +
    '- "persona": one paragraph of 40 to 150 words.\n' +
    '- "domain": a short label of one to three words for the field the persona belongs to, such as "healthcare", "cricket" or "agriculture".\n' +
    `- "confidence_score": a number from 0 to 1: ${confidence}.`
  );
}
