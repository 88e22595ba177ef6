/**
 * Given names and surnames by ethnic group.
 *
 * Provenance: no official population-wide name frequency table for Moldova was found (ASP / State Population
 * Register: NOT_FOUND; the only published list is the top names of babies registered in 2024 — Sofia, Amelia,
 * Eva, David, Matei, Mark — which does not describe adults). These lists were compiled by the gen-stream
 * maintainers from name forms commonly carried by adults of each community in Moldova, in the spelling used
 * in Moldovan civil documents (Romanian transliteration for Slavic, Gagauz and Bulgarian names). The weights
 * are popularity tiers (3 very common, 2 common, 1 less common), NOT measured frequencies. Names are synthetic
 * labels: any resemblance of a generated full name to a real person is coincidental.
 *
 * Surnames are written `[masculine, feminine]`; where the language does not inflect for sex (Romanian, most
 * Gagauz and Ukrainian -enko/-uk forms) both forms are the same.
 */
export type NameList = ReadonlyArray<readonly [string, number]>;
export type SurnameList = ReadonlyArray<readonly [string, string, number]>;

export interface NameSet {
  male: NameList;
  female: NameList;
  surnames: SurnameList;
}

const same = (list: ReadonlyArray<readonly [string, number]>): SurnameList => list.map(([s, w]) => [s, s, w] as const);

const romanianMale: NameList = [
  ['Ion', 3], ['Vasile', 3], ['Gheorghe', 3], ['Nicolae', 3], ['Mihai', 3], ['Andrei', 3], ['Alexandru', 3], ['Sergiu', 2],
  ['Dumitru', 2], ['Vladimir', 2], ['Victor', 2], ['Valeriu', 2], ['Petru', 2], ['Igor', 2], ['Vitalie', 2], ['Ion-Cristian', 1],
  ['Ștefan', 2], ['Constantin', 2], ['Anatol', 2], ['Eugen', 2], ['Dan', 2], ['Radu', 1], ['Cristian', 2], ['Adrian', 2],
  ['Octavian', 1], ['Iurie', 2], ['Pavel', 1], ['Grigore', 1], ['Tudor', 1], ['Daniel', 2], ['Maxim', 1], ['Marin', 1],
  ['Veaceslav', 2], ['Valentin', 1], ['Ilie', 1], ['Vadim', 1], ['Artur', 1], ['Ruslan', 1], ['Emil', 1], ['Denis', 1],
];
const romanianFemale: NameList = [
  ['Maria', 3], ['Elena', 3], ['Ana', 3], ['Tatiana', 3], ['Natalia', 3], ['Svetlana', 2], ['Valentina', 2], ['Galina', 2],
  ['Ludmila', 2], ['Irina', 2], ['Olga', 2], ['Angela', 2], ['Diana', 2], ['Cristina', 2], ['Mariana', 2], ['Ecaterina', 2],
  ['Nadejda', 2], ['Lidia', 1], ['Aurelia', 1], ['Silvia', 1], ['Victoria', 2], ['Alexandra', 2], ['Daniela', 2], ['Doina', 1],
  ['Zinaida', 1], ['Parascovia', 1], ['Veronica', 1], ['Corina', 1], ['Liliana', 1], ['Viorica', 2], ['Eugenia', 1], ['Ina', 1],
  ['Lilia', 1], ['Oxana', 1], ['Nina', 2], ['Raisa', 1], ['Larisa', 1], ['Ala', 1], ['Carolina', 1], ['Stela', 1],
];
const romanianSurnames = same([
  ['Rusu', 3], ['Ceban', 3], ['Ciobanu', 3], ['Cebotari', 3], ['Țurcanu', 3], ['Lungu', 3], ['Munteanu', 3], ['Rotari', 2],
  ['Sârbu', 2], ['Cojocaru', 2], ['Ursu', 2], ['Popa', 2], ['Melnic', 2], ['Bivol', 2], ['Guțu', 2], ['Roșca', 2],
  ['Moraru', 2], ['Botnari', 2], ['Moldovan', 2], ['Croitoru', 2], ['Tcaci', 2], ['Balan', 2], ['Gheorghiță', 1], ['Cazacu', 2],
  ['Postolachi', 1], ['Railean', 1], ['Grosu', 2], ['Popescu', 1], ['Vrabie', 1], ['Onu', 1], ['Plămădeală', 1], ['Bejenari', 1],
  ['Donică', 1], ['Cucu', 1], ['Prodan', 1], ['Chiriac', 2], ['Spînu', 1], ['Mereuță', 1], ['Cazac', 1], ['Negru', 1],
  ['Bîrcă', 1], ['Căldare', 1], ['Harea', 1], ['Ciorbă', 1], ['Lupașco', 1], ['Pînzaru', 1], ['Știrbu', 1], ['Vieru', 1],
  ['Nistor', 1], ['Barbă', 1], ['Codreanu', 1], ['Crudu', 1], ['Jardan', 1], ['Cotruță', 1], ['Dodon', 1], ['Bodiu', 1],
]);

