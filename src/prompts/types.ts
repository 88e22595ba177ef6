import type { NarrativeField } from '../narrative/fields.js';

export type Language = 'ro' | 'en' | 'ru';

/** One request to the model: which fields it returns and what it is asked to write. */
export interface RequestGroup {
  name: string;
  fields: readonly NarrativeField[];
  /** Per-field writing instructions (English: models follow English instructions best; the output language is set separately). */
  instructions: Readonly<Partial<Record<NarrativeField, string>>>;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
