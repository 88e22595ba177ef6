import type { CensusSpecInput } from '../schema.js';
import { adultsByAge, ageGroups, femaleOddsByAgeGroup, firstAge } from './age.js';
import { constraints } from './constraints.js';
import { districts, notDeclaredEthnicityPct } from './districts.js';
import {
  ethnicities,
  ethnicityUrbanResidual,
  moldovanRussianTongue,
  motherTongueByEthnicity,
  nonReligiousShare,
  nonReligiousSplit,
  religionByEthnicity,
  romanianNameShare,
} from './ethnocultural.js';
import { cohortMidYear, firstNameRow, surnameRow } from './name-tables.js';
import { namesByEthnicity } from './names/communities.js';
import { firstNameCurve, publishedNames, referenceYear, surnameCurve } from './names/curves.js';
import * as p from './profiles.js';
import * as targets from './targets.js';

/**
 * Assembles the Moldova 2024 census spec from the literal tables beside this file. The only logic here is
 * reshaping: expanding modelled profiles and tilts into conditional rows. Every number comes from a data file
 * that cites its source.
 */
type Rows = Record<string, Record<string, number>>;

const zipRow = (keys: readonly string[], weights: readonly number[]): Record<string, number> =>
  Object.fromEntries(keys.map((k, i) => [k, weights[i]]));
const times = (a: readonly number[], ...ms: ReadonlyArray<readonly number[]>): number[] =>
  a.map((x, i) => ms.reduce((acc, m) => acc * m[i], x));

const regions = ['Chișinău', 'Nord', 'Centru', 'Sud', 'UTA Găgăuzia'];
const groupLabels = ageGroups.map(([g]) => g);
const sexes = ['female', 'male'];

function regionRows(): Rows {
  const row: Record<string, number> = {};
  for (const r of regions) row[r] = districts.filter((d) => d.region === r).reduce((s, d) => s + d.population, 0);
  return { '*': row };
}

function districtRows(): Rows {
  const rows: Rows = {};
  for (const r of regions) rows[r] = Object.fromEntries(districts.filter((d) => d.region === r).map((d) => [d.unit, d.population]));
  return rows;
}

function byDistrict(f: (d: (typeof districts)[number]) => Record<string, number>): Rows {
  return Object.fromEntries(districts.map((d) => [d.unit, f(d)]));
}

function ageGroupRows(): Rows {
  const weight = (g: readonly [string, number, number]) => adultsByAge.slice(g[1] - firstAge, g[2] - firstAge + 1).reduce((a, b) => a + b, 0);
  const female: Record<string, number> = {};
  const male: Record<string, number> = {};
  for (const g of ageGroups) {
    const odds = femaleOddsByAgeGroup[g[0]];
    female[g[0]] = (weight(g) * odds) / (1 + odds);
    male[g[0]] = weight(g) / (1 + odds);
  }
  return { female, male };
}

function ageRows(): Rows {
  return Object.fromEntries(
    ageGroups.map(([g, lo, hi]) => [g, Object.fromEntries(adultsByAge.slice(lo - firstAge, hi - firstAge + 1).map((c, i) => [String(lo + i), c]))]),
  );
}

const motherTongues = ['Moldovan', 'Romanian', 'Russian', 'Gagauz', 'Ukrainian', 'Bulgarian', 'Romani', 'Other', 'Not declared'];

function ethnicityRows(): Rows {
  const rows: Rows = {};
  for (const d of districts) {
    const [ro, ua, ga, ru, bg, rm, ot] = d.minorities;
    const moldovan = 100 - d.minorities.reduce((a, b) => a + b, 0) - notDeclaredEthnicityPct;
    const base: Record<string, number> = { Moldovan: moldovan, Romanian: ro, Ukrainian: ua, Gagauz: ga, Russian: ru, Bulgarian: bg, Roma: rm, Other: ot, 'Not declared': notDeclaredEthnicityPct };
    for (const [res, sign] of [['urban', 0.5], ['rural', -0.5]] as const) {
      // A unit's majority group (Bulgarians in Taraclia, Gagauz in ATU Găgăuzia) lives in town and village alike.
      rows[`${d.unit}|${res}`] = Object.fromEntries(Object.entries(base).map(([e, w]) => [e, w > 50 && e !== 'Moldovan' ? w : w * ethnicityUrbanResidual[e] ** sign]));
    }
  }
  return rows;
}

function motherTongueRows(): Rows {
  const rows: Rows = {};
  for (const e of ethnicities) {
    for (const r of regions) {
      const base = { ...motherTongueByEthnicity[e] };
      if (e === 'Moldovan') base.Russian = moldovanRussianTongue[r] ?? moldovanRussianTongue.default;
      const ro = base.RomanianOrMoldovan ?? 0;
      delete base.RomanianOrMoldovan;
      const share = (romanianNameShare[e] ?? romanianNameShare.default)[r];
      rows[`${e}|${r}`] = { ...base, Romanian: ro * share, Moldovan: ro * (1 - share) };
    }
  }
  return rows;
}

