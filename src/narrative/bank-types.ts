/**
 * Shape of a template phrase bank (one per language). Placeholders: {name} {first} {age} {year} {district}
 * {region} {place} {ethnicity} {language} {religion} {education} {occupation} {years} {list}; `[[m|f]]` picks
 * the masculine or feminine form by the persona's sex.
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
  marital: Record<string, string[]>;
  daily: Record<string, string[]>;
  traits: Record<string, { high: string[]; low: string[] }>;
  closing: string[];
  status: Record<string, string[]>;
  work: Record<string, string[]>;
  educationLine: string[];
  goals: Record<string, string[]>;
  summary: string[];
  sport: { young: string[]; middle: string[]; old: string[] };
  hobbyItems: { common: string[]; rural: string[]; urban: string[]; young: string[]; old: string[] };
  hobbyProse: string[];
  skillItems: Record<string, string[]>;
  /** A sentence about speaking the mother tongue; the list item is the bare language label. */
  languageSentence: string[];
  /** Extra clause that lengthens a short summary line, by marital status. */
  maritalWord: Record<string, string>;
  skillsProse: string[];
  culture: {
    opening: string[];
    region: Record<string, string[]>;
    ethnicity: Record<string, string[]>;
    language: string[];
    secondLanguage: Record<string, string[]>;
    religion: Record<string, string[]>;
    cohort: Record<string, string[]>;
    food: Record<string, string[]>;
    holidays: Record<string, string[]>;
    family: string[];
    extra: string[];
  };
}
