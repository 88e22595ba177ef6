/**
 * Shape of a template phrase bank (one per language). Placeholders: {name} {first} {age} {year} {district}
 * {region} {place} {ethnicity} {language} {religion} {education} {occupation} {list}, {ageYears} and {yearsWork}
 * (a count of years with the language's number agreement: "19 ani", "34 de ani"), {locality} and {around} (the
 * persona's kind of place: village or town); `[[m|f]]` picks the masculine or feminine form by the persona's sex.
 * Tables keyed by employment status also hold the life stages that change what can be said: `retired_early`
 * (retired under 55, on a disability pension) and `other_inactive_old` (not working, 60 or older).
 */
export interface PhraseBank {
  labels: {
    ethnicity: Record<string, string>;
    language: Record<string, string>;
    religion: Record<string, string>;
    education: Record<string, string>;
    occupation: Record<string, string>;
    region: Record<string, string>;
    /** Places with their preposition ("într-un sat din …", "in a village in …"); {district} inside. */
    inUrban: string;
    inRural: string;
    inMunicipality: string;
    /** The persona's kind of place, by residence: {locality} ("hramul satului" / "orașului"), {around} ("walks around the village"). */
    locality: { urban: string; rural: string };
    around: { urban: string; rural: string };
  };
  /** How a unit is named: raions, municipalities (Mun. …), the autonomous unit. */
  districtFormat: { raion: string; municipality: string; autonomous: string };
  /** One- or two-word status for the summary line, by employment status. */
  statusWord: Record<string, string>;
  /** Adjectives for the summary line, by trait and pole. */
  traitWords: Record<string, { high: string; low: string }>;
  /** Joins list items: [separator, last separator]. */
  listJoin: [string, string];
  intro: string[];
  /** By marital status; `never_married_old` from 45 on (no parents to live near, no "yet"). */
  marital: Record<string, string[]>;
  daily: Record<string, string[]>;
  traits: Record<string, { high: string[]; low: string[] }>;
  closing: string[];
  status: Record<string, string[]>;
  work: Record<string, string[]>;
  /** What is said of work for those without an occupation, by employment status (a student has not "worked hard in youth"). */
  workPast: Record<string, string[]>;
  educationLine: string[];
  /** More for the professional profile, by what the days are made of: `working`, `studying`, `other`. */
  profileMore: Record<'working' | 'studying' | 'other', string[]>;
  goals: Record<string, string[]>;
  /** More for the goals field, by `working`, `studying`, `other`. */
  goalsMore: Record<'working' | 'studying' | 'other', string[]>;
  summary: string[];
  sport: { young: string[]; middle: string[]; old: string[] };
  hobbyItems: { common: string[]; rural: string[]; urban: string[]; young: string[]; old: string[] };
  hobbyProse: string[];
  /** More about free time, without naming a sport (the sport field has those). */
  hobbyMore: string[];
  skillItems: Record<string, string[]>;
  /** A sentence about speaking the mother tongue; the list item is the bare language label. */
  languageSentence: string[];
  /** Extra clause that lengthens a short summary line, by marital status. */
  maritalWord: Record<string, string>;
  skillsProse: string[];
  /** More about skills, apart from the work sentences of the professional profile. */
  skillsMore: string[];
  culture: {
    opening: string[];
    /** By region; `Chișinău_rural` for the villages of the municipality (no "city life"). */
    region: Record<string, string[]>;
    ethnicity: Record<string, string[]>;
    language: string[];
    /** By cohort (c1…c5); `russian_native` for those whose mother tongue is Russian (they learned Romanian, not Russian). */
    secondLanguage: Record<string, string[]>;
    religion: Record<string, string[]>;
    cohort: Record<string, string[]>;
    food: Record<string, string[]>;
    holidays: Record<string, string[]>;
    family: string[];
    extra: string[];
  };
}
