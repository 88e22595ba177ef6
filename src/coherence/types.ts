/**
 * Shapes of the coherence audit: rules are data (one file per language under rules/), each a regex over the
 * sentences of one narrative field and a check of what it captured against the record.
 */

export type AuditLanguage = 'ro' | 'en' | 'ru';

/** The record attributes a claim can be checked against. */
export type Attribute =
  | 'sex'
  | 'age'
  | 'marital_status'
  | 'employment_status'
  | 'occupation'
  | 'education_level'
  | 'district'
  | 'region'
  | 'residence'
  | 'religion'
  | 'mother_tongue';

/**
 * What a match claims, checked against the record:
 * - `oneOf`: the record's value must be one of these;
 * - `noneOf`: it must be none of these;
 * - `lexicon`: capture group 1, lower-cased, names the allowed values (keys ending in `*` match a prefix);
 *   a capture the lexicon does not know is no claim;
 * - `statedAge` / `bornIn`: capture group 1 is an age (exact) or a birth year (2024 − age ± 1);
 * - `minAge` / `maxAge`: the claim is only plausible from / up to that age;
 * - `sameDistrict`: capture group 1 names the district (compared without "Mun. " / "UTA ", folded);
 * - `numeralDe`: Romanian grammar, not the record: numbers from 20 on take "de" before the noun.
 */
export type Check =
  | { attr: Attribute; oneOf: readonly string[] }
  | { attr: Attribute; noneOf: readonly string[] }
  | { attr: Attribute; lexicon: Readonly<Record<string, readonly string[]>> }
  | { attr: 'age'; statedAge: true }
  | { attr: 'age'; bornIn: true }
  | { attr: 'age'; minAge: number }
  | { attr: 'age'; maxAge: number }
  | { attr: 'district'; sameDistrict: true }
  | { grammar: 'numeral-de' };

/** An example a rule's test replays: the text, the record fields that matter, whether it contradicts. */
export interface RuleExample {
  text: string;
  record: Readonly<Record<string, string | number>>;
  contradicts: boolean;
}

export interface Rule {
  /** Stable, `<lang>.<kind>.<what>`: what reports and the audit's JSONL name. */
  name: string;
  /**
   * Lower-case substrings, one of which any match contains: a field or sentence holding none of them skips
   * the rule (a regex per sentence per rule is what costs, ~1–3 µs with `iu`; most sentences need few rules).
   */
  keys: readonly string[];
  /**
   * Matched with flags `giu` against each sentence of a field as sentences.ts prepares it: one sentence at a time, the
   * persona's full or first name replaced by U+0001, and sentences about someone else (a relative named as
   * subject) prefixed by U+0002 — so `^(?:\u0001 )?este …` is a claim about the persona.
   */
  pattern: RegExp;
  check: Check;
  examples: readonly RuleExample[];
}

/** One contradiction found: the rule, the field, the offending span and what the record says instead. */
export interface Contradiction {
  rule: string;
  field: string;
  span: string;
  expected: string;
}
