import type { RequestGroup } from './types.js';

/** The long cultural background: the field that most needs its own request. */
export const culture: RequestGroup = {
  name: 'culture',
  fields: ['cultural_background'],
  instructions: {
    cultural_background:
      'Cultural background of 1,500–2,000 characters (count them): where and when the person grew up, the ethnic and ' +
      'linguistic community, mother tongue and other languages, religion and how it is lived, family traditions, food, ' +
      'music, holidays, and how the history of their generation in Moldova shaped them. Concrete and specific to the ' +
      'district and community; no stereotypes, no invented famous relatives. Name the person.',
  },
};
