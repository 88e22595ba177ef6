import { LENGTHS } from '../narrative/fields.js';
import { rulesEn } from './rules/en.js';
import { rulesRo } from './rules/ro.js';
import { rulesRu } from './rules/ru.js';
import { detectLanguage, OTHER, PERSONA, prepare } from './sentences.js';
import type { AuditLanguage, Check, Contradiction, Rule } from './types.js';

/** The year the census (and the template narrator) counts ages from. */
export const CENSUS_YEAR = 2024;

/** The prose fields audited (the lists are single words and phrases: nothing to contradict). */
export const AUDITED_FIELDS = Object.keys(LENGTHS) as readonly string[];

export const RULES: Readonly<Record<AuditLanguage, readonly Rule[]>> = { ro: rulesRo, en: rulesEn, ru: rulesRu };

interface Compiled {
  rule: Rule;
  re: RegExp;
}
interface Language {
  rules: Compiled[];
  /** Every key of every rule in one alternation, and which rules each key wakes. */
  keys: RegExp;
  rulesOfKey: Map<string, number[]>;
}
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(rules: readonly Rule[]): Language {
  const rulesOfKey = new Map<string, number[]>();
  rules.forEach((rule, i) => {
    for (const k of rule.keys) rulesOfKey.set(k, [...(rulesOfKey.get(k) ?? []), i]);
  });
  return { rules: rules.map((rule) => ({ rule, re: new RegExp(rule.pattern.source, anchored(rule.pattern.source) ? 'yiu' : 'giu') })), keys: new RegExp(trie([...rulesOfKey.keys()]), 'g'), rulesOfKey };
}

/**
 * Whether every top-level alternative starts with `^`: such a rule is compiled sticky (`y`), one attempt at the
 * sentence start. V8 does not see that itself and tries `^` at every position (~5 ns each: 0.5 µs a sentence).
 */
export function anchored(source: string): boolean {
  let depth = 0;
  let inClass = false;
  let atStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (atStart && c !== '^') return false;
    atStart = false;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) atStart = true;
  }
  return !atStart;
}

/**
 * The keys as a trie-shaped alternation (`a(?:bsolvit|ctivează ca)|…`): the regex then branches once per
 * character instead of trying every key at every position (~10× faster over a record's 5 KB). A key that is a
 * prefix of another matches when the longer one does not.
 */
export function trie(keys: readonly string[]): string {
  const heads = new Map<string, string[]>();
  let ends = false;
  for (const k of keys) {
    if (!k) ends = true;
    else heads.set(k[0], [...(heads.get(k[0]) ?? []), k.slice(1)]);
  }
  const branches = [...heads].map(([c, rest]) => {
    const sub = trie(rest);
    return escape(c) + (sub === '' ? '' : rest.length === 1 && !/[|?]/.test(sub) ? sub : `(?:${sub})`);
  });
  if (!branches.length) return '';
  const body = branches.join('|');
  return ends ? `(?:${body})?` : body;
}
// Compiled once; each rule runs on each sentence, so `^` is a sentence start and an anchored rule fails at once.
const COMPILED: Record<AuditLanguage, Language> = { ro: compile(rulesRo), en: compile(rulesEn), ru: compile(rulesRu) };

