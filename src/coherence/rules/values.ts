/** Record values the rule files name more than once (the census module's labels). */
export const OCC = {
  managers: 'Managers',
  professionals: 'Professionals',
  technicians: 'Technicians and associate professionals',
  clerical: 'Clerical support workers',
  service: 'Service and sales workers',
  agriculture: 'Skilled agricultural, forestry and fishery workers',
  craft: 'Craft and related trades workers',
  operators: 'Plant and machine operators and assemblers',
  elementary: 'Elementary occupations',
  armed: 'Armed forces occupations',
} as const;

export const ORTHODOX = ['Orthodox', 'Old Believer'] as const;
export const PROTESTANT = ['Baptist', "Jehovah's Witness", 'Pentecostal', 'Adventist', 'Christian by Gospel'] as const;
/** No faith, or none declared: what "is not religious" agrees with. */
export const NO_FAITH = ['No religion', 'Atheist', 'Agnostic', 'Freethinker', 'Not declared'] as const;
export const ROMANIAN = ['Romanian', 'Moldovan'] as const;
export const HIGHER = ['higher', 'doctorate'] as const;
/** Employment states in which "works as …" (now) is a contradiction. */
export const NOT_WORKING = ['unemployed', 'retired'] as const;
/** Employment states that agree with "is looking for work". */
export const JOBSEEKING = ['unemployed', 'other_inactive'] as const;
/** Claims only plausible from / up to these ages. */
export const AGE = { youthPast: 30, careerLong: 45, grandchildren: 35, children: 16, emigrateWork: 64 } as const;