const ukrainianMale: NameList = [
  ['Volodîmîr', 1], ['Vasîl', 2], ['Mîkola', 2], ['Petro', 2], ['Ivan', 3], ['Oleksandr', 2], ['Serhii', 2], ['Iurii', 2],
  ['Andrii', 2], ['Viktor', 2], ['Anatolii', 1], ['Mîhailo', 2], ['Stepan', 1], ['Bogdan', 1], ['Taras', 1], ['Oleh', 1],
  ['Pavlo', 1], ['Roman', 1], ['Igor', 2], ['Dmîtro', 1],
];
const ukrainianFemale: NameList = [
  ['Olena', 2], ['Nataliia', 2], ['Tetiana', 2], ['Halîna', 2], ['Mariia', 3], ['Oksana', 2], ['Liudmîla', 2], ['Valentîna', 2],
  ['Nadiia', 2], ['Iryna', 2], ['Svitlana', 2], ['Larîsa', 1], ['Olha', 2], ['Hanna', 1], ['Kateryna', 1], ['Lesia', 1],
  ['Nina', 1], ['Vira', 1], ['Zinaida', 1], ['Liubov', 1],
];
const ukrainianSurnames: SurnameList = [
  ['Kovalenko', 'Kovalenko', 2], ['Bondarenko', 'Bondarenko', 2], ['Tkacenko', 'Tkacenko', 2], ['Șevcenko', 'Șevcenko', 2],
  ['Kravciuk', 'Kravciuk', 2], ['Melnîciuk', 'Melnîciuk', 2], ['Poliakov', 'Poliakova', 1], ['Boiko', 'Boiko', 2],
  ['Savciuk', 'Savciuk', 1], ['Lîsenko', 'Lîsenko', 1], ['Marcenko', 'Marcenko', 1], ['Ostapciuk', 'Ostapciuk', 1],
  ['Kovalciuk', 'Kovalciuk', 2], ['Romaniuk', 'Romaniuk', 1], ['Ivaniuk', 'Ivaniuk', 1], ['Goncear', 'Goncear', 1],
  ['Ilcenko', 'Ilcenko', 1], ['Pavliuk', 'Pavliuk', 1], ['Kuzmenko', 'Kuzmenko', 1], ['Didenko', 'Didenko', 1],
  ['Hrîhorciuk', 'Hrîhorciuk', 1], ['Koval', 'Koval', 1], ['Levcenko', 'Levcenko', 1], ['Zaharciuk', 'Zaharciuk', 1],
  ['Ostrovski', 'Ostrovskaia', 1], ['Kovalski', 'Kovalskaia', 1], ['Popovîci', 'Popovîci', 1], ['Semeniuk', 'Semeniuk', 1],
];

const russianMale: NameList = [
  ['Aleksandr', 3], ['Serghei', 3], ['Vladimir', 2], ['Nikolai', 2], ['Andrei', 2], ['Dmitrii', 2], ['Aleksei', 2], ['Mihail', 2],
  ['Iurii', 2], ['Viktor', 2], ['Ivan', 2], ['Oleg', 1], ['Pavel', 1], ['Igor', 2], ['Evghenii', 1], ['Anatolii', 1],
  ['Valerii', 1], ['Boris', 1], ['Konstantin', 1], ['Maksim', 1],
];
const russianFemale: NameList = [
  ['Elena', 3], ['Tatiana', 3], ['Natalia', 3], ['Olga', 2], ['Irina', 2], ['Svetlana', 2], ['Galina', 2], ['Liudmila', 2],
  ['Valentina', 2], ['Nadejda', 1], ['Anna', 2], ['Marina', 2], ['Larisa', 1], ['Nina', 1], ['Ekaterina', 1], ['Iulia', 1],
  ['Vera', 1], ['Zoia', 1], ['Liubov', 1], ['Raisa', 1],
];
const russianSurnames: SurnameList = [
  ['Ivanov', 'Ivanova', 3], ['Smirnov', 'Smirnova', 2], ['Kuznețov', 'Kuznețova', 2], ['Popov', 'Popova', 2],
  ['Vasiliev', 'Vasilieva', 2], ['Petrov', 'Petrova', 2], ['Sokolov', 'Sokolova', 1], ['Mihailov', 'Mihailova', 1],
  ['Novikov', 'Novikova', 1], ['Fiodorov', 'Fiodorova', 1], ['Morozov', 'Morozova', 1], ['Volkov', 'Volkova', 1],
  ['Alekseev', 'Alekseeva', 1], ['Lebedev', 'Lebedeva', 1], ['Semionov', 'Semionova', 1], ['Egorov', 'Egorova', 1],
  ['Pavlov', 'Pavlova', 1], ['Kozlov', 'Kozlova', 1], ['Stepanov', 'Stepanova', 1], ['Nikolaev', 'Nikolaeva', 1],
  ['Orlov', 'Orlova', 1], ['Andreev', 'Andreeva', 1], ['Makarov', 'Makarova', 1], ['Zaițev', 'Zaițeva', 1],
  ['Belov', 'Belova', 1], ['Tarasov', 'Tarasova', 1], ['Gusev', 'Guseva', 1], ['Kiselev', 'Kiseleva', 1],
];