/** The rules one sentence can wake: those with a key in it (one scan of the sentence for all keys). */
function rulesFor(lang: Language, sentence: string, into: Uint8Array): void {
  into.fill(0);
  const low = sentence.toLowerCase();
  lang.keys.lastIndex = 0;
  for (let m = lang.keys.exec(low); m; m = lang.keys.exec(low)) {
    if (m[0].length === 0) {
      lang.keys.lastIndex++;
      continue;
    }
    // The match is the longest key there; shorter keys it starts with wake their rules too.
    for (let n = m[0].length; n > 0; n--) for (const i of lang.rulesOfKey.get(m[0].slice(0, n)) ?? []) into[i] = 1;
  }
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const districtName = (d: string): string => fold(d.replace(/^(?:Mun\.|UTA) /, ''));

function lookup(lexicon: Readonly<Record<string, readonly string[]>>, word: string): readonly string[] | undefined {
  const key = word.toLowerCase();
  const exact = lexicon[key];
  if (exact) return exact;
  for (const k in lexicon) if (k.endsWith('*') && key.startsWith(k.slice(0, -1))) return lexicon[k];
  return undefined;
}

/** What the record says instead of the claim, or null when the claim agrees with it (or is no claim). */
export function checkClaim(check: Check, m: RegExpExecArray, record: Readonly<Record<string, unknown>>): string | null {
  // A rule may offer alternatives, each with its own group: the claim is whichever captured.
  const captured = m.find((g, i) => i > 0 && g !== undefined);
  if ('grammar' in check) {
    const n = Number(m[1]);
    const r = n % 100;
    return r >= 20 || (r === 0 && n > 0) ? `${n} de ${m[2]}` : null;
  }
  const raw = record[check.attr];
  if (raw === undefined || raw === null || raw === '') return null;
  const value = String(raw);
  const says = `${check.attr}=${value}`;
  if ('oneOf' in check) return check.oneOf.includes(value) ? null : says;
  if ('noneOf' in check) return check.noneOf.includes(value) ? says : null;
  if ('lexicon' in check) {
    const allowed = captured === undefined ? undefined : lookup(check.lexicon, captured);
    return !allowed || allowed.includes(value) ? null : says;
  }
  if ('sameDistrict' in check) {
    if (captured === undefined) return null;
    const named = fold(captured);
    const actual = districtName(value);
    return named.includes(actual) || actual.includes(named) ? null : says;
  }
  const age = Number(value);
  if (!Number.isFinite(age)) return null;
  if ('statedAge' in check) return Number(captured) === age ? null : says;
  if ('bornIn' in check) return Math.abs(CENSUS_YEAR - age - Number(captured)) <= 1 ? null : `${says} (born ${CENSUS_YEAR - age} ± 1)`;
  if ('minAge' in check) return age >= check.minAge ? null : `${says} (claim needs age ≥ ${check.minAge})`;
  return age <= check.maxAge ? null : `${says} (claim needs age ≤ ${check.maxAge})`;
}

/** Spans longer than this keep their end (where the claim is), after an ellipsis. */
export const MAX_SPAN = 100;

function spanOf(match: string, name: string): string {
  const s = match.replaceAll(PERSONA, name).replaceAll(OTHER, '').trim();
  return s.length > MAX_SPAN ? `…${s.slice(s.length - MAX_SPAN + 1).trimStart()}` : s;
}

/** The persona's names as the text may use them, longest first (the full name before the first name). */
export function namesOf(record: Readonly<Record<string, unknown>>): string[] {
  const names = [record.name, record.first_name].filter((n): n is string => typeof n === 'string' && n.length > 0);
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

/** Every contradiction between one field's text and the record. */
export function auditText(text: string, field: string, record: Readonly<Record<string, unknown>>, language: AuditLanguage, names = namesOf(record)): Contradiction[] {
  // The span shows the name as the text wrote it (the full name when it appears, else the first name).
  const display = names.find((n) => text.includes(n)) ?? '';
  const found: Contradiction[] = [];
  const lang = COMPILED[language];
  const woken = new Uint8Array(lang.rules.length);
  for (const sentence of prepare(text, names, language)) {
    rulesFor(lang, sentence, woken);
    for (let i = 0; i < woken.length; i++) {
      if (!woken[i]) continue;
      const { rule, re } = lang.rules[i];
      re.lastIndex = 0;
      for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
        if (m[0].length === 0) re.lastIndex++;
        const expected = checkClaim(rule.check, m, record);
        if (expected !== null) found.push({ rule: rule.name, field, span: spanOf(m[0], display), expected });
      }
    }
  }
  return found;
}

/**
 * Every contradiction between a record's narrative fields and its attributes. `language` is what the config
 * says; `'detect'` reads it off each field instead (a file validated without its run's config).
 */
export function auditRecord(record: Readonly<Record<string, unknown>>, language: AuditLanguage | 'detect'): Contradiction[] {
  const names = namesOf(record);
  const found: Contradiction[] = [];
  for (const field of AUDITED_FIELDS) {
    const text = record[field];
    if (typeof text === 'string' && text) found.push(...auditText(text, field, record, language === 'detect' ? detectLanguage(text) : language, names));
  }
  return found;
}
