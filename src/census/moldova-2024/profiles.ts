/**
 * MODELLED conditional profiles. NBS publishes none of these cross-tabulations for 2024 in reachable form
 * (see ../shared census README: education by age and sex, marital status by age and sex, employment by age,
 * sex and education, occupation by ISCO group are NOT_FOUND). The shapes below encode the well-known
 * structure (younger cohorts more educated, widowhood concentrated among older women, retirement after 55–63,
 * professionals needing a degree …); calibration then holds every published marginal on its target.
 * Rows are relative weights (normalised when compiled).
 */
export const educationLevels = ['none', 'primary', 'gymnasium', 'lyceum', 'vocational', 'higher', 'doctorate'] as const;

/** Education by age group (both sexes, all areas), weights in educationLevels order. */
export const educationByAgeGroup: Readonly<Record<string, readonly number[]>> = {
  '18-24': [0.5, 1.0, 28, 30, 25, 15.5, 0],
  '25-34': [0.8, 1.0, 14, 17, 36, 31, 0.12],
  '35-44': [1.0, 1.2, 15, 13, 40, 29.5, 0.2],
  '45-54': [1.2, 1.5, 18, 12, 45, 22, 0.2],
  '55-64': [2, 2.5, 20, 13, 45, 17.5, 0.2],
  '65-74': [4.5, 5.5, 25, 12, 37, 16, 0.25],
  '75-84': [14, 14, 31, 9, 21, 11, 0.25],
  '85+': [26, 24, 26, 6, 11, 7, 0.1],
};
/** Multipliers by residence: higher education is 30.3 % in towns against ~10–15 % in most raions (NBS_MEDIA). */
export const educationResidenceTilt: Readonly<Record<string, readonly number[]>> = {
  urban: [0.6, 0.6, 0.75, 1.05, 0.95, 1.6, 2.0],
  rural: [1.3, 1.3, 1.25, 0.95, 1.05, 0.55, 0.4],
};
/** Multipliers by sex: women are 59.6 % of higher-education graduates, men 57.1 % of vocational (NBS_MEDIA). */
export const educationSexTilt: Readonly<Record<string, readonly number[]>> = {
  female: [1.1, 1.1, 0.95, 1.0, 0.85, 1.3, 1.0],
  male: [0.9, 0.9, 1.05, 1.0, 1.15, 0.75, 1.0],
};

export const maritalStatuses = ['married', 'never_married', 'widowed', 'divorced'] as const;
/** Marital status by sex and age group, weights in maritalStatuses order. */
export const maritalBySexAge: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  male: {
    '18-24': [8, 91, 0, 1],
    '25-34': [45, 50, 0.2, 4.8],
    '35-44': [68, 20, 0.8, 11.2],
    '45-54': [76, 8, 2.5, 13.5],
    '55-64': [77, 5, 6, 12],
    '65-74': [75, 3, 12, 10],
    '75-84': [65, 2, 27, 6],
    '85+': [45, 2, 50, 3],
  },
  female: {
    '18-24': [20, 78, 0.1, 1.9],
    '25-34': [58, 32, 0.6, 9.4],
    '35-44': [68, 13, 2, 17],
    '45-54': [66, 6, 8, 20],
    '55-64': [56, 4, 22, 18],
    '65-74': [47, 3, 37, 13],
    '75-84': [27, 2, 64, 7],
    '85+': [8, 2, 88, 2],
  },
};

/**
 * Marital status by single year of age for the youngest group (18–24), which the group row above would spread
 * evenly: MODELLED so that first marriages build up from the legal age (18; 16 with a court's leave) and
 * divorce or widowhood appear only from 20 and stay rare (~0.1–2 %) until the mid-twenties. NBS publishes no
 * marital status by single age for 2024 (NOT_FOUND). Averaged over the group these rows are close to the
 * 18–24 row; calibration holds the published marginal. Weights in maritalStatuses order.
 */
export const maritalYoungBySexAge: Readonly<Record<string, Readonly<Record<string, readonly number[]>>>> = {
  male: {
    '18': [1, 99, 0, 0],
    '19': [2.5, 97.5, 0, 0],
    '20': [4.5, 95.4, 0, 0.1],
    '21': [7, 92.7, 0, 0.3],
    '22': [10, 89.4, 0, 0.6],
    '23': [13, 86, 0, 1],
    '24': [17, 81.5, 0.05, 1.45],
  },
  female: {
    '18': [6, 94, 0, 0],
    '19': [10.5, 89.5, 0, 0],
    '20': [15, 84.7, 0.05, 0.25],
    '21': [19.5, 79.8, 0.1, 0.6],
    '22': [24, 74.8, 0.1, 1.1],
    '23': [29, 69.2, 0.2, 1.6],
    '24': [34, 63.6, 0.2, 2.2],
  },
};

