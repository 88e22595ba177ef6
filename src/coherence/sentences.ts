import type { AuditLanguage } from './types.js';

/** Marks the persona as subject (its full or first name). */
export const PERSONA = '\u0001';
/** Prefixes a sentence whose subject is someone else (a relative), so persona-anchored rules skip it. */
export const OTHER = '\u0002';

/** A sentence that opens on a relative is about them, not the persona ("Mama sa este pensionară"). */
const RELATIVES: Record<AuditLanguage, ReadonlySet<string>> = {
  ro: new Set('mama tatăl tata soțul soția sotul sotia fiul fiica fratele sora bunica bunicul copiii părinții nepotul nepoata partenerul partenera prietenul prietena'.split(' ')),
  en: new Set('wife husband mother father mum mom dad son daughter brother sister grandmother grandfather grandson granddaughter children kids parents partner boyfriend girlfriend'.split(' ')),
  ru: new Set('жена муж мать мама отец папа сын дочь брат сестра бабушка дедушка дети родители внук внучка подруга друг'.split(' ')),
};
/** Possessives that may come before the relative ("Her husband", "Его жена"). */
const POSSESSIVES: Record<AuditLanguage, ReadonlySet<string>> = {
  ro: new Set(),
  en: new Set(['his', 'her', 'my', 'their']),
  ru: new Set(['его', 'её', 'ее', 'мой', 'моя', 'мои', 'их']),
};
/** A pronoun sentence right after one about a relative continues about the relative. */
const PRONOUNS: Record<AuditLanguage, ReadonlySet<string>> = {
  ro: new Set(['el', 'ea']),
  en: new Set(['he', 'she', 'his', 'her', 'him']),
  ru: new Set(['он', 'она', 'его', 'её', 'ее', 'ему', 'ей']),
};

/** The first two words, lower-cased, trailing punctuation dropped (string slicing: a regex here cost more than the rules). */
function leadingWords(sentence: string): [string, string] {
  const sp = sentence.indexOf(' ');
  const first = (sp < 0 ? sentence : sentence.slice(0, sp)).replace(/[,.;:!?]$/, '').toLowerCase();
  if (sp < 0) return [first, ''];
  const sp2 = sentence.indexOf(' ', sp + 1);
  return [first, (sp2 < 0 ? sentence.slice(sp + 1) : sentence.slice(sp + 1, sp2)).replace(/[,.;:!?]$/, '').toLowerCase()];
}

function isRelative(sentence: string, language: AuditLanguage): boolean {
  const [first, second] = leadingWords(sentence);
  // "Her mother tongue is …" is about the persona.
  if (second === 'mother' && language === 'en' && /^\S+ mother tongue/i.test(sentence)) return false;
  return RELATIVES[language].has(first) || (POSSESSIVES[language].has(first) && RELATIVES[language].has(second));
}

/** Sentence ends: `.`, `!`, `?` or `…`, then whitespace, then anything but a lower-case letter (a loop: ~5× a regex split). */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 33 && c !== 63 && c !== 0x2026) continue;
    let j = i + 1;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 10 || text.charCodeAt(j) === 9)) j++;
    if (j === i + 1 || j >= text.length) continue;
    const next = text[j];
    if (next !== next.toUpperCase() && next === next.toLowerCase()) continue;
    out.push(text.slice(from, i + 1));
    from = j;
    i = j - 1;
  }
  out.push(text.slice(from));
  return out;
}

/**
 * The sentences of one field as the rules read them: the persona's name replaced by PERSONA, a sentence about a
 * relative (and a pronoun sentence right after one) prefixed by OTHER.
 */
export function prepare(text: string, names: readonly string[], language: AuditLanguage): string[] {
  let s = text;
  for (const n of names) if (n.length >= 2 && s.includes(n)) s = s.replaceAll(n, PERSONA);
  const out: string[] = [];
  let afterRelative = false;
  for (const raw of splitSentences(s)) {
    const sentence = raw.includes('\n') ? raw.replaceAll('\n', ' ').trim() : raw.trim();
    if (!sentence) continue;
    const relative = isRelative(sentence, language);
    const other = relative || (afterRelative && sentence[0] !== PERSONA && PRONOUNS[language].has(leadingWords(sentence)[0]));
    out.push(other ? OTHER + sentence : sentence);
    afterRelative = relative;
  }
  return out;
}

/** Romanian function words no English sentence uses. */
const RO_WORDS = /(?:^|[\s,.;:])(?:și|este|în|din|pentru|sunt|lui|ei|de|la|cu|nu|se|ani)(?=[\s,.;:])/i;

/**
 * The language a narrative is written in, from its first 300 characters: Cyrillic is ru, Romanian function
 * words are ro, else en (place names such as Chișinău carry diacritics in English text too, so words decide).
 */
export function detectLanguage(text: string): AuditLanguage {
  const head = text.slice(0, 300);
  let cyrillic = 0;
  for (let i = 0; i < head.length; i++) if (head.charCodeAt(i) >= 0x400 && head.charCodeAt(i) <= 0x4ff) cyrillic++;
  if (cyrillic > head.length * 0.3) return 'ru';
  return RO_WORDS.test(head) ? 'ro' : 'en';
}
