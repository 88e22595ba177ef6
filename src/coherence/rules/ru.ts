import type { Rule } from '../types.js';
import { AGE, HIGHER, JOBSEEKING, NO_FAITH, NOT_WORKING, OCC, ORTHODOX, ROMANIAN } from './values.js';

/** Russian rules. `S` opens a claim about the persona: its name (U+0001), он/она or я, after a short lead; pro-drop counts. */
const S = String.raw`^(?:[^,\n\u0002]{1,30}, )?(?:(?:уже|давно|сейчас|теперь) )?(?:(?:\u0001|он|она|я),? )?(?:(?:уже|давно|сейчас|теперь|не) )?(?:— )?`;
const END = String.raw`(?!\p{L})`;
const re = (source: string): RegExp => new RegExp(source, 'iu');

const FEM_VERBS = 'родилась|выросла|окончила|вышла|работала|переехала|овдовела|развелась|училась|замужем|пенсионерка|студентка|вдова|разведена|учительница|православная|мусульманка|безработная';
const MASC_VERBS = 'родился|вырос|окончил|вышел|работал|переехал|овдовел|развёлся|развелся|учился|женат|пенсионер|студент|вдовец|разведён|разведен|учитель|православный|мусульманин|безработный';
const sexOf = (forms: string, sex: string) => Object.fromEntries(forms.split('|').map((f) => [f, [sex]]));