const gagauzMale: NameList = [
  ['Ivan', 3], ['Gheorghi', 2], ['Dmitrii', 2], ['Nikolai', 2], ['Piotr', 2], ['Fiodor', 2], ['Vasilii', 2], ['Konstantin', 1],
  ['Mihail', 2], ['Stepan', 1], ['Pavel', 1], ['Ilia', 1], ['Serghei', 2], ['Aleksandr', 2], ['Anatolii', 1], ['Semion', 1],
];
const gagauzFemale: NameList = [
  ['Maria', 3], ['Elena', 2], ['Anna', 2], ['Tatiana', 2], ['Natalia', 2], ['Svetlana', 2], ['Galina', 2], ['Irina', 1],
  ['Valentina', 2], ['Olga', 1], ['Ekaterina', 1], ['Stepanida', 1], ['Zinovia', 1], ['Liudmila', 1], ['Nadejda', 1], ['Vera', 1],
];
const gagauzSurnames = same([
  ['Arnaut', 2], ['Bozbei', 2], ['Ciolac', 2], ['Cara', 2], ['Ianioglo', 2], ['Topal', 2], ['Uzun', 2], ['Dimitroglo', 2],
  ['Caraman', 2], ['Vlah', 1], ['Gaidarji', 2], ['Cristioglo', 1], ['Curdoglo', 1], ['Stoianoglo', 1], ['Chioseoglo', 1],
  ['Ivanoglo', 1], ['Mitioglo', 1], ['Palaz', 1], ['Bogdanoglo', 1], ['Tatarlî', 1], ['Formuzal', 1], ['Iorgoglo', 1],
  ['Cazmali', 1], ['Sirkeli', 1], ['Radoglo', 1], ['Culaclî', 1], ['Terzi', 2], ['Chiosa', 1],
]);

const bulgarianMale: NameList = [
  ['Ivan', 3], ['Gheorghi', 2], ['Dimitar', 2], ['Petar', 2], ['Nikolai', 2], ['Todor', 2], ['Stoian', 1], ['Vasil', 1],
  ['Hristo', 1], ['Atanas', 1], ['Konstantin', 1], ['Mihail', 1], ['Anatolii', 1], ['Serghei', 1], ['Pavel', 1], ['Iurii', 1],
];
const bulgarianFemale: NameList = [
  ['Maria', 3], ['Elena', 2], ['Ivanka', 1], ['Penka', 1], ['Todorka', 1], ['Nadejda', 2], ['Galina', 2], ['Svetlana', 2],
  ['Tatiana', 2], ['Natalia', 2], ['Vera', 1], ['Stefka', 1], ['Irina', 1], ['Valentina', 1], ['Anna', 1], ['Zinaida', 1],
];
const bulgarianSurnames: SurnameList = [
  ['Petkov', 'Petkova', 2], ['Ivanov', 'Ivanova', 2], ['Dimitrov', 'Dimitrova', 2], ['Georgiev', 'Georgieva', 2],
  ['Todorov', 'Todorova', 2], ['Stoianov', 'Stoianova', 2], ['Nedelcev', 'Nedelceva', 1], ['Kolev', 'Koleva', 1],
  ['Mitev', 'Miteva', 1], ['Radev', 'Radeva', 1], ['Iordanov', 'Iordanova', 1], ['Pometko', 'Pometko', 1],
  ['Caraivanov', 'Caraivanova', 1], ['Bancev', 'Banceva', 1], ['Hristov', 'Hristova', 1], ['Slavov', 'Slavova', 1],
  ['Kirov', 'Kirova', 1], ['Tanasoglo', 'Tanasoglo', 1], ['Vâlcov', 'Vâlcova', 1], ['Enciu', 'Enciu', 1],
  ['Marinov', 'Marinova', 1], ['Nikolov', 'Nikolova', 1], ['Stoev', 'Stoeva', 1], ['Cioban', 'Cioban', 1],
];