function religionRows(): Rows {
  const splitTotal = Object.values(nonReligiousSplit).reduce((a, b) => a + b, 0);
  return Object.fromEntries(
    ethnicities.map((e) => {
      const none = nonReligiousShare[e];
      const row: Record<string, number> = {};
      for (const [k, v] of Object.entries(religionByEthnicity[e])) row[k] = v * (1 - none);
      for (const [k, v] of Object.entries(nonReligiousSplit)) row[k] = (row[k] ?? 0) + (none * v) / splitTotal;
      return [e, row];
    }),
  );
}

function educationRows(): Rows {
  const rows: Rows = {};
  for (const g of groupLabels)
    for (const s of sexes)
      for (const res of ['urban', 'rural'])
        rows[`${g}|${s}|${res}`] = zipRow(p.educationLevels, times(p.educationByAgeGroup[g], p.educationSexTilt[s], p.educationResidenceTilt[res]));
  return rows;
}

/** Marital status by sex and single age: the youngest group by single year, the others by their group row. */
function maritalRows(): Rows {
  const rows: Rows = {};
  for (const s of sexes)
    for (const [g, lo, hi] of ageGroups)
      for (let age = lo; age <= hi; age++) rows[`${s}|${age}`] = zipRow(p.maritalStatuses, p.maritalYoungBySexAge[s][String(age)] ?? p.maritalBySexAge[s][g]);
  return rows;
}

function employmentRows(): Rows {
  const rows: Rows = {};
  for (const g of groupLabels)
    for (const s of sexes)
      p.educationLevels.forEach((edu, ei) => {
        const w = times(p.employmentByAgeGroup[g], p.employmentSexTilt[s]).map((x, si) => x * p.employmentEducationTilt[p.employmentStatuses[si]][ei]);
        rows[`${g}|${s}|${edu}`] = zipRow(p.employmentStatuses, w);
      });
  return rows;
}

function occupationRows(): Rows {
  const names = p.occupations.map((o) => o.name);
  const rows: Rows = {};
  for (const edu of p.educationLevels)
    for (const s of sexes) rows[`employed|${edu}|${s}`] = zipRow(names, times(p.occupationByEducation[edu], p.occupationSexTilt[s]));
  rows['*|*|*'] = { none: 1 };
  return rows;
}

/** First names by sex × ethnicity × birth cohort (the age group, reckoned from the census year). */
function firstNameRows(): { values: string[]; table: Rows } {
  const values = new Set<string>();
  const table: Rows = {};
  for (const s of ['female', 'male'] as const)
    for (const e of ethnicities)
      for (const [g, lo, hi] of ageGroups) {
        const row = firstNameRow(namesByEthnicity[e].first, s, cohortMidYear(lo, hi));
        Object.keys(row).forEach((n) => values.add(n));
        table[`${s}|${e}|${g}`] = row;
      }
  return { values: [...values], table };
}

/** Surnames by sex × ethnicity (feminine forms where the language has them). */
function lastNameRows(): { values: string[]; table: Rows } {
  const values = new Set<string>();
  const table: Rows = {};
  for (const s of ['female', 'male'] as const)
    for (const e of ethnicities) {
      const row = surnameRow(namesByEthnicity[e].surnames, s);
      Object.keys(row).forEach((n) => values.add(n));
      table[`${s}|${e}`] = row;
    }
  return { values: [...values], table };
}

const occupationMinEducation = p.occupations
  .filter((o) => o.minEducation !== 'none')
  .map((o) => ({
    name: `occupation_min_education:${o.name}`,
    description: `${o.name} require at least ${o.minEducation} education — the ISCO-08 skill level of the group`,
    if: { occupation: { in: [o.name] } },
    then: { education_level: { gte: o.minEducation } },
  }));

const distinctSources = (pick: (t: (typeof namesByEthnicity)[string]) => string) => [...new Set(Object.values(namesByEthnicity).map(pick))].map((x) => x.replace(/^MODELLED: /, '')).join('; ');
const firstNameSource = `MODELLED by sex × ethnicity × birth cohort (age group → birth decade, reckoned from ${referenceYear}; Zipf–Mandelbrot s=${firstNameCurve.s}, q=${firstNameCurve.q} over each decade's ranked list): ${distinctSources((t) => t.first.source)}; ${publishedNames}`;
const lastNameSource = `MODELLED by sex × ethnicity (Zipf–Mandelbrot s=${surnameCurve.s}, q=${surnameCurve.q} over each ranked list; Slavic feminine forms by rule): ${distinctSources((t) => t.surnames.source)}; ${publishedNames}`;
const firstNames = firstNameRows();
const lastNames = lastNameRows();
const ageValues = adultsByAge.map((_, i) => String(firstAge + i));
const target = (t: targets.TargetTable) => ({ distribution: t.distribution, unit: 'count' as const, source: t.source });