/** Disability pension by age group (share): the exception that lets someone under 55 be retired. */
export const disabilityPensionByAgeGroup: Readonly<Record<string, number>> = {
  '18-24': 0.015, '25-34': 0.025, '35-44': 0.04, '45-54': 0.07, '55-64': 0.09, '65-74': 0, '75-84': 0, '85+': 0,
};

export const employmentStatuses = ['employed', 'unemployed', 'retired', 'student', 'homemaker', 'other_inactive'] as const;
/** Employment status by age group, weights in employmentStatuses order. */
export const employmentByAgeGroup: Readonly<Record<string, readonly number[]>> = {
  '18-24': [30, 4, 0.5, 45, 4, 16.5],
  '25-34': [58, 3.5, 1, 3, 12, 22.5],
  '35-44': [63, 2.5, 2, 0.3, 8, 24.2],
  '45-54': [62, 2.2, 3.5, 0, 5, 27.3],
  '55-64': [45, 1.4, 35, 0, 3, 15.6],
  '65-74': [12, 0.2, 85, 0, 1, 1.8],
  '75-84': [2, 0, 97.5, 0, 0.5, 0],
  '85+': [0.5, 0, 99.5, 0, 0, 0],
};
/** Multipliers by education level (educationLevels order) for each status: degrees raise employment. */
export const employmentEducationTilt: Readonly<Record<string, readonly number[]>> = {
  employed: [0.5, 0.6, 0.8, 0.95, 1.0, 1.3, 1.4],
  unemployed: [1.4, 1.3, 1.2, 1.1, 1.0, 0.7, 0.3],
  retired: [1, 1, 1, 1, 1, 1, 1],
  student: [0.1, 0.2, 0.6, 1.6, 0.8, 1.2, 0.5],
  homemaker: [1.5, 1.4, 1.3, 1.1, 1.0, 0.7, 0.3],
  other_inactive: [1.6, 1.5, 1.3, 1.0, 1.0, 0.6, 0.4],
};
/** Multipliers by sex: LFS employment rate 20–64 men 58.6 %, women 55.1 %; family care is mostly women. */
export const employmentSexTilt: Readonly<Record<string, readonly number[]>> = {
  male: [1.04, 1.2, 0.9, 0.95, 0.15, 1.2],
  female: [0.96, 0.85, 1.08, 1.05, 1.8, 0.85],
};

/**
 * ISCO-08 major groups, with the minimum education each is taken to require (ISCO skill levels 4 and 3-4 map
 * to higher / lyceum-vocational education). NBS publishes no employment by ISCO group (NOT_FOUND); the
 * distribution by education below is MODELLED on the LFS sector mix (services 61 %, agriculture 18.1 %,
 * industry 13.4 %, construction 7.5 %).
 */
export const occupations: ReadonlyArray<{ name: string; minEducation: (typeof educationLevels)[number] }> = [
  { name: 'Managers', minEducation: 'lyceum' },
  { name: 'Professionals', minEducation: 'higher' },
  { name: 'Technicians and associate professionals', minEducation: 'lyceum' },
  { name: 'Clerical support workers', minEducation: 'gymnasium' },
  { name: 'Service and sales workers', minEducation: 'none' },
  { name: 'Skilled agricultural, forestry and fishery workers', minEducation: 'none' },
  { name: 'Craft and related trades workers', minEducation: 'none' },
  { name: 'Plant and machine operators and assemblers', minEducation: 'none' },
  { name: 'Elementary occupations', minEducation: 'none' },
  { name: 'Armed forces occupations', minEducation: 'gymnasium' },
];
/** Occupation by education level (employed only), weights in occupations order. */
export const occupationByEducation: Readonly<Record<string, readonly number[]>> = {
  none: [0, 0, 0, 0, 10, 30, 15, 5, 40, 0],
  primary: [0, 0, 0, 0, 12, 30, 18, 8, 32, 0],
  gymnasium: [1, 0, 2, 2, 20, 22, 20, 12, 21, 0],
  lyceum: [3, 0, 6, 6, 28, 12, 17, 12, 15, 1],
  vocational: [4, 0, 14, 5, 22, 8, 20, 15, 11, 1],
  higher: [13, 45, 15, 7, 10, 2, 3, 2, 2, 1],
  doctorate: [15, 80, 3, 1, 1, 0, 0, 0, 0, 0],
};
/** Multipliers by sex, occupations order. */
export const occupationSexTilt: Readonly<Record<string, readonly number[]>> = {
  male: [1.3, 0.75, 0.9, 0.5, 0.8, 1.1, 1.7, 1.9, 1.0, 2.0],
  female: [0.75, 1.25, 1.1, 1.6, 1.2, 0.9, 0.4, 0.3, 1.0, 0.15],
};
