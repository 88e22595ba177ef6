import type { NarrativeField } from '../narrative/fields.js';
import { culture } from './culture.js';
import { interests } from './interests.js';
import { keptFacts } from './kept-facts.js';
import { personaFacts } from './persona-facts.js';
import { profile } from './profile.js';
import type { ChatMessage, Language, RequestGroup } from './types.js';

const LANGUAGE_NAMES: Record<Language, string> = { ro: 'Romanian (limba română, with correct diacritics ș ț ă â î)', en: 'English', ru: 'Russian (русский язык)' };

/** The request groups for a grouping preset; "single" asks for every field in one request. */
export function requestGroups(grouping: 'three' | 'single'): RequestGroup[] {
  const three = [profile, culture, interests];
  if (grouping === 'three') return three;
  return [
    {
      name: 'all',
      fields: three.flatMap((g) => g.fields),
      instructions: Object.assign({}, ...three.map((g) => g.instructions)) as RequestGroup['instructions'],
    },
  ];
}

/**
 * System + user messages for one group and one persona. The word "JSON" is always present: DashScope refuses
 * response_format json_object without it.
 */
export function buildMessages(group: RequestGroup, record: Readonly<Record<string, unknown>>, language: Language): ChatMessage[] {
  const fieldLines = group.fields.map((f: NarrativeField) => `- "${f}": ${group.instructions[f]}`).join('\n');
  const system =
    'You write realistic, respectful personas of people living in the Republic of Moldova for a synthetic dataset. ' +
    'Every statement must agree with the given facts (age, sex, place, ethnicity, languages, religion, education, ' +
    'work, marital status). Answer with one JSON object and nothing else.';
  const user =
    `Persona facts (JSON):\n${personaFacts(record)}\n\n` +
    `Facts the text must keep:\n${keptFacts(record).map((l) => `- ${l}`).join('\n')}\n\n` +
    `Write in ${LANGUAGE_NAMES[language]}. Return a JSON object with exactly these keys:\n${fieldLines}\n` +
    'Use the person\'s name as given. Lists are JSON arrays of strings.';
  return [
    { role: 'system', content: system },
    { role: 'user', content: user },
  ];
}
