/** The structured attributes a prompt hands to the model, so the text agrees with them. */
export const FACT_KEYS = [
  'name',
  'sex',
  'age',
  'district',
  'region',
  'residence',
  'country',
  'ethnicity',
  'mother_tongue',
  'religion',
  'marital_status',
  'education_level',
  'employment_status',
  'occupation',
  'disability_pension',
] as const;

/** A compact JSON block of the facts (plus Big Five labels, to vary temperament). */
export function personaFacts(record: Readonly<Record<string, unknown>>): string {
  const facts: Record<string, unknown> = {};
  for (const k of FACT_KEYS) if (record[k] !== undefined) facts[k] = record[k];
  const big = record.big_five as Record<string, { label?: string }> | undefined;
  if (big) facts.personality = Object.fromEntries(Object.entries(big).map(([trait, v]) => [trait, v?.label]));
  return JSON.stringify(facts, null, 1);
}
