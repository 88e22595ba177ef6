/**
 * Marginal targets for the adult (18+) population: what online calibration steers the output onto.
 * Counts are normalised. Where the census base is not 18+, the derivation is stated beside the table.
 */
export interface TargetTable {
  distribution: Record<string, number>;
  source: string;
}

/**
 * Women are 52.8 % of all ages (NBS census 2024 final, 1,271.9 k). Adults: children 0–17 (512,287 in the
 * 2024-01-01 estimate) are taken as 48.5 % female (sex ratio at birth ~106), leaving 53.95 % of adults female.
 */
export const sex: TargetTable = {
  distribution: { female: 53.95, male: 46.05 },
  source: 'NBS census 2024 final (women 52.8 %), adult share DERIVED',
};

/** Sums of adultsByAge (see age.ts) per group. */
export const ageGroup: TargetTable = {
  distribution: {
    '18-24': 148298,
    '25-34': 317263,
    '35-44': 367452,
    '45-54': 316867,
    '55-64': 355155,
    '65-74': 286735,
    '75-84': 80538,
    '85+': 38692,
  },
  source: 'NBS PxWeb POP010200, 2024-01-01 estimate (EST), top group spread over 84–100',
};

/** All ages; adults by region are not published (NBS census 2024 final, 2025-07-15). */
export const region: TargetTable = {
  distribution: { 'Chișinău': 720128, Nord: 608651, Centru: 670088, Sud: 306672, 'UTA Găgăuzia': 103668 },
  source: 'NBS census 2024 final, geographical distribution (2025-07-15)',
};

export const residence: TargetTable = {
  distribution: { urban: 46.4, rural: 53.6 },
  source: 'NBS census 2024 final (2025-07-15): urban 46.4 %',
};

/** Thousands; "Not declared" is the remainder of the 2,409.2 k total. */
export const ethnicity: TargetTable = {
  distribution: {
    Moldovan: 1848.6,
    Romanian: 193.2,
    Ukrainian: 123.5,
    Gagauz: 97.2,
    Russian: 81.6,
    Bulgarian: 38.2,
    Roma: 9.3,
    Other: 13.8,
    'Not declared': 3.8,
  },
  source: 'NBS census 2024 final, ethnocultural release 2025-10-20 (Moldpres, Moldova1; NBS_MEDIA)',
};

export const motherTongue: TargetTable = {
  distribution: {
    Moldovan: 1159857,
    Romanian: 765838,
    Russian: 280050,
    Gagauz: 87407,
    Ukrainian: 71878,
    Bulgarian: 28839,
    Romani: 7640,
    Other: 6116,
    'Not declared': 1582,
  },
  source: 'NBS census 2024 final, annex table 5.13 (NBS_ANNEX_3P)',
};

export const religion: TargetTable = {
  distribution: {
    Orthodox: 2271105,
    Baptist: 26226,
    "Jehovah's Witness": 16505,
    Pentecostal: 12606,
    Adventist: 6982,
    'Christian by Gospel': 6364,
    'Old Believer': 4053,
    Muslim: 3138,
    Catholic: 2586,
    'Other religion': 4720,
    'No religion': 20051,
    Atheist: 14211,
    Agnostic: 2117,
    Freethinker: 440,
    'Not declared': 18103,
  },
  source: 'NBS census 2024 final, annex table 5.29 (NBS_ANNEX_3P)',
};

/**
 * The census reports education for ages 10+ (none 2.4, primary 9.2, gymnasium 22.7, lyceum 12.8,
 * vocational/specialised secondary 33.6, higher 19.1 %; NBS via NewsMaker/Mir24). Adults: remove children
 * 10–14 (147,858, counted as primary) and 15–17 (81,686, counted as gymnasium) from a 10+ base of 2,140,544.
 * The doctorate share of higher education (1.2 %) is MODELLED; no census figure was found.
 */
export const education: TargetTable = {
  distribution: {
    none: 51476,
    primary: 49462,
    gymnasium: 405192,
    lyceum: 274538,
    vocational: 720662,
    higher: 404749,
    doctorate: 4916,
  },
  source: 'NBS census 2024 final (10+ base, NBS_MEDIA), adult counts DERIVED',
};

