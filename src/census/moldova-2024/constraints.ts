import type { CensusSpecInput } from '../schema.js';

type Constraint = NonNullable<CensusSpecInput['constraints']>[number];

/**
 * Consistency rules a persona must satisfy; proposals that break one are rejected and redrawn.
 * Ages follow the Moldovan system: a bachelor's degree is finished at 21–22 at the earliest, a doctorate
 * (3 years after a 2-year master's) not before 27; the standard pension age is 63 (men) / 60–63 (women),
 * so retirement before 55 is only plausible on a disability pension.
 */
export const constraints: readonly Constraint[] = [
  {
    name: 'higher_education_min_age',
    description: 'completed higher education requires age >= 21',
    if: { education_level: { in: ['higher'] } },
    then: { age: { gte: 21 } },
  },
  {
    name: 'doctorate_min_age',
    description: 'a doctorate requires age >= 27',
    if: { education_level: { in: ['doctorate'] } },
    then: { age: { gte: 27 } },
  },
  {
    name: 'retired_min_age',
    description: 'retired under 55 only on a disability pension',
    if: { employment_status: { in: ['retired'] }, age: { lt: 55 } },
    then: { disability_pension: { in: ['yes'] } },
  },
  {
    name: 'student_max_age',
    description: 'students are at most 35',
    if: { employment_status: { in: ['student'] } },
    then: { age: { lte: 35 } },
  },
  {
    name: 'occupation_requires_employed',
    description: 'only employed people have an occupation',
    if: { occupation: { notIn: ['none'] } },
    then: { employment_status: { in: ['employed'] } },
  },
  {
    name: 'employed_requires_occupation',
    description: 'every employed person has an occupation',
    if: { employment_status: { in: ['employed'] } },
    then: { occupation: { notIn: ['none'] } },
  },
];
