import type { Rule } from '../types.js';
import { AGE, HIGHER, JOBSEEKING, NO_FAITH, NOT_WORKING, OCC, ORTHODOX, PROTESTANT, ROMANIAN } from './values.js';

/**
 * Romanian rules. `S` opens a claim about the persona: a sentence start, optionally the persona's name (U+0001)
 * or a pronoun, and a short adverbial lead ("De mulți ani", "Momentan"); pro-drop ("Este căsătorită") counts.
 */
const S = String.raw`^(?:[^,\n\u0002]{1,30}, )?(?:(?:\u0001|el|ea),? )?(?:(?:nu|încă|deja|acum|momentan|în prezent|de mulți ani|de când a rămas|ca) )?`;
const END = String.raw`(?!\p{L})`;
const re = (source: string): RegExp => new RegExp(source, 'iu');

const FEMININE = 'căsătorită|necăsătorită|văduvă|divorțată|pensionară|studentă|șomeră|casnică|născută|curioasă|retrasă|calmă|religioasă|credincioasă|moldoveancă|româncă|rusoaică|găgăuză|musulmană|singură|atașată|ortodoxă|profesoară|doctoriță|vânzătoare|bucătăreasă|croitoreasă|învățătoare|educatoare|asistentă';
const MASCULINE = 'căsătorit|necăsătorit|văduv|divorțat|pensionar|student|șomer|casnic|născut|curios|retras|calm|religios|credincios|moldovean|român|rus|găgăuz|musulman|singur|atașat|ortodox|profesor|doctor|vânzător|bucătar|croitor|învățător|educator|asistent';
const sexOf = (forms: string, sex: string) => Object.fromEntries(forms.split('|').map((f) => [f, [sex]]));

const OCCUPATIONS: Record<string, readonly string[]> = {
  manager: [OCC.managers], director: [OCC.managers], directoare: [OCC.managers], 'șef*': [OCC.managers],
  'profesor*': [OCC.professionals], 'învățăto*': [OCC.professionals], medic: [OCC.professionals], 'doctor*': [OCC.professionals], 'ingine*': [OCC.professionals],
  'avocat*': [OCC.professionals], 'economist*': [OCC.professionals], 'programato*': [OCC.professionals], specialist: [OCC.professionals], 'specialistă': [OCC.professionals],
  'contabil*': [OCC.professionals, OCC.technicians], 'asistent*': [OCC.technicians, OCC.professionals], tehnician: [OCC.technicians], 'tehniciană': [OCC.technicians],
  'funcționar*': [OCC.clerical], 'secretar*': [OCC.clerical], 'casier*': [OCC.clerical, OCC.service],
  'vânzăto*': [OCC.service], 'bucătar*': [OCC.service], 'chelner*': [OCC.service], 'ospătar*': [OCC.service], 'frizer*': [OCC.service], 'coafez*': [OCC.service], 'lucrător': [OCC.service], 'lucrătoare': [OCC.service],
  'agricultor*': [OCC.agriculture], 'ferm*': [OCC.agriculture], 'viticultor*': [OCC.agriculture],
  'meseriaș*': [OCC.craft], 'zidar*': [OCC.craft], 'tâmplar*': [OCC.craft], 'sudor*': [OCC.craft], 'electrician*': [OCC.craft, OCC.technicians], 'croitor*': [OCC.craft], 'mecanic*': [OCC.craft, OCC.technicians],
  'șofer*': [OCC.operators], 'tractorist*': [OCC.operators], operator: [OCC.operators, OCC.clerical], 'operatoare': [OCC.operators, OCC.clerical],
  muncitor: [OCC.elementary, OCC.craft, OCC.operators], muncitoare: [OCC.elementary, OCC.craft, OCC.operators], 'hamal*': [OCC.elementary], 'îngrijito*': [OCC.elementary], 'măturăto*': [OCC.elementary],
  militar: [OCC.armed], 'militară': [OCC.armed], 'ofițer*': [OCC.armed], soldat: [OCC.armed],
};

