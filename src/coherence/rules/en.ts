import type { Rule } from '../types.js';
import { AGE, HIGHER, JOBSEEKING, NO_FAITH, NOT_WORKING, OCC, ORTHODOX, PROTESTANT, ROMANIAN } from './values.js';

/** English rules. `S` opens a claim about the persona: its name (U+0001), he/she or I, after a short lead. */
const S = String.raw`^(?:[^,\n\u0002]{1,30}, )?(?:\u0001|he|she|i)`;
const BE = String.raw`(?: is| am|'s| has been| was)`;
const END = String.raw`(?!\p{L})`;
const re = (source: string): RegExp => new RegExp(source, 'iu');

const OCCUPATIONS: Record<string, readonly string[]> = {
  manager: [OCC.managers], director: [OCC.managers], 'head': [OCC.managers],
  teacher: [OCC.professionals], doctor: [OCC.professionals], physician: [OCC.professionals], engineer: [OCC.professionals], lawyer: [OCC.professionals], economist: [OCC.professionals],
  programmer: [OCC.professionals, OCC.technicians], 'software': [OCC.professionals, OCC.technicians], professional: [OCC.professionals], researcher: [OCC.professionals],
  nurse: [OCC.technicians, OCC.professionals], accountant: [OCC.professionals, OCC.technicians], technician: [OCC.technicians],
  clerk: [OCC.clerical], secretary: [OCC.clerical], cashier: [OCC.clerical, OCC.service],
  'shop': [OCC.service], salesperson: [OCC.service], saleswoman: [OCC.service], salesman: [OCC.service], cook: [OCC.service], waiter: [OCC.service], waitress: [OCC.service], hairdresser: [OCC.service], service: [OCC.service],
  farmer: [OCC.agriculture], winegrower: [OCC.agriculture],
  tradesperson: [OCC.craft], builder: [OCC.craft], carpenter: [OCC.craft], welder: [OCC.craft], electrician: [OCC.craft, OCC.technicians], mechanic: [OCC.craft, OCC.technicians], tailor: [OCC.craft], seamstress: [OCC.craft],
  driver: [OCC.operators], 'machine': [OCC.operators], 'tractor': [OCC.operators],
  labourer: [OCC.elementary], laborer: [OCC.elementary], manual: [OCC.elementary], cleaner: [OCC.elementary], porter: [OCC.elementary],
  soldier: [OCC.armed], officer: [OCC.armed, OCC.managers],
};