export const rulesRu: readonly Rule[] = [
  {
    name: 'ru.sex.gendered-form',
    keys: [...FEM_VERBS.split('|'), ...MASC_VERBS.split('|')],
    pattern: re(`${S}(${FEM_VERBS}|${MASC_VERBS})${END}`),
    check: { attr: 'sex', lexicon: { ...sexOf(FEM_VERBS, 'female'), ...sexOf(MASC_VERBS, 'male') } },
    examples: [
      { text: 'Иван Русу родилась в Кагуле.', record: { sex: 'male', name: 'Иван Русу' }, contradicts: true },
      { text: 'Его жена родилась в Кагуле.', record: { sex: 'male' }, contradicts: false },
    ],
  },
  {
    name: 'ru.sex.pronoun',
    keys: ['он'],
    pattern: re(String.raw`^(?:[^,\n\u0002]{1,30}, )?(он|она)${END}`),
    check: { attr: 'sex', lexicon: { он: ['male'], она: ['female'] } },
    examples: [{ text: 'Мария Лунгу живёт в Бельцах. Он работает учителем.', record: { sex: 'female', name: 'Мария Лунгу' }, contradicts: true }],
  },
  {
    name: 'ru.age.stated',
    keys: ['год', 'лет', '('],
    pattern: re(String.raw`^(?:\u0001,? |ей |ему |мне )(\d{1,3}) (?:год|года|лет)${END}|^\u0001 \((\d{1,3})\)|в возрасте (\d{1,3}) (?:год|года|лет)${END}`),
    check: { attr: 'age', statedAge: true },
    examples: [{ text: 'Ей 45 лет, и она живёт в Орхее.', record: { age: 60 }, contradicts: true }],
  },
  {
    name: 'ru.age.birth-year',
    keys: ['родил'],
    pattern: re(String.raw`${S}(?:родился|родилась) в (\d{4})`),
    check: { attr: 'age', bornIn: true },
    examples: [{ text: 'Родилась в 1950 году в Сороках.', record: { age: 35 }, contradicts: true }],
  },
  {
    name: 'ru.marital.married',
    keys: ['замужем', 'женат'],
    pattern: re(String.raw`^(?:[^,\n\u0002]{1,30}, )?(?:(?:\u0001|он|она|я),? )?(?:уже |давно |счастливо )?(?:замужем|женат)${END}`),
    check: { attr: 'marital_status', oneOf: ['married'] },
    examples: [{ text: 'Она замужем уже двадцать лет.', record: { marital_status: 'never_married' }, contradicts: true }],
  },
  {
    name: 'ru.marital.not-married',
    keys: ['замужем', 'женат', 'холост'],
    pattern: re(String.raw`${S}(?:не замужем|не женат|холост|никогда не был[аи]? (?:замужем|женат))${END}`),
    check: { attr: 'marital_status', noneOf: ['married'] },
    examples: [{ text: 'Он не женат и ценит свою независимость.', record: { marital_status: 'married' }, contradicts: true }],
  },
  {
    name: 'ru.marital.widowed',
    keys: ['вдов'],
    pattern: re(`${S}(?:вдова|вдовец|овдовел|овдовела)${END}`),
    check: { attr: 'marital_status', oneOf: ['widowed'] },
    examples: [{ text: 'Она вдова и живёт одна.', record: { marital_status: 'married' }, contradicts: true }],
  },
  {
    name: 'ru.marital.divorced',
    keys: ['развед', 'развод'],
    pattern: re(`${S}(?:разведена|разведён|разведен|в разводе)${END}`),
    check: { attr: 'marital_status', oneOf: ['divorced'] },
    examples: [{ text: 'Он разведён и воспитывает сына.', record: { marital_status: 'married' }, contradicts: true }],
  },
  {
    name: 'ru.employment.retired',
    keys: ['пенси'],
    pattern: re(`${S}(?:пенсионер|пенсионерка|на пенсии|вышел на пенсию|вышла на пенсию)${END}`),
    check: { attr: 'employment_status', oneOf: ['retired'] },
    examples: [
      { text: 'Она уже на пенсии.', record: { employment_status: 'employed' }, contradicts: true },
      { text: 'Её мать на пенсии.', record: { employment_status: 'employed' }, contradicts: false },
    ],
  },
  {
    name: 'ru.employment.student',
    keys: ['студент', 'учится'],
    pattern: re(`${S}(?:студент|студентка|учится в (?:университете|институте|колледже|академии))${END}`),
    check: { attr: 'employment_status', oneOf: ['student'] },
    examples: [{ text: 'Она студентка медицинского университета.', record: { employment_status: 'retired' }, contradicts: true }],
  },
  {
    name: 'ru.employment.jobseeker',
    keys: ['безработн', 'ищет работу'],
    pattern: re(`${S}(?:безработн\\p{L}+|ищет работу)`),
    check: { attr: 'employment_status', oneOf: JOBSEEKING },
    examples: [{ text: 'Сейчас он ищет работу.', record: { employment_status: 'employed' }, contradicts: true }],
  },
  {
    name: 'ru.employment.works-as',
    keys: ['работает'],
    pattern: re(`${S}работает (?!волонтёр|волонтер)(\\p{L}+)`),
    check: { attr: 'employment_status', noneOf: NOT_WORKING },
    examples: [{ text: 'Он работает водителем автобуса.', record: { employment_status: 'retired' }, contradicts: true }],
  },
  {
    name: 'ru.occupation.works-as',
    keys: ['работает'],
    pattern: re(`${S}работает (\\p{L}+)`),
    check: {
      attr: 'occupation',
      lexicon: {
        'учител*': [OCC.professionals], 'врач*': [OCC.professionals], 'инженер*': [OCC.professionals], 'юрист*': [OCC.professionals], 'экономист*': [OCC.professionals], 'программист*': [OCC.professionals, OCC.technicians],
        'бухгалтер*': [OCC.professionals, OCC.technicians], 'медсестр*': [OCC.technicians, OCC.professionals], 'техник*': [OCC.technicians], 'менеджер*': [OCC.managers], 'директор*': [OCC.managers],
        'продав*': [OCC.service], 'повар*': [OCC.service], 'официант*': [OCC.service], 'парикмахер*': [OCC.service], 'кассир*': [OCC.clerical, OCC.service], 'секретар*': [OCC.clerical],
        'фермер*': [OCC.agriculture], 'строител*': [OCC.craft], 'сварщик*': [OCC.craft], 'электрик*': [OCC.craft, OCC.technicians], 'механик*': [OCC.craft, OCC.technicians], 'портн*': [OCC.craft],
        'водител*': [OCC.operators], 'тракторист*': [OCC.operators], 'грузчик*': [OCC.elementary], 'уборщи*': [OCC.elementary], 'разнорабоч*': [OCC.elementary], 'военн*': [OCC.armed],
      },
    },
    examples: [{ text: 'Она работает учительницей в сельской школе.', record: { occupation: OCC.elementary }, contradicts: true }],
  },
  {
    name: 'ru.education.level',
    keys: ['образование', 'окончил'],
    pattern: re(String.raw`(?:^(?:\u0001 |он |она |я )?имеет|^у (?:него|неё|нее|меня)) (высшее|среднее специальное|среднее|начальное|неполное среднее) образование|${S}окончил[а]? (университет|институт|академию|аспирантуру)${END}`),
    check: {
      attr: 'education_level',
      lexicon: { высшее: HIGHER, 'среднее специальное': ['vocational'], среднее: ['lyceum', 'vocational', 'gymnasium'], начальное: ['primary'], 'неполное среднее': ['gymnasium'], университет: HIGHER, институт: HIGHER, академию: HIGHER, аспирантуру: ['doctorate'] },
    },
    examples: [{ text: 'У неё высшее образование.', record: { education_level: 'gymnasium' }, contradicts: true }],
  },
  {
    name: 'ru.place.village-life',
    keys: ['сел'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(храмовый праздник села|гуляет по селу|прогулки по селу|в своём селе|в своем селе|живёт в селе|живет в селе)${END}`),
    check: { attr: 'residence', oneOf: ['rural'] },
    examples: [
      { text: 'Она живёт в селе под Сороками.', record: { residence: 'urban' }, contradicts: true },
      { text: 'Летом она ездит в село к бабушке.', record: { residence: 'urban' }, contradicts: false },
    ],
  },
  {
    name: 'ru.place.lives-in-town',
    keys: ['город', 'столиц'],
    pattern: re(`${S}живёт в (?:городе|столице)${END}|${S}живет в (?:городе|столице)${END}`),
    check: { attr: 'residence', oneOf: ['urban'] },
    examples: [{ text: 'Он живёт в городе и работает на заводе.', record: { residence: 'rural' }, contradicts: true }],
  },
  {
    name: 'ru.religion.named',
    keys: ['православн', 'католи', 'мусульман', 'баптист', 'атеист', 'старовер'],
    pattern: re(`${S}(православн\\p{L}*|католи\\p{L}*|мусульман\\p{L}*|баптист\\p{L}*|атеист\\p{L}*|старовер\\p{L}*)`),
    check: { attr: 'religion', lexicon: { 'православн*': ORTHODOX, 'старовер*': ['Old Believer'], 'католи*': ['Catholic'], 'мусульман*': ['Muslim'], 'баптист*': ['Baptist'], 'атеист*': ['Atheist', 'No religion'] } },
    examples: [{ text: 'Она православная и ходит в церковь.', record: { religion: 'Muslim' }, contradicts: true }],
  },
  {
    name: 'ru.religion.not-religious',
    keys: ['религиоз', 'верующ'],
    pattern: re(`${S}(?:не религиоз\\p{L}+|не считает себя верующ\\p{L}+|неверующ\\p{L}+)`),
    check: { attr: 'religion', oneOf: [...NO_FAITH, 'Other'] },
    examples: [{ text: 'Она не считает себя верующей.', record: { religion: 'Orthodox' }, contradicts: true }],
  },
  {
    name: 'ru.language.mother-tongue',
    keys: ['родной язык'],
    pattern: re(String.raw`родной язык\s*(?:—|–|-|:)?\s*(?:у (?:него|неё|нее) )?(?:это )?(русский|румынский|молдавский|гагаузский|украинский|болгарский|цыганский)`),
    check: { attr: 'mother_tongue', lexicon: { русский: ['Russian'], румынский: ROMANIAN, молдавский: ROMANIAN, гагаузский: ['Gagauz'], украинский: ['Ukrainian'], болгарский: ['Bulgarian'], цыганский: ['Romani'] } },
    examples: [{ text: 'Её родной язык — русский.', record: { mother_tongue: 'Gagauz' }, contradicts: true }],
  },
  {
    name: 'ru.age.emigrate-for-work',
    keys: ['заработки', 'за границу'],
    pattern: re(`${S}(?:подумывает|думает|мечтает) (?:о том, чтобы )?(?:уехать|поехать) (?:на заработки|работать за границу)`),
    check: { attr: 'age', maxAge: AGE.emigrateWork },
    examples: [{ text: 'Он подумывает уехать на заработки в Италию.', record: { age: 75 }, contradicts: true }],
  },
  {
    name: 'ru.age.grandchildren',
    keys: ['внук'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(?:с внуками|своих внуков|её внуки|его внуки|нянчит внуков)`),
    check: { attr: 'age', minAge: AGE.grandchildren },
    examples: [{ text: 'Она проводит выходные с внуками.', record: { age: 27 }, contradicts: true }],
  },
];
