/**
 * Usually-resident population by single year of age, ages 18…100.
 *
 * Source: NBS PxWeb POP010200, population at 2024-01-01 (an ESTIMATE, not the census; total 2,423,287).
 * Reading of the source's mis-coded age list (documented decision): codes 1…84 are ages 0…83 (birth cohorts of
 * ~23K match code 1 = age 0), and the two entries coded 101/102 (22,326 + 21,382 = 43,708) are the open top
 * group, ages 84 and over. That top mass is spread over 84…100 with a geometric decline continuing from age 83
 * (ratio 0.907 per year, solved so the spread sums exactly to 43,708) — a generator with nobody over 84 is wrong.
 * The census itself publishes no adult age groups (NOT_FOUND), so this is the prior and the calibration target.
 */
export const firstAge = 18;
export const adultsByAge: readonly number[] = [
  23858, 20610, 20514, 19764, 21719, 20270, 21563, 23241, 25836, 27065, 29868, 31611, 33922, 33092, 36289, 37273,
  39066, 39814, 41409, 39114, 38005, 38257, 35539, 34403, 34629, 33446, 32836, 30739, 32361, 32756, 32362, 31870,
  33031, 31133, 31094, 29839, 31682, 31656, 31658, 31287, 33509, 35408, 36626, 38210, 39937, 39397, 37467, 35621,
  33460, 31111, 31194, 27773, 27458, 27678, 26998, 26041, 19401, 12107, 10581, 6654, 7734, 8051, 9010, 9296, 6558,
  5531, 5016, 4551, 4128, 3745, 3397, 3081, 2795, 2535, 2300, 2086, 1892, 1716, 1557, 1412, 1281, 1162, 1054,
];

/** Age groups used for conditioning and as a controlled marginal: [label, first age, last age]. */
export const ageGroups: ReadonlyArray<readonly [string, number, number]> = [
  ['18-24', 18, 24],
  ['25-34', 25, 34],
  ['35-44', 35, 44],
  ['45-54', 45, 54],
  ['55-64', 55, 64],
  ['65-74', 65, 74],
  ['75-84', 75, 84],
  ['85+', 85, 100],
];

/**
 * Relative weight of the female sex by age group: MODELLED. NBS publishes no sex × age table for 2024 in
 * reachable form; the gradient (near parity when young, ~2.5 women per man at 85+) follows the usual pattern
 * of the region's life tables. Calibration then holds the adult sex ratio on its target.
 */
export const femaleOddsByAgeGroup: Readonly<Record<string, number>> = {
  '18-24': 0.95,
  '25-34': 0.96,
  '35-44': 1.0,
  '45-54': 1.06,
  '55-64': 1.22,
  '65-74': 1.5,
  '75-84': 1.95,
  '85+': 2.5,
};
