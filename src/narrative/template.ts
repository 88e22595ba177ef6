import { TRAITS } from '../generator/big-five.js';
import { Stream, rngFor, type Rng, uniform } from '../generator/rng.js';
import { bankEn } from './bank-en.js';
import { bankRo } from './bank-ro.js';
import type { PhraseBank } from './bank-types.js';
import { LENGTHS, type Narrative } from './fields.js';

/** Name written into every template record (`narrative_provider`): honest about not being an LLM. */
export const TEMPLATE_PROVIDER = 'template';

const BANKS: Record<'ro' | 'en', PhraseBank> = { ro: bankRo, en: bankEn };

const OCCUPATION_KEYS: Record<string, string> = {
  Managers: 'managers',
  Professionals: 'professionals',
  'Technicians and associate professionals': 'technicians',
  'Clerical support workers': 'clerical',
  'Service and sales workers': 'service',
  'Skilled agricultural, forestry and fishery workers': 'agriculture',
  'Craft and related trades workers': 'craft',
  'Plant and machine operators and assemblers': 'operators',
  'Elementary occupations': 'elementary',
  'Armed forces occupations': 'armed',
};

function religionGroup(religion: string): string {
  if (religion === 'Orthodox') return 'orthodox';
  if (religion === 'Old Believer') return 'old_believer';
  if (['Baptist', "Jehovah's Witness", 'Pentecostal', 'Adventist', 'Christian by Gospel'].includes(religion)) return 'protestant';
  if (religion === 'Catholic') return 'catholic';
  if (religion === 'Muslim') return 'muslim';
  if (['No religion', 'Atheist', 'Agnostic', 'Freethinker'].includes(religion)) return 'none';
  if (religion === 'Not declared') return 'undeclared';
  return 'other';
}

function cohort(year: number): string {
  if (year <= 1945) return 'c1';
  if (year <= 1960) return 'c2';
  if (year <= 1975) return 'c3';
  if (year <= 1990) return 'c4';
  return 'c5';
}

/**
 * A count of years with the language's number agreement. Romanian puts "de" between the number and the noun
 * when the number's last two digits are 00 or 20–99 ("20 de ani", "120 de ani", but "19 ani", "101 ani").
 */
const YEARS: Record<'ro' | 'en', (n: number) => string> = {
  ro: (n) => (n === 1 ? 'un an' : n % 100 === 0 || n % 100 >= 20 ? `${n} de ani` : `${n} ani`),
  en: (n) => (n === 1 ? '1 year' : `${n} years`),
};

/** Where a working life starts, by education: years of experience never reach back before it. */
const WORK_START_AGE: Record<string, number> = { none: 16, primary: 16, gymnasium: 16, lyceum: 19, vocational: 19, higher: 22, doctorate: 25 };

/**
 * The employment key of the phrase tables, with the life stages that change what may be said: retired under 55
 * is a disability pension (not "a lifetime of work"); not working at 60+ is old age (not "weighs working abroad").
 */
function lifeStage(employment: string, age: number): string {
  if (employment === 'retired' && age < 55) return 'retired_early';
  if (employment === 'other_inactive' && age >= 60) return 'other_inactive_old';
  return employment;
}

/** The phrases for `key` in a table keyed by life stage, falling back to the plain status, then to `fallback`. */
function stageOf<T>(table: Record<string, T>, key: string, status: string, fallback: string): T {
  return table[key] ?? table[status] ?? table[fallback];
}

/** FNV-1a: a stable 32-bit hash of the record id, so a record's text depends on nothing else. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A template split once into literals, `[masculine, feminine]` pairs and `[placeholder]` singletons. */
type Part = string | [string] | [string, string];
const templates = new Map<string, Part[]>();

function compiled(text: string): Part[] {
  let parts = templates.get(text);
  if (!parts) {
    parts = [];
    const re = /\[\[([^|\]]*)\|([^\]]*)\]\]|\{(\w+)\}/g;
    let last = 0;
    for (const m of text.matchAll(re)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      parts.push(m[3] !== undefined ? [m[3]] : [m[1], m[2]]);
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    templates.set(text, parts);
  }
  return parts;
}

