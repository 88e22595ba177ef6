import type { ChatMessage } from './types.js';
import { answerKeys, HUB_SYSTEM, type HubLanguage } from './hub-answer.js';

/** Relations offered by default, with how the prompt phrases each; any other relation name is used as written. */
export const RELATIONS: Readonly<Record<string, string>> = {
  family_member: 'a member of their family',
  colleague: 'a colleague who works alongside them',
  supervisor: 'their supervisor or manager',
  subordinate: 'someone who reports to them',
  client: 'a client or customer of theirs',
  mentor: 'their mentor',
  mentee: 'someone they mentor',
  neighbour: 'a neighbour',
  friend: 'a close friend',
  teacher: 'a teacher of theirs',
  student: 'a student of theirs',
  competitor: 'a competitor or rival in their field',
};

export const DEFAULT_RELATIONS = ['family_member', 'colleague', 'supervisor', 'subordinate', 'client', 'mentor', 'neighbour'] as const;

export const relationPhrase = (relation: string): string => RELATIONS[relation] ?? relation.replace(/_/g, ' ');

/**
 * Persona-to-persona (after Persona Hub): a persona implies the people around them. The new person has their
 * own life and work; the relation is what connects them to the given persona.
 */
export function personaToPersonaMessages(persona: string, relation: string, language: HubLanguage): ChatMessage[] {
  const user =
    `Here is a persona:\n\n<persona>\n${persona}\n</persona>\n\n` +
    `Describe a different person who is ${relationPhrase(relation)} (relation: ${relation}). Give them their own ` +
    'occupation, concerns and point of view; say how they relate to the persona above.\n\n' +
    answerKeys(language, 'how natural this relation is for the persona above');
  return [
    { role: 'system', content: HUB_SYSTEM },
    { role: 'user', content: user },
  ];
}