/**
 * 15+: married 55.8, never married 23.6, widowed 10.2, divorced 10.4 % (NBS via Estcurier). Adults: the
 * 81,686 aged 15–17 are taken as never married and removed from a 15+ base of 1,992,686.
 */
export const maritalStatus: TargetTable = {
  distribution: { married: 1111919, never_married: 388588, widowed: 203254, divorced: 207239 },
  source: 'NBS census 2024 final (15+, NBS_MEDIA), adult counts DERIVED',
};

/**
 * Labour Force Survey 2024 (EST): employed 853.9 k, unemployed 35.2 k, activity rate 44.5 % (15+ base
 * ≈1,998 k), inactive: pensioners 42.6 %, pupils/students 14.1 %, family care 10.5 %, other 32.8 %.
 * Adults: 15–17-year-olds removed (≈77.6 k students, ≈4 k other inactive, ≈1.5 k employed). In thousands.
 */
export const employment: TargetTable = {
  distribution: {
    employed: 852.4,
    unemployed: 35.0,
    retired: 472.4,
    student: 78.8,
    homemaker: 116.4,
    other_inactive: 359.8,
  },
  source: 'NBS Labour Force Survey 2024 (EST), adult counts DERIVED',
};

export interface ConditionalTargetTable {
  name: string;
  attribute: string;
  /** Subpopulation: attribute → allowed values (must be parents of `attribute` in the network). */
  where: Record<string, string[]>;
  /** Percent; "*" is every value not listed. */
  distribution: Record<string, number>;
  source: string;
}

/**
 * Published shares inside single units, calibrated like the marginals so regional structure is not left to
 * sampling luck (Taraclia is ~1,100 of 100,000 adults: ±1.5 points of noise on its own).
 */
export const conditionalTargets: readonly ConditionalTargetTable[] = [
  {
    name: 'gagauz_in_uta_gagauzia',
    attribute: 'ethnicity',
    where: { district: ['UTA Găgăuzia'] },
    distribution: { Gagauz: 81.2, '*': 18.8 },
    source: 'NBS census 2024 final, ethnocultural release 2025-10-20 (Moldova1, EVZ; NBS_MEDIA)',
  },
  {
    name: 'bulgarians_in_taraclia',
    attribute: 'ethnicity',
    where: { district: ['Taraclia'] },
    distribution: { Bulgarian: 64.2, '*': 35.8 },
    source: 'NBS census 2024 final, ethnocultural release 2025-10-20 (Moldova1, EVZ; NBS_MEDIA)',
  },
  {
    name: 'moldovans_in_basarabeasca',
    attribute: 'ethnicity',
    where: { district: ['Basarabeasca'] },
    distribution: { Moldovan: 65.4, '*': 34.6 },
    source: 'NBS census 2024 final: lowest Moldovan share by unit (Moldova1, EVZ; NBS_MEDIA)',
  },
  {
    name: 'moldovans_in_dubasari',
    attribute: 'ethnicity',
    where: { district: ['Dubăsari'] },
    distribution: { Moldovan: 96.4, '*': 3.6 },
    source: 'NBS census 2024 final: highest Moldovan share by unit (Moldova1, EVZ; NBS_MEDIA)',
  },
  {
    name: 'mother_tongue_in_chisinau',
    attribute: 'mother_tongue',
    where: { region: ['Chișinău'] },
    distribution: { Romanian: 47.7, Moldovan: 28.7, Russian: 19.7, Ukrainian: 2.4, Gagauz: 0.4, Bulgarian: 0.4, '*': 0.7 },
    source: 'NBS census 2024 final, annex 5.13 (NBS_ANNEX_3P)',
  },
  {
    name: 'mother_tongue_in_uta_gagauzia',
    attribute: 'mother_tongue',
    where: { region: ['UTA Găgăuzia'] },
    distribution: { Gagauz: 77.2, Russian: 12.1, Moldovan: 4.5, Bulgarian: 4.2, Ukrainian: 1.2, Romanian: 0.2, '*': 0.6 },
    source: 'NBS census 2024 final, annex 5.13 (NBS_ANNEX_3P)',
  },
];
