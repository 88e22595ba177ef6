import type { CensusSpecInput } from '../schema.js';

type Constraint = NonNullable<CensusSpecInput['constraints']>[number];

/**
 * Life-course rules a persona must satisfy; a proposal that breaks one is rejected and redrawn whole. Each
 * description says the rule and, after "—", its source or rationale. `describe` lists them.
 *
 * Sources: Moldovan Family Code (marriage at 18, at 16 with leave); pension law: standard age 63 for men and
 * 60–61 for women in 2024 (rising to 63), special-category and long-career pensions up to ~6 years earlier;
 * the education system (bachelor's at 21–22, doctorate 3 years after a 2-year master's). NBS publishes no
 * marital status by single age and employment past 65 only as one group (NOT_FOUND): the age limits for work
 * are rationales, not published counts.
 */
export const constraints: readonly Constraint[] = [
  {
    name: 'higher_education_min_age',
    description: 'completed higher education requires age >= 21 — a bachelor\'s degree takes 3–4 years after the baccalaureate at 18–19',
    if: { education_level: { in: ['higher'] } },
    then: { age: { gte: 21 } },
  },
  {
    name: 'doctorate_min_age',
    description: 'a doctorate requires age >= 27 — 3 years of doctoral school after a 2-year master\'s',
    if: { education_level: { in: ['doctorate'] } },
    then: { age: { gte: 27 } },
  },
  {
    name: 'divorced_min_age',
    description: 'divorced only from age 20 — marriage at 18 (16 with leave) and a divorce takes months; no divorced 18–19-year-olds are published',
    if: { marital_status: { in: ['divorced'] } },
    then: { age: { gte: 20 } },
  },
  {
    name: 'widowed_min_age',
    description: 'widowed only from age 20 — as for divorce: a marriage must come first, and no widowed 18–19-year-olds are published',
    if: { marital_status: { in: ['widowed'] } },
    then: { age: { gte: 20 } },
  },
  {
    name: 'retired_min_age',
    description: 'retired under 55 only on a disability pension — no old-age or special-category pension starts before 55',
    if: { employment_status: { in: ['retired'] }, age: { lt: 55 } },
    then: { disability_pension: { in: ['yes'] } },
  },
  {
    name: 'retired_min_age_men',
    description: 'men retired under 57 only on a disability pension — standard pension age 63; special-category and long-career pensions start at most ~6 years earlier',
    if: { sex: { in: ['male'] }, employment_status: { in: ['retired'] }, age: { lt: 57 } },
    then: { disability_pension: { in: ['yes'] } },
  },
  {
    name: 'student_max_age',
    description: 'students are at most 35 — full-time study past 35 is too rare to model',
    if: { employment_status: { in: ['student'] } },
    then: { age: { lte: 35 } },
  },
  {
    name: 'employed_max_age',
    description: 'employed only up to age 84 — past 75 work is rare (the LFS groups all 65+; the 75–84 row gives ~2 %) and past 85 it is taken as nil',
    if: { employment_status: { in: ['employed'] } },
    then: { age: { lte: 84 } },
  },
  {
    name: 'routine_work_max_age',
    description: 'technicians, clerks, craft workers and machine operators are at most 75 — such jobs end with the pension; those still working past 75 farm, sell, or stay on as professionals and managers',
    if: {
      occupation: {
        in: [
          'Technicians and associate professionals',
          'Clerical support workers',
          'Craft and related trades workers',
          'Plant and machine operators and assemblers',
        ],
      },
    },
    then: { age: { lte: 75 } },
  },
  {
    name: 'armed_forces_max_age',
    description: 'armed forces occupations at most 60 — the service age limit of the highest ranks',
    if: { occupation: { in: ['Armed forces occupations'] } },
    then: { age: { lte: 60 } },
  },
  {
    name: 'occupation_requires_employed',
    description: 'only employed people have an occupation — occupation is that of the current job',
    if: { occupation: { notIn: ['none'] } },
    then: { employment_status: { in: ['employed'] } },
  },
  {
    name: 'employed_requires_occupation',
    description: 'every employed person has an occupation — occupation is that of the current job',
    if: { employment_status: { in: ['employed'] } },
    then: { occupation: { notIn: ['none'] } },
  },
];