export const rulesRo: readonly Rule[] = [
  {
    name: 'ro.sex.feminine-form',
    keys: ['este', 'rămas', 'rămâne', 'fost', 'consideră', 'declară', 'devenit', 'născută'],
    pattern: re(`${S}(?:este|e|a rămas|rămâne|a fost|se consideră|se declară|a devenit) (?:(?:mai degrabă|foarte|tot|o|un) )?(${FEMININE})${END}|^(născută)${END}`),
    check: { attr: 'sex', lexicon: sexOf(FEMININE, 'female') },
    examples: [
      { text: 'Este căsătorită de zece ani.', record: { sex: 'male' }, contradicts: true },
      { text: 'Este căsătorită de zece ani.', record: { sex: 'female' }, contradicts: false },
      { text: 'Mama sa este pensionară.', record: { sex: 'male' }, contradicts: false },
    ],
  },
  {
    name: 'ro.sex.masculine-form',
    keys: ['este', 'rămas', 'rămâne', 'fost', 'consideră', 'declară', 'devenit', 'născut'],
    pattern: re(`${S}(?:este|e|a rămas|rămâne|a fost|se consideră|se declară|a devenit) (?:(?:mai degrabă|foarte|tot|un) )?(${MASCULINE})${END}|^(născut)${END}`),
    check: { attr: 'sex', lexicon: sexOf(MASCULINE, 'male') },
    examples: [
      { text: 'Ana Rusu este pensionar de doi ani.', record: { sex: 'female', name: 'Ana Rusu' }, contradicts: true },
      { text: 'Soțul ei este pensionar.', record: { sex: 'female' }, contradicts: false },
    ],
  },
  {
    name: 'ro.sex.pronoun',
    keys: ['el ', 'el,', 'ea ', 'ea,'],
    pattern: re(String.raw`^(el|ea),? (?!\u0001)`),
    check: { attr: 'sex', lexicon: { el: ['male'], ea: ['female'] } },
    examples: [
      { text: 'Ion Rusu are 40 de ani. Ea lucrează la primărie.', record: { sex: 'male', name: 'Ion Rusu' }, contradicts: true },
      { text: 'Soția lui e profesoară. Ea lucrează la școală.', record: { sex: 'male' }, contradicts: false },
    ],
  },
  {
    name: 'ro.age.stated',
    keys: [' ani'],
    pattern: re(String.raw`^(?:\u0001(?:,| \(| are| e)? ?(?:în vârstă de |de )?|are |la )(\d{1,3}) (?:de )?ani(?! de (?:experiență|muncă|vechime|căsnicie|stagiu))${END}`),
    check: { attr: 'age', statedAge: true },
    examples: [
      { text: 'Maria Lungu are 45 de ani și locuiește în Orhei.', record: { age: 52, name: 'Maria Lungu' }, contradicts: true },
      { text: 'Maria Lungu are 45 de ani și locuiește în Orhei.', record: { age: 45, name: 'Maria Lungu' }, contradicts: false },
      { text: 'Are 20 de ani de experiență.', record: { age: 45 }, contradicts: false },
    ],
  },
  {
    name: 'ro.age.birth-year',
    keys: ['născut'],
    pattern: re(String.raw`^(?:\u0001 )?(?:s-a născut|născut(?:ă)?) în (?:anul )?(\d{4})${END}`),
    check: { attr: 'age', bornIn: true },
    examples: [
      { text: 'Vasile Cebotari s-a născut în 1950 la Soroca.', record: { age: 30, name: 'Vasile Cebotari' }, contradicts: true },
      { text: 'Născută în 1994, a crescut la Bălți.', record: { age: 30 }, contradicts: false },
      { text: 'Fiica lui s-a născut în 2010.', record: { age: 40 }, contradicts: false },
    ],
  },
  {
    name: 'ro.marital.married',
    keys: ['căsătorit'],
    pattern: re(String.raw`^(?:(?:\u0001|el|ea),? )?(?:de [^,\n]{1,20} )?(?:este|e) căsătorit(?:ă)?${END}`),
    check: { attr: 'marital_status', oneOf: ['married'] },
    examples: [
      { text: 'De mulți ani este căsătorită, iar familia e pe primul loc.', record: { marital_status: 'never_married' }, contradicts: true },
      { text: 'Nu este căsătorit.', record: { marital_status: 'never_married' }, contradicts: false },
    ],
  },
  {
    name: 'ro.marital.not-married',
    keys: ['căsătorit', 'familie'],
    pattern: re(String.raw`${S}(?:nu (?:este|e) căsătorit|este necăsătorit|nu s-a căsătorit|nu și-a întemeiat (?:încă )?o familie)`),
    check: { attr: 'marital_status', noneOf: ['married'] },
    examples: [
      { text: 'Nu este căsătorit și își prețuiește independența.', record: { marital_status: 'married' }, contradicts: true },
      { text: 'Nu este căsătorit și își prețuiește independența.', record: { marital_status: 'divorced' }, contradicts: false },
    ],
  },
  {
    name: 'ro.marital.widowed',
    keys: ['văduv'],
    pattern: re(`${S}(?:(?:este|e|a rămas) )?văduvă?${END}`),
    check: { attr: 'marital_status', oneOf: ['widowed'] },
    examples: [
      { text: 'De când a rămas văduvă, se bazează pe rude.', record: { marital_status: 'married' }, contradicts: true },
      { text: 'Bunica ei a rămas văduvă de tânără.', record: { marital_status: 'married' }, contradicts: false },
    ],
  },
  {
    name: 'ro.marital.divorced',
    keys: ['divorțat'],
    pattern: re(`${S}(?:este|e) divorțat(?:ă)?${END}`),
    check: { attr: 'marital_status', oneOf: ['divorced'] },
    examples: [{ text: 'Este divorțată și își crește singură fiul.', record: { marital_status: 'married' }, contradicts: true }],
  },
  {
    name: 'ro.employment.retired',
    keys: ['pensi'],
    pattern: re(String.raw`${S}(?:(?:este|e) pensionar(?:ă)?${END}|a ieșit la pensie)|^ca pensionar(?:ă)?,`),
    check: { attr: 'employment_status', oneOf: ['retired'] },
    examples: [
      { text: 'După decenii de muncă, Ion a ieșit la pensie.', record: { employment_status: 'employed', first_name: 'Ion' }, contradicts: true },
      { text: 'Tatăl lui a ieșit la pensie.', record: { employment_status: 'employed' }, contradicts: false },
      { text: 'Ion a ieșit la pensie anul trecut.', record: { employment_status: 'employed', first_name: 'Ion' }, contradicts: true },
    ],
  },
  {
    name: 'ro.employment.student',
    keys: ['student', 'studii', 'studiaz'],
    pattern: re(String.raw`${S}(?:(?:este|e) student(?:ă)?${END}|își continuă studiile|studiază la (?:universitate|facultate|colegiu))`),
    check: { attr: 'employment_status', oneOf: ['student'] },
    examples: [
      { text: 'Elena este studentă la medicină.', record: { employment_status: 'retired', first_name: 'Elena' }, contradicts: true },
      { text: 'Fiul ei este student la Iași.', record: { employment_status: 'retired' }, contradicts: false },
    ],
  },
  {
    name: 'ro.employment.jobseeker',
    keys: ['șomer', 'căutare', 'caută'],
    pattern: re(String.raw`${S}(?:(?:este|e) (?:șomer|șomeră|în căutarea unui loc de muncă)|își caută (?:de lucru|un loc de muncă))`),
    check: { attr: 'employment_status', oneOf: JOBSEEKING },
    examples: [{ text: 'Momentan își caută de lucru.', record: { employment_status: 'employed' }, contradicts: true }],
  },
  {
    name: 'ro.employment.works-as',
    keys: ['lucrează ca', 'activează ca'],
    pattern: re(String.raw`^(?:(?:de|timp de) [^,\n]{1,25}, )?(?:\u0001 |el |ea )?(?:lucrează|activează) ca (?!voluntar)`),
    check: { attr: 'employment_status', noneOf: NOT_WORKING },
    examples: [
      { text: 'De circa 20 de ani, Ion activează ca tehnician.', record: { employment_status: 'retired', first_name: 'Ion' }, contradicts: true },
      { text: 'Lucrează ca voluntar la biserică.', record: { employment_status: 'retired' }, contradicts: false },
    ],
  },
  {
    name: 'ro.employment.not-working',
    keys: ['nu lucrează', 'nu are'],
    pattern: re(String.raw`^(?:\u0001 )?(?:momentan |în prezent |acum )?nu (?:lucrează|are (?:un|încă un) (?:loc de muncă|serviciu))`),
    check: { attr: 'employment_status', noneOf: ['employed'] },
    examples: [{ text: 'Momentan nu lucrează, dar ajută în gospodărie.', record: { employment_status: 'employed' }, contradicts: true }],
  },
  {
    name: 'ro.occupation.works-as',
    keys: ['lucrează ca', 'activează ca'],
    pattern: re(String.raw`^(?:(?:de|timp de) [^,\n]{1,25}, )?(?:\u0001 |el |ea )?(?:lucrează|activează) ca (\p{L}+)`),
    check: { attr: 'occupation', lexicon: OCCUPATIONS },
    examples: [
      { text: 'Ion lucrează ca șofer de autobuz.', record: { occupation: OCC.professionals, first_name: 'Ion' }, contradicts: true },
      { text: 'Ion lucrează ca șofer de autobuz.', record: { occupation: OCC.operators, first_name: 'Ion' }, contradicts: false },
    ],
  },
  {
    name: 'ro.education.level',
    keys: ['studii', 'doctorat'],
    pattern: re(String.raw`${S}(?:are|a obținut|a făcut) (studii \p{L}+|un doctorat|fără studii formale)|^pregătirea sa — (studii \p{L}+|un doctorat|fără studii formale) —`),
    check: {
      attr: 'education_level',
      lexicon: {
        'fără studii formale': ['none'], 'studii primare': ['primary'], 'studii gimnaziale': ['gymnasium'], 'studii liceale': ['lyceum'], 'studii medii': ['lyceum', 'vocational'],
        'studii profesionale': ['vocational'], 'studii superioare': HIGHER, 'studii universitare': HIGHER, 'un doctorat': ['doctorate'],
      },
    },
    examples: [
      { text: 'Are studii superioare, obținute la Chișinău.', record: { education_level: 'gymnasium' }, contradicts: true },
      { text: 'Pregătirea sa — studii liceale — i-a deschis uși.', record: { education_level: 'lyceum' }, contradicts: false },
    ],
  },
  {
    name: 'ro.education.graduated',
    keys: ['absolvit'],
    pattern: re(String.raw`${S}a absolvit (universitatea|facultatea|academia|doctoratul)${END}`),
    check: { attr: 'education_level', lexicon: { universitatea: HIGHER, facultatea: HIGHER, academia: HIGHER, doctoratul: ['doctorate'] } },
    examples: [{ text: 'A absolvit facultatea de drept.', record: { education_level: 'primary' }, contradicts: true }],
  },
  {
    name: 'ro.place.district',
    keys: ['raionul', 'municipiul'],
    pattern: re(String.raw`^(?:\u0001|la \d+ de ani, \u0001)?[^\n]{0,60}?(?:locuiește|trăiește|își duce viața) [^\n]{0,40}?(?:raionul|municipiul) (\p{Lu}[\p{L}-]*(?: \p{Lu}[\p{L}-]*)?)`),
    check: { attr: 'district', sameDistrict: true },
    examples: [
      { text: 'Ana Rusu are 30 de ani și locuiește într-un sat din raionul Orhei.', record: { district: 'Soroca', name: 'Ana Rusu' }, contradicts: true },
      { text: 'Ana Rusu are 30 de ani și locuiește în municipiul Chișinău.', record: { district: 'Mun. Chișinău', name: 'Ana Rusu' }, contradicts: false },
    ],
  },
  {
    name: 'ro.place.lives-in-village',
    keys: ['sat'],
    pattern: re(String.raw`^(?:\u0001|la \d+ de ani, \u0001)?[^\n\u0002]{0,60}?(?:locuiește|trăiește|își duce viața) (?:într-un sat|la sat|în satul)${END}`),
    check: { attr: 'residence', oneOf: ['rural'] },
    examples: [{ text: 'Ion locuiește într-un sat din raionul Cahul.', record: { residence: 'urban', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'ro.place.lives-in-town',
    keys: ['oraș'],
    pattern: re(String.raw`^(?:\u0001|la \d+ de ani, \u0001)?[^\n\u0002]{0,60}?(?:locuiește|trăiește|își duce viața) (?:în orașul|la oraș|într-un oraș)${END}`),
    check: { attr: 'residence', oneOf: ['urban'] },
    examples: [{ text: 'Ion locuiește în orașul Cahul.', record: { residence: 'rural', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'ro.place.village-life',
    keys: ['sat'],
    // Village life as the persona's own (its feast, its streets); "satul bunicilor" is someone else's village.
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(hramul satului|plimbările prin sat|prin satul (?:său|natal)|în satul (?:său|lor|natal) (?:trăiește|locuiește))${END}`),
    check: { attr: 'residence', oneOf: ['rural'] },
    examples: [
      { text: 'Credința ortodoxă face parte din viața de zi cu zi: posturile și hramul satului.', record: { residence: 'urban' }, contradicts: true },
      { text: 'Vara merge în satul bunicilor.', record: { residence: 'urban' }, contradicts: false },
    ],
  },
  {
    name: 'ro.place.region',
    keys: ['nordul', 'sudul', 'centrul'],
    pattern: re(String.raw`^(?!\u0002)[^\n]{0,80}?(?:locuiește|trăiește|își duce viața)[^\n]{0,80}?în (nordul|sudul|centrul) (?:Moldovei|țării)`),
    check: { attr: 'region', lexicon: { nordul: ['Nord'], sudul: ['Sud', 'UTA Găgăuzia'], centrul: ['Centru', 'Chișinău'] } },
    examples: [{ text: 'Ion are 40 de ani și locuiește într-un sat din raionul Soroca, în sudul Moldovei.', record: { region: 'Nord', first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'ro.religion.named',
    keys: ['ortodox', 'catolic', 'musulman', 'baptist', 'penticostal', 'adventist', 'ateu', 'atee'],
    pattern: re(`${S}(?:este|e) (?:(?:un|o|creștin|creștină) )?(ortodox|ortodoxă|catolic|catolică|romano-catolică|musulman|musulmană|baptist|baptistă|penticostal|penticostală|adventist|adventistă|ateu|atee)${END}|^(credința ortodoxă) face parte din viața`),
    check: {
      attr: 'religion',
      lexicon: { 'ortodox*': ORTHODOX, 'credința ortodoxă': ORTHODOX, 'catolic*': ['Catholic'], 'romano-catolică': ['Catholic'], 'musulman*': ['Muslim'], 'baptist*': ['Baptist'], 'penticostal*': ['Pentecostal'], 'adventist*': ['Adventist'], ateu: ['Atheist', 'No religion'], atee: ['Atheist', 'No religion'] },
    },
    examples: [
      { text: 'Este musulmană și păstrează rânduielile credinței.', record: { religion: 'Orthodox' }, contradicts: true },
      { text: 'Credința ortodoxă face parte din viața de zi cu zi.', record: { religion: 'Baptist' }, contradicts: true },
      { text: 'Soțul ei e catolic.', record: { religion: 'Orthodox' }, contradicts: false },
    ],
  },
  {
    name: 'ro.religion.not-religious',
    keys: ['religios', 'religioasă', 'credincios', 'credincioasă'],
    pattern: re(`${S}(?:(?:este|e) (?:religios|religioasă|credincios|credincioasă)${END}|se consideră (?:credincios|credincioasă)${END})`),
    check: { attr: 'religion', oneOf: [...NO_FAITH, 'Other'] },
    examples: [{ text: 'Nu este religioasă, dar respectă sărbătorile.', record: { religion: 'Orthodox' }, contradicts: true }],
  },
  {
    name: 'ro.religion.community',
    keys: ['face parte dintr'],
    pattern: re(`${S}face parte dintr-o (?:comunitate|biserică) (neoprotestantă|evanghelică|baptistă|penticostală|adventistă|catolică|ortodoxă)${END}`),
    check: { attr: 'religion', lexicon: { neoprotestantă: PROTESTANT, evanghelică: PROTESTANT, baptistă: ['Baptist'], penticostală: ['Pentecostal'], adventistă: ['Adventist'], catolică: ['Catholic'], ortodoxă: ORTHODOX } },
    examples: [{ text: 'Face parte dintr-o comunitate neoprotestantă.', record: { religion: 'Orthodox' }, contradicts: true }],
  },
  {
    name: 'ro.language.mother-tongue',
    keys: ['maternă'],
    pattern: re(String.raw`limba (?:sa |lui |ei )?maternă este (?:limba )?(\p{L}+)|^(?:\u0001 |el |ea )?vorbește fluent (?:limba )?(\p{L}+), limba (?:sa|lui|ei) maternă`),
    check: { attr: 'mother_tongue', lexicon: { română: ROMANIAN, moldovenească: ROMANIAN, rusă: ['Russian'], găgăuză: ['Gagauz'], ucraineană: ['Ukrainian'], bulgară: ['Bulgarian'], romani: ['Romani'] } },
    examples: [
      { text: 'Limba maternă este limba rusă, pe care o vorbește acasă.', record: { mother_tongue: 'Romanian' }, contradicts: true },
      { text: 'Limba maternă este limba română.', record: { mother_tongue: 'Moldovan' }, contradicts: false },
    ],
  },
  {
    name: 'ro.age.youth-past',
    keys: ['tinerețe'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(?:a (?:muncit|lucrat)[^\n.]{0,20} în tinerețe|în tinerețe a (?:muncit|lucrat))`),
    check: { attr: 'age', minAge: AGE.youthPast },
    examples: [{ text: 'A muncit mult în tinerețe și știe valoarea unui ban.', record: { age: 24 }, contradicts: true }],
  },
  {
    name: 'ro.age.career-long',
    keys: ['de muncă'],
    pattern: re(String.raw`^(?!\u0002)[^\n]*?(?:după o viață întreagă de muncă|după decenii de muncă)`),
    check: { attr: 'age', minAge: AGE.careerLong },
    examples: [{ text: 'Ion este pensionar după o viață întreagă de muncă.', record: { age: 38, first_name: 'Ion' }, contradicts: true }],
  },
  {
    name: 'ro.age.emigrate-for-work',
    keys: ['peste hotare', 'străinătate'],
    pattern: re(String.raw`${S}(?:cântărește o plecare|se gândește să plece|vrea să plece|plănuiește să plece) (?:la muncă )?(?:peste hotare|în străinătate)`),
    check: { attr: 'age', maxAge: AGE.emigrateWork },
    examples: [{ text: 'Cântărește o plecare la muncă peste hotare.', record: { age: 73 }, contradicts: true }],
  },
  {
    name: 'ro.age.children',
    keys: ['copii'],
    pattern: re(String.raw`${S}are (?:\d+|doi|două|trei|patru|cinci|șase) copii${END}`),
    check: { attr: 'age', minAge: AGE.children },
    examples: [{ text: 'Are trei copii și o casă mare.', record: { age: 14 }, contradicts: true }],
  },
  {
    name: 'ro.grammar.numeral-de',
    keys: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    // Romanian: from 20 on (and 100, 1000 …) a numeral takes "de" before its noun: "34 de ani", not "34 ani".
    pattern: re(String.raw`(?<![\d.,])(\d+) (ani|lei|zile|luni|ore|copii|oameni|kilometri|săptămâni|hectare)${END}`),
    check: { grammar: 'numeral-de' },
    examples: [
      { text: 'De circa 34 ani activează ca meseriaș.', record: {}, contradicts: true },
      { text: 'De circa 14 ani activează ca meseriaș.', record: {}, contradicts: false },
    ],
  },
];
