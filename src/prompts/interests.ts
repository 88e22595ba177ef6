import type { RequestGroup } from './types.js';

/** Hobbies, sport, skills: prose and short lists that agree with each other. */
export const interests: RequestGroup = {
  name: 'interests',
  fields: ['hobby_sport', 'hobbies_and_interests', 'hobbies_and_interests_list', 'skills_and_expertise', 'skills_and_expertise_list'],
  instructions: {
    hobby_sport: 'Sport and physical activity (200–500 characters), plausible for the age and health of the person.',
    hobbies_and_interests: 'Hobbies and interests in prose (250–600 characters).',
    hobbies_and_interests_list: '3–8 short items (a few words each) naming the hobbies described in hobbies_and_interests.',
    skills_and_expertise: 'Skills and expertise in prose (250–600 characters), matching education and occupation.',
    skills_and_expertise_list: '3–8 short items (a few words each) naming the skills described in skills_and_expertise.',
  },
};
