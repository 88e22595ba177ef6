/**
 * Planted contradictions, written for these tests: each a short narrative in the style of an LLM answer, one
 * contradiction of one kind against the record beside it, and the rule that should name it. Clean sentences
 * around each make sure the rule is what fires, not the context.
 */
import type { AuditLanguage } from '../../src/coherence/types.js';

export interface Planted {
  lang: AuditLanguage;
  rule: string;
  field: string;
  record: Record<string, string | number>;
  text: string;
}

const P = 'Professionals';
const baseRo = { name: 'Ana Rusu', first_name: 'Ana', sex: 'female', age: 34, district: 'Orhei', region: 'Centru', residence: 'rural', marital_status: 'married', employment_status: 'employed', occupation: P, education_level: 'higher', religion: 'Orthodox', mother_tongue: 'Romanian' };
const baseEn = { ...baseRo, name: 'Ion Lungu', first_name: 'Ion', sex: 'male' };
const baseRu = { ...baseRo, name: 'Ольга Чебан', first_name: 'Ольга', mother_tongue: 'Russian' };

const ro = (rule: string, text: string, record: Record<string, string | number> = {}, field = 'descriere_generala'): Planted => ({ lang: 'ro', rule, field, record: { ...baseRo, ...record }, text });
const en = (rule: string, text: string, record: Record<string, string | number> = {}, field = 'descriere_generala'): Planted => ({ lang: 'en', rule, field, record: { ...baseEn, ...record }, text });
const ru = (rule: string, text: string, record: Record<string, string | number> = {}, field = 'descriere_generala'): Planted => ({ lang: 'ru', rule, field, record: { ...baseRu, ...record }, text });

