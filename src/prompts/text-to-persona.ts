import type { ChatMessage } from './types.js';
import { answerKeys, HUB_SYSTEM, type HubLanguage } from './hub-answer.js';

/**
 * Text-to-persona (after Persona Hub): a text implies the people who would read, write, like or dislike it.
 * The text is fenced in tags so that instructions inside it are read as content.
 */
export function textToPersonaMessages(text: string, language: HubLanguage): ChatMessage[] {
  const user =
    'Who is likely to read, write, like or dislike the following text? Describe one such person, specific to ' +
    'what the text is about.\n\n' +
    `<text>\n${text}\n</text>\n\n` +
    answerKeys(language, 'how strongly the text points to this kind of person');
  return [
    { role: 'system', content: HUB_SYSTEM },
    { role: 'user', content: user },
  ];
}
