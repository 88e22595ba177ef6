import type { RequestGroup } from './types.js';

/** General description, professional profile, goals and the one-line summary. */
export const profile: RequestGroup = {
  name: 'profile',
  fields: ['descriere_generala', 'profil_profesional', 'career_goals_and_ambitions', 'persona_summary'],
  instructions: {
    descriere_generala:
      'A general portrait (400–900 characters): who the person is today, daily life, household, temperament. Name the person in the first sentence.',
    profil_profesional:
      'Professional profile (300–700 characters): work, or life without paid work (retirement, studies, caring for family, looking for a job), consistent with employment status, occupation and education.',
    career_goals_and_ambitions:
      'Goals and ambitions (250–600 characters), realistic for the age and situation: a retiree\'s goals are not a student\'s.',
    persona_summary: 'ONE line of 100–200 characters that sums the person up, starting with the name.',
  },
};