export const PLANTED: readonly Planted[] = [
  ro('ro.sex.feminine-form', 'Ion Popa are 50 de ani. Este căsătorită de mulți ani și are doi copii.', { name: 'Ion Popa', first_name: 'Ion', sex: 'male', age: 50 }),
  ro('ro.sex.masculine-form', 'Ana Rusu s-a mutat la Orhei. Ana este pensionar de doi ani și îngrijește grădina.', { employment_status: 'retired', age: 66 }),
  ro('ro.sex.pronoun', 'Ion Popa locuiește într-un sat. Ea lucrează la primărie de zece ani.', { name: 'Ion Popa', first_name: 'Ion', sex: 'male' }),
  ro('ro.age.stated', 'Ana Rusu are 52 de ani și locuiește într-un sat din raionul Orhei.'),
  ro('ro.age.birth-year', 'Ana Rusu s-a născut în 1961 într-o familie de agricultori.', {}, 'cultural_background'),
  ro('ro.marital.married', 'Ana lucrează mult. De zece ani este căsătorită cu un inginer.', { marital_status: 'never_married' }),
  ro('ro.marital.not-married', 'Ana Rusu nu este căsătorită și își prețuiește libertatea.'),
  ro('ro.marital.widowed', 'De când a rămas văduvă, Ana se bazează pe frați.'),
  ro('ro.marital.divorced', 'Ana este divorțată și își crește singură fiica.'),
  ro('ro.employment.retired', 'Ana a ieșit la pensie anul trecut, după o carieră la spital.', {}, 'profil_profesional'),
  ro('ro.employment.student', 'Ana este studentă în anul trei la Universitatea de Stat.', {}, 'profil_profesional'),
  ro('ro.employment.jobseeker', 'În prezent își caută de lucru în Orhei.', {}, 'profil_profesional'),
  ro('ro.employment.works-as', 'Ana lucrează ca asistentă medicală la policlinică.', { employment_status: 'retired', occupation: 'none', age: 70 }, 'profil_profesional'),
  ro('ro.employment.not-working', 'Momentan nu lucrează, dar ajută la treburile casei.', {}, 'profil_profesional'),
  ro('ro.occupation.works-as', 'Ana lucrează ca vânzătoare la piața centrală.', {}, 'profil_profesional'),
  ro('ro.education.level', 'Ana are studii gimnaziale, terminate în satul natal.', {}, 'profil_profesional'),
  ro('ro.education.graduated', 'A absolvit facultatea de drept la Chișinău.', { education_level: 'lyceum' }, 'profil_profesional'),
  ro('ro.place.district', 'Ana Rusu are 34 de ani și locuiește într-un sat din raionul Cahul.'),
  ro('ro.place.lives-in-village', 'Ana Rusu are 34 de ani și locuiește într-un sat de lângă Orhei.', { residence: 'urban' }),
  ro('ro.place.lives-in-town', 'Ana Rusu locuiește în orașul Orhei, aproape de centru.'),
  ro('ro.place.village-life', 'Credința ortodoxă face parte din viața ei: posturile, Paștele și hramul satului.', { residence: 'urban', district: 'Mun. Chișinău', region: 'Chișinău' }, 'cultural_background'),
  ro('ro.place.region', 'Ana are 34 de ani și locuiește într-un sat din raionul Orhei, în nordul Moldovei.'),
  ro('ro.religion.named', 'Ana este musulmană și păstrează rânduielile credinței.', {}, 'cultural_background'),
  ro('ro.religion.not-religious', 'Nu este religioasă, dar merge la biserică de Paști.', {}, 'cultural_background'),
  ro('ro.religion.community', 'Face parte dintr-o comunitate baptistă din Orhei.', {}, 'cultural_background'),
  ro('ro.language.mother-tongue', 'Limba maternă este limba găgăuză, vorbită acasă și la biserică.', {}, 'cultural_background'),
  ro('ro.age.youth-past', 'A muncit mult în tinerețe și știe valoarea unui ban.', { age: 24, employment_status: 'student' }, 'profil_profesional'),
  ro('ro.age.career-long', 'Ana este pensionară după o viață întreagă de muncă.', { age: 36, employment_status: 'retired' }, 'profil_profesional'),
  ro('ro.age.emigrate-for-work', 'Cântărește o plecare la muncă peste hotare, dar i-ar plăcea să rămână.', { age: 73 }, 'career_goals_and_ambitions'),
  ro('ro.age.children', 'Are trei copii și o gospodărie mare.', { age: 15, employment_status: 'student' }),
  ro('ro.grammar.numeral-de', 'De circa 34 ani, Ana activează ca medic.', {}, 'profil_profesional'),
  en('en.sex.pronoun', 'Ion Lungu is 34 years old. She works at the town hall and sings in a choir.'),
  en('en.sex.noun', 'Ion is a grandmother of three and loves gardening.', { age: 70 }),
  en('en.age.stated', 'Ion Lungu is 61 years old and lives in a village in Orhei district.'),
  en('en.age.birth-year', 'Born in 1958, Ion spent his childhood near the Dniester.', {}, 'cultural_background'),
  en('en.marital.married', 'He is married and the household runs on both incomes.', { marital_status: 'widowed' }),
  en('en.marital.not-married', 'He is single and values his independence.'),
  en('en.marital.widowed', 'Since being widowed, he relies on his neighbours.'),
  en('en.marital.divorced', 'He is divorced and has rebuilt his life.'),
  en('en.employment.retired', 'After decades of teaching, Ion has retired to his garden.', { age: 66 }, 'profil_profesional'),
  en('en.employment.student', 'Ion is a medical student in Chișinău.', {}, 'profil_profesional'),
  en('en.employment.jobseeker', 'He is looking for work and checks the ads every day.', {}, 'profil_profesional'),
  en('en.employment.works-as', 'For roughly 20 years, Ion has worked as an engineer.', { employment_status: 'unemployed', occupation: 'none' }, 'profil_profesional'),
  en('en.occupation.works-as', 'Ion works as a driver for a bus company.', {}, 'profil_profesional'),
  en('en.education.level', 'He has primary education, which shaped his path in life.', {}, 'profil_profesional'),
  en('en.place.district', 'Ion Lungu is 34 years old and lives in a village in Soroca district.'),
  en('en.place.lives-in-village', 'Ion lives in a village near the Prut.', { residence: 'urban' }),
  en('en.place.village-life', 'Christmas, Easter and the feast day of the village bring the whole family together.', { residence: 'urban' }, 'cultural_background'),
  en('en.religion.named', 'He is a devout Catholic and attends mass weekly.', {}, 'cultural_background'),
  en('en.religion.not-religious', 'He is not religious but keeps the family holidays.', {}, 'cultural_background'),
  en('en.language.mother-tongue', 'His mother tongue is Ukrainian, spoken at home.', {}, 'cultural_background'),
  en('en.age.youth-past', 'He worked hard when young and knows the value of honest pay.', { age: 23 }, 'profil_profesional'),
  en('en.age.emigrate-for-work', 'He weighs working abroad but would rather stay at home.', { age: 78 }, 'career_goals_and_ambitions'),
  en('en.age.grandchildren', 'He spends the weekends with the grandchildren.', { age: 26 }, 'hobbies_and_interests'),
  ru('ru.sex.gendered-form', 'Ольга Чебан родился в Оргееве в семье учителей.', {}, 'cultural_background'),
  ru('ru.sex.pronoun', 'Ольга Чебан живёт в селе. Он работает врачом в районной больнице.'),
  ru('ru.age.stated', 'Ольга Чебан выросла в Оргееве. Ей 45 лет, и она живёт в селе.'),
  ru('ru.age.birth-year', 'Родилась в 1955 году в Оргееве.', {}, 'cultural_background'),
  ru('ru.marital.married', 'Ольга давно замужем и растит двоих детей.', { marital_status: 'divorced' }),
  ru('ru.marital.widowed', 'Она вдова и живёт с дочерью.'),
  ru('ru.employment.retired', 'Она уже на пенсии и много времени проводит в саду.', {}, 'profil_profesional'),
  ru('ru.employment.student', 'Она студентка медицинского университета.', {}, 'profil_profesional'),
  ru('ru.occupation.works-as', 'Она работает продавщицей на рынке.', {}, 'profil_profesional'),
  ru('ru.education.level', 'У неё среднее специальное образование.', {}, 'profil_profesional'),
  ru('ru.religion.named', 'Она мусульманка и соблюдает пост.', {}, 'cultural_background'),
  ru('ru.language.mother-tongue', 'Её родной язык — гагаузский, на нём говорят дома.', {}, 'cultural_background'),
  ru('ru.place.village-life', 'Она живёт в селе под Оргеевом.', { residence: 'urban' }),
];
