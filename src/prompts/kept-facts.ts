/**
 * The facts a narrative must keep, said in words beside the JSON facts: models follow a stated rule ("she is
 * retired: she does not work now") far better than they infer it from `"employment_status": "retired"`, and what
 * the record does not know (children, a spouse's name) must not be made into a fact the audit cannot check.
 * Each line is one rule, in English whatever the narrative language (the instructions are English throughout).
 */
type Persona = Readonly<Record<string, unknown>>;

/** The year the census ages are counted in (2024 census: age on the reference day). */
const CENSUS_YEAR = 2024;

const MARITAL: Record<string, string> = {
  married: 'is married and lives with the spouse unless the text says why not (work abroad is common); the spouse stays unnamed',
  never_married: 'has never been married: no spouse, no ex-spouse, no divorce, no widowhood',
  widowed: 'is widowed: the spouse has died; not married now, never say divorced',
  divorced: 'is divorced: not married now, no living-together spouse, never say widowed',
};

const WORK: Record<string, string> = {
  employed: 'works now as given by occupation; do not make them retired, a student or unemployed',
  unemployed: 'is unemployed and looking for work now; no current job',
  retired: 'is retired: does not work now (describe past work only in the past tense)',
  student: 'is a student now: no long career behind them, not retired',
  homemaker: 'keeps the home and does not have a paid job now',
  other_inactive: 'does not work and is not looking for work now; not a student, not retired',
};

const EDUCATION: Record<string, string> = {
  none: 'no formal schooling',
  primary: 'primary school (4 classes) at most',
  gymnasium: 'lower secondary school (gymnasium, 9 classes), no lyceum diploma, no university',
  lyceum: 'a lyceum diploma (baccalaureate), no university degree',
  vocational: 'vocational school or college, no university degree',
  higher: 'a university degree (bachelor or master), no doctorate',
  doctorate: 'a doctorate (PhD)',
};

const s = (v: unknown): string => String(v ?? '');

/** One line per fact the text must keep, and the rules against inventing what the record does not say. */
export function keptFacts(record: Persona): string[] {
  const female = record.sex === 'female';
  const [they, their] = female ? ['she', 'her'] : ['he', 'his'];
  const age = Number(record.age);
  const lines: string[] = [];
  if (Number.isFinite(age)) lines.push(`${s(record.name) || 'The person'} is ${age} years old (born in ${CENSUS_YEAR - age} or ${CENSUS_YEAR - age - 1}); never state another age or birth year.`);
  lines.push(`${female ? 'A woman' : 'A man'}: every word that agrees with the person (adjectives, participles, pronouns) is ${female ? 'feminine' : 'masculine'}.`);
  if (MARITAL[s(record.marital_status)]) lines.push(`Marital status: ${they} ${MARITAL[s(record.marital_status)]}.`);
  if (WORK[s(record.employment_status)]) lines.push(`Work: ${they} ${WORK[s(record.employment_status)]}.`);
  if (EDUCATION[s(record.education_level)]) lines.push(`Education: ${EDUCATION[s(record.education_level)]}.`);
  const town = record.residence === 'urban' ? 'a town or city (not a village)' : 'a village or rural commune (not a town)';
  lines.push(`Place: ${they} lives in ${s(record.district)}, ${s(record.region)}, in ${town}.`);
  if (record.mother_tongue) lines.push(`Mother tongue: ${s(record.mother_tongue)}.`);
  if (record.religion) lines.push(`Religion: ${s(record.religion)}.`);
  lines.push(
    `Not given, so never stated as fact: the number, names or ages of ${their} children or grandchildren, whether ${they} has any, ` +
      `the names of relatives, and where ${their} relatives live. Invent nothing that contradicts a line above.`,
  );
  return lines;
}