class Writer {
  constructor(
    private readonly rng: Rng,
    private readonly female: boolean,
    private readonly vars: Record<string, string>,
  ) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(uniform(this.rng) * items.length)];
  }

  /** Fills `[[m|f]]` by sex, then `{placeholders}`. */
  fill(text: string, extra: Record<string, string> = {}): string {
    let out = '';
    for (const part of compiled(text)) {
      if (typeof part === 'string') out += part;
      else if (part.length === 2) out += this.female ? part[1] : part[0];
      else out += extra[part[0]] ?? this.vars[part[0]] ?? `{${part[0]}}`;
    }
    return out;
  }

  say(items: readonly string[], extra: Record<string, string> = {}): string {
    return this.fill(this.pick(items), extra);
  }

  /** Picks k distinct items. */
  some(items: readonly string[], k: number): string[] {
    const pool = [...items];
    const out: string[] = [];
    while (out.length < k && pool.length) out.push(pool.splice(Math.floor(uniform(this.rng) * pool.length), 1)[0]);
    return out;
  }
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function joinList(items: readonly string[], [sep, last]: [string, string]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(sep)}${last}${items[items.length - 1]}`;
}

/**
 * Adds optional sentences in order while they fit under `max`; stops once `min` is reached and none fit.
 * `used` holds the sentences of the record's earlier fields: none is said twice in one record.
 */
function fitSentences(used: Set<string>, core: string[], optional: string[], [min, max]: [number, number]): string {
  const kept = core.filter((s) => !used.has(s));
  for (const s of kept) used.add(s);
  let text = [...new Set(kept)].join(' ');
  for (const s of optional) {
    if (used.has(s)) continue;
    if (text.length >= min && text.length + 1 + s.length > (min + max) / 2) break;
    if (text.length + 1 + s.length <= max) {
      text += text ? ` ${s}` : s;
      used.add(s);
    }
  }
  return text;
}

/**
 * Writes every narrative field offline from the structured attributes: deterministic (the record id seeds it),
 * varied (phrase banks × attribute-driven choices), and consistent with the facts. A template, not an LLM:
 * records carry narrative_provider = "template".
 */
export function templateNarrative(record: Readonly<Record<string, unknown>>, language: 'ro' | 'en'): Narrative {
  const bank = BANKS[language];
  const str = (k: string) => String(record[k] ?? '');
  const rng = rngFor(hashString(str('id')), Stream.narrative, 0);
  const female = str('sex') === 'female';
  const age = Number(record.age) || 40;
  const year = 2024 - age;
  const district = str('district');
  const districtPhrase = district.startsWith('Mun. ')
    ? bank.districtFormat.municipality.replace('{d}', district.slice(5))
    : district.startsWith('UTA ')
      ? bank.districtFormat.autonomous.replace('{d}', district)
      : bank.districtFormat.raion.replace('{d}', district);
  const occupationKey = OCCUPATION_KEYS[str('occupation')] ?? 'none';
  const employment = str('employment_status') || 'other_inactive';
  const residence = str('residence') === 'urban' ? 'urban' : 'rural';
  const vars: Record<string, string> = {
    name: str('name'),
    first: str('first_name') || str('name'),
    age: String(age),
    year: String(year),
    district: districtPhrase,
    region: bank.labels.region[str('region')] ?? str('region'),
    ethnicity: bank.labels.ethnicity[str('ethnicity')] ?? str('ethnicity'),
    language: bank.labels.language[str('mother_tongue')] ?? str('mother_tongue'),
    religion: bank.labels.religion[religionGroup(str('religion'))],
    education: bank.labels.education[str('education_level')] ?? str('education_level'),
    occupation: bank.labels.occupation[occupationKey],
    ageYears: YEARS[language](age),
    yearsWork: YEARS[language](Math.max(1, age - (WORK_START_AGE[str('education_level')] ?? 19))),
    locality: bank.labels.locality[residence],
    around: bank.labels.around[residence],
  };
  const w = new Writer(rng, female, vars);
  vars.place = w.fill(district.startsWith('Mun. ') ? bank.labels.inMunicipality : residence === 'urban' ? bank.labels.inUrban : bank.labels.inRural);

  const stage = lifeStage(employment, age);
  const marital = str('marital_status');
  const maritalKey = marital === 'never_married' && age >= 45 ? 'never_married_old' : marital;
  const regionKey = str('region') === 'Chișinău' && residence === 'rural' ? 'Chișinău_rural' : str('region');

  // The two most pronounced Big Five traits colour the portrait and the summary.
  const big = (record.big_five ?? {}) as Record<string, { t_score?: number }>;
  const traits = TRAITS.map((t) => ({ t, score: big[t]?.t_score ?? 50 }))
    .sort((a, b) => Math.abs(b.score - 50) - Math.abs(a.score - 50))
    .slice(0, 2)
    .map(({ t, score }) => ({ t, pole: score >= 50 ? ('high' as const) : ('low' as const) }));
  const traitSentences = traits.map(({ t, pole }) => w.say(bank.traits[t][pole]));
  const [traitWord, traitWord2] = traits.map(({ t, pole }) => w.fill(bank.traitWords[t][pole]));

  const c = bank.culture;
  const eth = str('ethnicity');
  const regionLines = c.region[regionKey] ?? c.region.Centru;
  const cultureCore = [
    w.say(c.opening),
    w.say(regionLines),
    w.say(c.ethnicity[eth] ?? c.ethnicity.Other),
    w.say(c.language),
    w.say(str('mother_tongue') === 'Russian' ? c.secondLanguage.russian_native : c.secondLanguage[cohort(year)]),
    w.say(c.religion[religionGroup(str('religion'))]),
    w.say(c.cohort[cohort(year)]),
  ];
  const cultureMore = unique([
    w.say(c.food[eth] ?? c.food.default),
    w.say(c.holidays[eth] ?? c.holidays.default),
    ...w.some(c.family, 3).map((s) => w.fill(s)),
    ...w.some(c.extra, 7).map((s) => w.fill(s)),
    ...w.some(c.food.default, 2).map((s) => w.fill(s)),
    ...w.some(c.holidays.default, 2).map((s) => w.fill(s)),
    ...regionLines.map((s) => w.fill(s)),
    ...traitSentences,
  ]);
  // In a random order: which optional sentences fit varies from record to record (fewer near-duplicates).
  const cultureOptional = w.some(cultureMore, cultureMore.length);

  const hobbyPool = [
    ...bank.hobbyItems.common,
    ...(residence === 'urban' ? bank.hobbyItems.urban : bank.hobbyItems.rural),
    ...(age < 35 ? bank.hobbyItems.young : age >= 60 ? bank.hobbyItems.old : []),
  ];
  const hobbies = w.some(hobbyPool, 3 + Math.floor(uniform(rng) * 3));
  const skills = [...w.some(bank.skillItems[occupationKey], 3), vars.language];
  const sportBand = age < 35 ? bank.sport.young : age < 60 ? bank.sport.middle : bank.sport.old;
  const status = w.fill(stageOf(bank.statusWord, stage, employment, 'other_inactive'));
  // Work sentences: the occupation's for the employed, else what fits the life stage (a student has not retired).
  const workLines = occupationKey === 'none' ? stageOf(bank.workPast, stage, employment, 'other_inactive') : bank.work[occupationKey];
  const [work1, work2] = w.some(workLines, 2).map((s) => w.fill(s));
  const [education1, education2] = w.some(bank.educationLine, 2).map((s) => w.fill(s));
  const goals = stageOf(bank.goals, stage, employment, 'other_inactive');
  const days = employment === 'employed' ? 'working' : employment === 'student' ? 'studying' : 'other';

  let summary = w.say(bank.summary, { status, trait: traitWord, trait2: traitWord2 });
  const [minSummary, maxSummary] = LENGTHS.persona_summary.target;
  if (summary.length < minSummary) summary = `${summary.slice(0, -1)}, ${w.fill(bank.maritalWord[marital] ?? '')}.`;
  if (summary.length > maxSummary) summary = `${summary.slice(0, maxSummary - 1).trimEnd()}…`;

  // One set for the whole record: a sentence said in one field is not said again in another.
  const used = new Set<string>();
  const closing = w.some(bank.closing, bank.closing.length).map((s) => w.fill(s));
  return {
    descriere_generala: fitSentences(
      used,
      [w.say(bank.intro), w.say(bank.marital[maritalKey] ?? bank.marital[marital] ?? bank.marital.never_married), w.say(stageOf(bank.daily, stage, employment, 'other_inactive'))],
      [...traitSentences, w.say(regionLines), closing[0]],
      LENGTHS.descriere_generala.target,
    ),
    profil_profesional: fitSentences(
      used,
      [w.say(stageOf(bank.status, stage, employment, 'other_inactive')), work1, work2, education1].filter(Boolean),
      w.some(bank.profileMore[days], 3).map((s) => w.fill(s)),
      LENGTHS.profil_profesional.target,
    ),
    hobby_sport: fitSentences(used, w.some(sportBand, 2).map((s) => w.fill(s)), [...w.some(sportBand, 3).map((s) => w.fill(s)), ...closing], LENGTHS.hobby_sport.target),
    cultural_background: fitSentences(used, cultureCore, cultureOptional, LENGTHS.cultural_background.target),
    career_goals_and_ambitions: fitSentences(used, w.some(goals, 2).map((s) => w.fill(s)), [...w.some(bank.goalsMore[days], 3).map((s) => w.fill(s)), ...closing, ...traitSentences], LENGTHS.career_goals_and_ambitions.target),
    persona_summary: summary,
    skills_and_expertise: fitSentences(
      used,
      [w.say(bank.skillsProse, { list: joinList(skills.slice(0, -1), bank.listJoin) }), w.say(bank.languageSentence)],
      [education2, ...w.some(bank.skillsMore, 3).map((s) => w.fill(s))].filter(Boolean),
      LENGTHS.skills_and_expertise.target,
    ),
    skills_and_expertise_list: skills,
    hobbies_and_interests: fitSentences(
      used,
      [w.say(bank.hobbyProse, { list: joinList(hobbies, bank.listJoin) })],
      [...w.some(bank.hobbyMore, 4).map((s) => w.fill(s)), ...closing, ...traitSentences],
      LENGTHS.hobbies_and_interests.target,
    ),
    hobbies_and_interests_list: hobbies,
  };
}
