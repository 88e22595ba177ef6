import { z } from 'zod';

/** The narrative fields, named as in the original spec, in output order. */
export const NARRATIVE_FIELDS = [
  'descriere_generala',
  'profil_profesional',
  'hobby_sport',
  'cultural_background',
  'career_goals_and_ambitions',
  'persona_summary',
  'skills_and_expertise',
  'skills_and_expertise_list',
  'hobbies_and_interests',
  'hobbies_and_interests_list',
] as const;
export type NarrativeField = (typeof NARRATIVE_FIELDS)[number];
export type Narrative = Partial<Record<NarrativeField, string | string[]>>;

/**
 * Length bounds an LLM answer must meet, in characters. `target` is what prompts ask for (and what the template
 * narrator writes); `accept` is what validation lets through, a little wider, because models count loosely.
 */
export const LENGTHS: Record<Exclude<NarrativeField, `${string}_list`>, { target: [number, number]; accept: [number, number] }> = {
  descriere_generala: { target: [400, 900], accept: [250, 1600] },
  profil_profesional: { target: [300, 700], accept: [150, 1400] },
  hobby_sport: { target: [200, 500], accept: [100, 1100] },
  cultural_background: { target: [1500, 2000], accept: [1300, 2400] },
  career_goals_and_ambitions: { target: [250, 600], accept: [120, 1200] },
  persona_summary: { target: [100, 200], accept: [80, 240] },
  skills_and_expertise: { target: [250, 600], accept: [120, 1200] },
  hobbies_and_interests: { target: [250, 600], accept: [120, 1200] },
};
/** Lists: 3–8 short items. */
export const LIST_ITEMS = { min: 3, max: 8, maxChars: 80 } as const;

/** The zod schema for the fields of one request group: the source of the JSON Schema sent to the model. */
export function fieldsSchema(fields: readonly NarrativeField[]): z.ZodObject<Record<string, z.ZodTypeAny>> {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const f of fields) {
    if (f.endsWith('_list')) shape[f] = z.array(z.string().min(1).max(LIST_ITEMS.maxChars)).min(LIST_ITEMS.min).max(LIST_ITEMS.max);
    else {
      const [lo, hi] = LENGTHS[f as keyof typeof LENGTHS].accept;
      let s = z.string().min(lo, `${f} must have at least ${lo} characters`).max(hi, `${f} must have at most ${hi} characters`);
      if (f === 'persona_summary') s = s.regex(/^[^\n]*$/, 'persona_summary must be one line');
      shape[f] = s;
    }
  }
  return z.strictObject(shape);
}