/** Roma in Moldova mostly carry Romanian or Russian forms; surnames include old trade names (lingurar, ursar …). */
const romaMale: NameList = [
  ['Ion', 2], ['Vasile', 2], ['Nicolae', 2], ['Mihai', 2], ['Gheorghe', 2], ['Aurel', 1], ['Marin', 1], ['Artur', 1],
  ['Ruslan', 1], ['Vladimir', 1], ['Valeriu', 1], ['Sergiu', 1], ['Ilie', 1], ['Petru', 1],
];
const romaFemale: NameList = [
  ['Maria', 2], ['Elena', 2], ['Ana', 2], ['Viorica', 1], ['Zina', 1], ['Rodica', 1], ['Aurica', 1], ['Tamara', 1],
  ['Svetlana', 1], ['Lilia', 1], ['Nina', 1], ['Galina', 1], ['Parascovia', 1], ['Raisa', 1],
];
const romaSurnames = same([
  ['Lingurar', 2], ['Ursari', 2], ['Fieraru', 1], ['Căldărar', 1], ['Cerari', 2], ['Stoica', 1], ['Burlacu', 1],
  ['Cîrpaci', 1], ['Ciobanu', 2], ['Rusu', 1], ['Mihai', 1], ['Grigoraș', 1], ['Lăutaru', 1], ['Covaci', 1],
]);

/** "Other" is mostly Belarusian, Armenian, Azerbaijani, Jewish, Polish, Turkish and recent arrivals. */
const otherMale: NameList = [
  ['Aleksandr', 2], ['Armen', 1], ['David', 1], ['Mark', 1], ['Iosif', 1], ['Ruslan', 1], ['Elvin', 1], ['Tigran', 1],
  ['Mehmet', 1], ['Jan', 1], ['Vladimir', 1], ['Arkadii', 1], ['Semion', 1], ['Leonid', 1],
];
const otherFemale: NameList = [
  ['Anna', 2], ['Anahit', 1], ['Sofia', 1], ['Rita', 1], ['Leila', 1], ['Ella', 1], ['Ghiuli', 1], ['Ianina', 1],
  ['Irina', 1], ['Marina', 1], ['Ester', 1], ['Inna', 1], ['Liudmila', 1], ['Aida', 1],
];
const otherSurnames: SurnameList = [
  ['Grigorian', 'Grigorian', 1], ['Avakian', 'Avakian', 1], ['Aliev', 'Alieva', 1], ['Mamedov', 'Mamedova', 1],
  ['Kogan', 'Kogan', 1], ['Rabinovici', 'Rabinovici', 1], ['Kovalevski', 'Kovalevskaia', 1], ['Nowak', 'Nowak', 1],
  ['Iasinski', 'Iasinskaia', 1], ['Șapiro', 'Șapiro', 1], ['Iîlmaz', 'Iîlmaz', 1], ['Lukașenko', 'Lukașenko', 1],
  ['Sarkisian', 'Sarkisian', 1], ['Zilberman', 'Zilberman', 1],
];

export const nameSets: Readonly<Record<string, NameSet>> = {
  Moldovan: { male: romanianMale, female: romanianFemale, surnames: romanianSurnames },
  Romanian: { male: romanianMale, female: romanianFemale, surnames: romanianSurnames },
  Ukrainian: { male: ukrainianMale, female: ukrainianFemale, surnames: ukrainianSurnames },
  Russian: { male: russianMale, female: russianFemale, surnames: russianSurnames },
  Gagauz: { male: gagauzMale, female: gagauzFemale, surnames: gagauzSurnames },
  Bulgarian: { male: bulgarianMale, female: bulgarianFemale, surnames: bulgarianSurnames },
  Roma: { male: romaMale, female: romaFemale, surnames: romaSurnames },
  Other: { male: otherMale, female: otherFemale, surnames: otherSurnames },
  'Not declared': { male: romanianMale, female: romanianFemale, surnames: romanianSurnames },
};