export const rulesEn: readonly Rule[] = [
  {
    name: 'en.sex.pronoun',
    keys: ['he', 'his', 'him', 'her'],
    pattern: re(String.raw`^(?:[^,\n\u0002]{1,30}, )?(he|his|him|she|her)${END}`),
    check: { attr: 'sex', lexicon: { he: ['male'], his: ['male'], him: ['male'], she: ['female'], her: ['female'] } },
    examples: [
      { text: 'Ion Rusu is 40 years old. She works at the town hall.', record: { sex: 'male', name: 'Ion Rusu' }, contradicts: true },
      { text: 'His wife is a teacher. She works at the school.', record: { sex: 'male' }, contradicts: false },
    ],
  },
  {
    name: 'en.sex.noun',
    keys: ['man', 'woman', 'girl', 'boy', 'widow', 'mother', 'father', 'housewife', 'himself', 'herself'],
    pattern: re(String.raw`${S}${BE} (?:a |an )?(?:\p{L}+ )?(woman|girl|widow|mother|grandmother|housewife|businesswoman|man|boy|widower|father|grandfather|businessman)${END}|(?:considers|calls|describes) (himself|herself)${END}`),
    check: { attr: 'sex', lexicon: Object.fromEntries([...['woman', 'girl', 'widow', 'mother', 'grandmother', 'housewife', 'businesswoman', 'herself'].map((w) => [w, ['female']]), ...['man', 'boy', 'widower', 'father', 'grandfather', 'businessman', 'himself'].map((w) => [w, ['male']])]) },
    examples: [
      { text: 'Maria is a widower who lives alone.', record: { sex: 'female', first_name: 'Maria' }, contradicts: true },
      { text: 'He considers himself Moldovan.', record: { sex: 'male' }, contradicts: false },
    ],
  },
  {
    name: 'en.age.stated',
    keys: ['year', 'aged', 'at '],
    pattern: re(String.raw`^(?:\u0001(?:,| \(| is| was)? (\d{1,3})(?:-year-old| years old|\)|,)|aged (\d{1,3}), \u0001|at (\d{1,3}), \u0001|(?:he|she|i)(?: is| am) (\d{1,3})(?: years old)?${END}(?! years of))`),
    check: { attr: 'age', statedAge: true },
    examples: [
      { text: 'Aged 33, Elena Lungu lives in Bălți.', record: { age: 63, name: 'Elena Lungu' }, contradicts: true },
      { text: 'Elena Lungu is 63 years old.', record: { age: 63, name: 'Elena Lungu' }, contradicts: false },
    ],
  },
  {
    name: 'en.age.birth-year',
    keys: ['born'],
    pattern: re(String.raw`^(?:\u0001|he|she|i)?(?: was)? ?born in (\d{4})${END}`),
    check: { attr: 'age', bornIn: true },
    examples: [
      { text: 'Born in 1960, Ion spent his childhood in Cahul.', record: { age: 24, first_name: 'Ion' }, contradicts: true },
      { text: 'Ion was born in 2000.', record: { age: 24, first_name: 'Ion' }, contradicts: false },
    ],
  },
  {
    name: 'en.marital.married',
    keys: ['married'],
    pattern: re(String.raw`${S}${BE} (?:happily )?married${END}(?! for the first time)`),
    check: { attr: 'marital_status', oneOf: ['married'] },
    examples: [
      { text: 'She is married, and the household runs on both incomes.', record: { marital_status: 'widowed' }, contradicts: true },
      { text: 'Her sister is married.', record: { marital_status: 'widowed' }, contradicts: false },
    ],
  },
  {
    name: 'en.marital.not-married',
    keys: ['married', 'single', 'family'],
    pattern: re(String.raw`${S}(?:${BE} (?:not married|single|unmarried)${END}|(?: has)? never married| has not (?:yet )?started a family)`),
    check: { attr: 'marital_status', noneOf: ['married'] },
    examples: [{ text: 'He is not married and values his independence.', record: { marital_status: 'married' }, contradicts: true }],
  },
  {
    name: 'en.marital.widowed',
    keys: ['widow', 'lost'],
    pattern: re(String.raw`${S}${BE} (?:a )?(?:widowed|widow|widower)${END}|^since (?:being|he was|she was) widowed|${S} lost (?:his|her) (?:wife|husband)${END}`),
    check: { attr: 'marital_status', oneOf: ['widowed'] },
    examples: [{ text: 'Since being widowed, she relies on relatives.', record: { marital_status: 'married' }, contradicts: true }],
  },
  {
    name: 'en.marital.divorced',
    keys: ['divorced'],
    pattern: re(String.raw`${S}${BE} divorced${END}`),
    check: { attr: 'marital_status', oneOf: ['divorced'] },
    examples: [{ text: 'He is divorced and rebuilt his life.', record: { marital_status: 'never_married' }, contradicts: true }],
  },
  {
    name: 'en.employment.retired',
    keys: ['retire', 'pensioner'],
    pattern: re(String.raw`${S}(?:${BE} (?:a )?(?:retired|retiree|pensioner)${END}| has retired| retired (?:last|two|three|a few|several|in \d{4}))|^in retirement, (?:he|she)`),
    check: { attr: 'employment_status', oneOf: ['retired'] },
    examples: [
      { text: 'After decades of work, Ion has retired.', record: { employment_status: 'employed', first_name: 'Ion' }, contradicts: true },
      { text: 'Her father is retired.', record: { employment_status: 'employed' }, contradicts: false },
    ],
  },
  {
    name: 'en.employment.student',
    keys: ['student', 'studying'],
    pattern: re(String.raw`${S}(?:${BE} (?:a |an )?(?:university |medical |law |college |full-time |part-time |first-year |second-year |third-year |final-year )?student${END}| is still studying)`),
    check: { attr: 'employment_status', oneOf: ['student'] },
    examples: [{ text: 'Ana is a medical student in Chișinău.', record: { employment_status: 'employed', first_name: 'Ana' }, contradicts: true }],
  },
  {
    name: 'en.employment.jobseeker',
    keys: ['unemployed', 'out of work', 'looking for'],
    pattern: re(String.raw`${S}${BE} (?:unemployed|out of work|looking for (?:a job|work))${END}`),
    check: { attr: 'employment_status', oneOf: JOBSEEKING },
    examples: [{ text: 'He is looking for work and checks the ads daily.', record: { employment_status: 'retired' }, contradicts: true }],
  },
  {
    name: 'en.employment.works-as',
    keys: ['worked as', 'works as', 'working as'],
    pattern: re(String.raw`${S}(?: works| has worked| has been working) as `),
    check: { attr: 'employment_status', noneOf: NOT_WORKING },
    examples: [{ text: 'For roughly 30 years, Ion has worked as a driver.', record: { employment_status: 'retired', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'en.occupation.works-as',
    keys: ['worked as', 'works as', 'working as'],
    pattern: re(String.raw`${S}(?: works| has worked| has been working) as (?:an? )?(\p{L}+)`),
    check: { attr: 'occupation', lexicon: OCCUPATIONS },
    examples: [
      { text: 'She works as a teacher in the village school.', record: { occupation: OCC.craft }, contradicts: true },
      { text: 'She works as a teacher in the village school.', record: { occupation: OCC.professionals }, contradicts: false },
    ],
  },
  {
    name: 'en.education.level',
    keys: ['degree', 'doctorate', 'phd', 'diploma', 'training', 'education', 'schooling'],
    pattern: re(String.raw`${S}(?: has| holds) (a university degree|a degree|a doctorate|a phd|a lyceum diploma|vocational training|primary education|lower secondary education|no formal schooling|higher education)${END}|^(?:his|her|my) schooling — (a university degree|a doctorate|a lyceum diploma|vocational training|primary education|lower secondary education|no formal schooling) —`),
    check: {
      attr: 'education_level',
      lexicon: {
        'a university degree': HIGHER, 'a degree': HIGHER, 'higher education': HIGHER, 'a doctorate': ['doctorate'], 'a phd': ['doctorate'], 'a lyceum diploma': ['lyceum'],
        'vocational training': ['vocational'], 'primary education': ['primary'], 'lower secondary education': ['gymnasium'], 'no formal schooling': ['none'],
      },
    },
    examples: [{ text: 'She has a university degree, which shaped her path.', record: { education_level: 'primary' }, contradicts: true }],
  },
  {
    name: 'en.place.district',
    keys: ['district'],
    pattern: re(String.raw`^(?:aged \d+, |at \d+, )?\u0001[^\n]{0,40}? (?:lives|makes a life) [^\n]{0,30}?(\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?) district`),
    check: { attr: 'district', sameDistrict: true },
    examples: [{ text: 'Ion is 40 years old and lives in a village in Orhei district.', record: { district: 'Cahul', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'en.place.lives-in-village',
    keys: ['village'],
    pattern: re(String.raw`^[^\n\u0002]{0,60}?\b(?:lives|makes a life) in a village${END}`),
    check: { attr: 'residence', oneOf: ['rural'] },
    examples: [{ text: 'Ion lives in a village in Cahul district.', record: { residence: 'urban', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'en.place.village-life',
    keys: ['village'],
    // The persona's own village life; "the village of his grandparents" is someone else's.
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(the village feast|feast day of the village|walks around the village|in my village|in (?:his|her) village)${END}`),
    check: { attr: 'residence', oneOf: ['rural'] },
    examples: [
      { text: 'Orthodox faith is part of daily life: the fasts and the village feast day.', record: { residence: 'urban' }, contradicts: true },
      { text: 'Summers were spent in the village of her grandparents.', record: { residence: 'urban' }, contradicts: false },
    ],
  },
  {
    name: 'en.place.region',
    keys: ['northern', 'southern', 'central'],
    pattern: re(String.raw`^(?!\u0002)[^\n]{0,80}?(?:lives|makes a life)[^\n]{0,80}?in (northern|southern|central) Moldova`),
    check: { attr: 'region', lexicon: { northern: ['Nord'], southern: ['Sud', 'UTA Găgăuzia'], central: ['Centru', 'Chișinău'] } },
    examples: [{ text: 'Ion is 40 years old and lives in a village in Soroca district, in southern Moldova.', record: { region: 'Nord', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'en.religion.named',
    keys: ['orthodox', 'catholic', 'muslim', 'baptist', 'pentecostal', 'adventist', 'atheist'],
    pattern: re(String.raw`${S}${BE} (?:a |an )?(?:devout |practising |practicing )?(orthodox|catholic|roman catholic|muslim|baptist|pentecostal|adventist|atheist)${END}|^(orthodox) faith is part of daily life`),
    check: { attr: 'religion', lexicon: { orthodox: ORTHODOX, catholic: ['Catholic'], 'roman catholic': ['Catholic'], muslim: ['Muslim'], baptist: ['Baptist'], pentecostal: ['Pentecostal'], adventist: ['Adventist'], atheist: ['Atheist', 'No religion'] } },
    examples: [{ text: 'She is a devout Catholic.', record: { religion: 'Orthodox' }, contradicts: true }],
  },
  {
    name: 'en.religion.not-religious',
    keys: ['religious', 'believer'],
    pattern: re(String.raw`${S}(?:${BE} not religious| does not consider (?:himself|herself) a believer)`),
    check: { attr: 'religion', oneOf: [...NO_FAITH, 'Other'] },
    examples: [{ text: 'He is not religious but keeps the holidays.', record: { religion: 'Orthodox' }, contradicts: true }],
  },
  {
    name: 'en.religion.community',
    keys: ['part of a'],
    pattern: re(String.raw`${S}${BE} part of an? (evangelical|baptist|pentecostal|adventist|catholic|orthodox) (?:community|church)`),
    check: { attr: 'religion', lexicon: { evangelical: PROTESTANT, baptist: ['Baptist'], pentecostal: ['Pentecostal'], adventist: ['Adventist'], catholic: ['Catholic'], orthodox: ORTHODOX } },
    examples: [{ text: 'She is part of an evangelical community.', record: { religion: 'Orthodox' }, contradicts: true }],
  },
  {
    name: 'en.language.mother-tongue',
    keys: ['mother tongue', 'native language'],
    pattern: re(String.raw`^(?:his|her|my) (?:mother tongue|native language) is (\p{L}+)|${S} speaks (\p{L}+) fluently; it is (?:his|her|my) mother tongue`),
    check: { attr: 'mother_tongue', lexicon: { romanian: ROMANIAN, moldovan: ROMANIAN, russian: ['Russian'], gagauz: ['Gagauz'], ukrainian: ['Ukrainian'], bulgarian: ['Bulgarian'], romani: ['Romani'] } },
    examples: [
      { text: 'Her mother tongue is Russian, spoken at home.', record: { mother_tongue: 'Gagauz' }, contradicts: true },
      { text: 'Her mother tongue is Moldovan.', record: { mother_tongue: 'Romanian' }, contradicts: false },
    ],
  },
  {
    name: 'en.age.youth-past',
    keys: ['worked hard'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?worked hard (?:when young|in (?:his|her|my) youth)`),
    check: { attr: 'age', minAge: AGE.youthPast },
    examples: [{ text: 'She worked hard when young and knows the value of honest pay.', record: { age: 22 }, contradicts: true }],
  },
  {
    name: 'en.age.career-long',
    keys: ['of work'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(?:after a lifetime of work|after decades of work)`),
    check: { attr: 'age', minAge: AGE.careerLong },
    examples: [{ text: 'Ion is retired after a lifetime of work.', record: { age: 33, first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'en.age.emigrate-for-work',
    keys: ['abroad'],
    pattern: re(String.raw`${S} (?:weighs|is considering|is thinking about) (?:working|leaving to work|going to work) abroad`),
    check: { attr: 'age', maxAge: AGE.emigrateWork },
    examples: [{ text: 'He weighs working abroad but would rather stay.', record: { age: 81 }, contradicts: true }],
  },
  {
    name: 'en.age.grandchildren',
    keys: ['grandchildren'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(?:the|his|her|my) grandchildren${END}`),
    check: { attr: 'age', minAge: AGE.grandchildren },
    examples: [{ text: 'In retirement, she fills the days with the house and the grandchildren.', record: { age: 29 }, contradicts: true }],
  },
];