export const moldova2024: CensusSpecInput = {
  name: 'moldova-2024',
  description: 'Adults (18+) usually resident in the Republic of Moldova, NBS Population and Housing Census 2024 (reference date 2024-04-08; Transnistria and Bender not covered).',
  constants: { country: 'Moldova' },
  attributes: [
    { name: 'region', values: regions, table: regionRows(), unit: 'count', source: 'NBS census 2024 final, region totals' },
    { name: 'district', values: districts.map((d) => d.unit), parents: ['region'], table: districtRows(), unit: 'count', source: 'NBS annex 8.3 via third party (NBS_ANNEX_3P)' },
    { name: 'residence', values: ['urban', 'rural'], parents: ['district'], table: byDistrict((d) => ({ urban: d.urbanShare, rural: 1 - d.urbanShare })), unit: 'count', source: 'MODELLED per unit, calibrated to 46.4 % urban' },
    { name: 'sex', values: sexes, parents: ['district'], table: byDistrict((d) => ({ male: d.malesPer1000, female: 1000 })), unit: 'count', source: 'NBS annex 2.3 males per 1,000 females by unit (NBS_ANNEX_3P)' },
    { name: 'age_group', values: groupLabels, parents: ['sex'], table: ageGroupRows(), unit: 'count', source: 'NBS POP010200 2024-01-01 estimate; sex gradient MODELLED' },
    { name: 'age', type: 'integer', values: ageValues, parents: ['age_group'], table: ageRows(), unit: 'count', source: 'NBS POP010200 2024-01-01 estimate, top group spread over 84–100' },
    {
      name: 'ethnicity',
      values: [...ethnicities],
      parents: ['district', 'residence'],
      table: ethnicityRows(),
      unit: 'count',
      source: 'MODELLED by unit and residence from published national, regional, unit and urban/rural figures (see districts.ts, ethnocultural.ts)',
    },
    { name: 'mother_tongue', values: motherTongues, parents: ['ethnicity', 'region'], table: motherTongueRows(), unit: 'count', source: 'NBS figure 16 (3P); Romanian/Moldovan split by region MODELLED' },
    { name: 'religion', values: Object.keys(targets.religion.distribution), parents: ['ethnicity'], table: religionRows(), unit: 'count', source: 'NBS figure 17 (3P); non-religious shares MODELLED' },
    { name: 'education_level', values: [...p.educationLevels], parents: ['age_group', 'sex', 'residence'], table: educationRows(), unit: 'count', source: 'MODELLED (see profiles.ts)' },
    { name: 'marital_status', values: [...p.maritalStatuses], parents: ['sex', 'age'], table: maritalRows(), unit: 'count', source: 'MODELLED by sex and age (see profiles.ts: age groups, single years for 18–24)' },
    {
      name: 'disability_pension',
      values: ['no', 'yes'],
      parents: ['age_group'],
      table: Object.fromEntries(groupLabels.map((g) => [g, { no: 1 - p.disabilityPensionByAgeGroup[g], yes: p.disabilityPensionByAgeGroup[g] }])),
      unit: 'count',
      source: 'MODELLED (see profiles.ts)',
    },
    { name: 'employment_status', values: [...p.employmentStatuses], parents: ['age_group', 'sex', 'education_level'], table: employmentRows(), unit: 'count', source: 'MODELLED on LFS 2024 rates (see profiles.ts)' },
    { name: 'occupation', values: [...p.occupations.map((o) => o.name), 'none'], parents: ['employment_status', 'education_level', 'sex'], table: occupationRows(), unit: 'count', source: 'ISCO-08 major groups, MODELLED (see profiles.ts)' },
    { name: 'first_name', values: firstNames.values, parents: ['sex', 'ethnicity', 'age_group'], table: firstNames.table, unit: 'count', source: firstNameSource },
    { name: 'last_name', values: lastNames.values, parents: ['sex', 'ethnicity'], table: lastNames.table, unit: 'count', source: lastNameSource },
  ],
  derived: [{ name: 'name', template: '{first_name} {last_name}' }],
  targets: {
    sex: target(targets.sex),
    age_group: target(targets.ageGroup),
    region: target(targets.region),
    residence: target(targets.residence),
    ethnicity: target(targets.ethnicity),
    mother_tongue: target(targets.motherTongue),
    religion: target(targets.religion),
    education_level: target(targets.education),
    marital_status: target(targets.maritalStatus),
    employment_status: target(targets.employment),
  },
  conditionalTargets: targets.conditionalTargets.map((t) => ({
    name: t.name,
    attribute: t.attribute,
    where: Object.fromEntries(Object.entries(t.where).map(([a, values]) => [a, { in: values }])),
    distribution: t.distribution,
    unit: 'count' as const,
    source: t.source,
  })),
  constraints: [...constraints, ...occupationMinEducation],
  joints: [
    ['region', 'ethnicity'],
    ['ethnicity', 'mother_tongue'],
    ['ethnicity', 'religion'],
    ['age_group', 'education_level'],
    ['age_group', 'marital_status'],
    ['age_group', 'employment_status'],
  ],
  outputOrder: [
    'id', 'name', 'first_name', 'last_name', 'sex', 'age', 'age_group', 'region', 'district', 'residence', 'country',
    'ethnicity', 'mother_tongue', 'religion', 'marital_status', 'education_level', 'employment_status', 'occupation',
    'disability_pension', 'big_five',
  ],
};
