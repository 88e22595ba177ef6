import type { FirstNameTable } from './types.js';

/**
 * First names of the Gagauz, by birth decade, in the Romanian transliteration of Moldovan civil documents.
 * Gagauz are Orthodox and since the 19th century have carried calendar names in their Russian forms (88 % have
 * Gagauz and 10 % Russian as mother tongue, NBS figure 16); older generations keep Gagauz/Bulgarian calendar forms
 * (Todur, Mitri, Stepanida, Todora).
 *
 * Provenance: MODELLED (maintainers' compilation by birth decade, ranked); no Moldovan table was found.
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-gagauz.ts (maintainers\' compilation by birth decade, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Maria', 'Anna', 'Elena', 'Ecaterina', 'Stepanida', 'Todora', 'Evdochia', 'Zinovia', 'Nadejda', 'Vera',
      'Anastasia', 'Praskovia', 'Marfa', 'Aculina', 'Vasilisa', 'Tatiana', 'Irina', 'Efrosinia', 'Xenia', 'Olga',
      'Domnica', 'Ivanca', 'Dimitra', 'Varvara', 'Fiocla', 'Sofia', 'Antonina', 'Pelagheia', 'Teodora', 'Matriona',
    ],
    '1950': [
      'Maria', 'Valentina', 'Galina', 'Nina', 'Anna', 'Elena', 'Tatiana', 'Vera', 'Nadejda', 'Liudmila',
      'Lidia', 'Raisa', 'Zinaida', 'Ecaterina', 'Tamara', 'Svetlana', 'Liubovi', 'Natalia', 'Stepanida', 'Olga',
      'Antonina', 'Zinovia', 'Larisa', 'Evdochia', 'Alexandra', 'Claudia', 'Alla', 'Zoia', 'Irina', 'Evghenia',
    ],
    '1970': [
      'Natalia', 'Tatiana', 'Elena', 'Svetlana', 'Galina', 'Irina', 'Liudmila', 'Olga', 'Maria', 'Larisa',
      'Valentina', 'Anna', 'Marina', 'Oxana', 'Nadejda', 'Lidia', 'Iulia', 'Vera', 'Anjela', 'Lilia',
      'Inna', 'Victoria', 'Ecaterina', 'Jana', 'Snejana', 'Aliona', 'Zinaida', 'Stepanida', 'Evghenia', 'Diana',
    ],
    '1990': [
      'Anastasia', 'Maria', 'Ecaterina', 'Cristina', 'Natalia', 'Anna', 'Iulia', 'Victoria', 'Elena', 'Alina',
      'Tatiana', 'Daria', 'Irina', 'Olga', 'Valeria', 'Diana', 'Veronica', 'Alexandra', 'Svetlana', 'Marina',
      'Xenia', 'Aliona', 'Evghenia', 'Polina', 'Elizaveta', 'Sofia', 'Carina', 'Oxana', 'Galina', 'Nadejda',
    ],
  },
  male: {
    '1930': [
      'Ivan', 'Gheorghii', 'Dmitrii', 'Nicolai', 'Piotr', 'Fiodor', 'Vasilii', 'Todur', 'Mitri', 'Mihail',
      'Constantin', 'Stepan', 'Pavel', 'Ilia', 'Semion', 'Afanasii', 'Andrei', 'Grigorii', 'Dimitri', 'Iacov',
      'Atanas', 'Anton', 'Zahar', 'Efim', 'Chiril', 'Alexandr', 'Timofei', 'Trofim', 'Savva', 'Filipp',
    ],
    '1950': [
      'Ivan', 'Gheorghii', 'Nicolai', 'Dmitrii', 'Piotr', 'Vasilii', 'Fiodor', 'Mihail', 'Stepan', 'Constantin',
      'Alexandr', 'Serghei', 'Anatolii', 'Vladimir', 'Iurii', 'Pavel', 'Ilia', 'Victor', 'Valentin', 'Leonid',
      'Semion', 'Grigorii', 'Andrei', 'Valerii', 'Boris', 'Todur', 'Evghenii', 'Afanasii', 'Ghenadii', 'Alexei',
    ],
    '1970': [
      'Serghei', 'Ivan', 'Alexandr', 'Nicolai', 'Dmitrii', 'Gheorghii', 'Piotr', 'Vasilii', 'Igor', 'Andrei',
      'Mihail', 'Fiodor', 'Iurii', 'Vladimir', 'Oleg', 'Constantin', 'Victor', 'Stepan', 'Vitalii', 'Valerii',
      'Ilia', 'Pavel', 'Alexei', 'Evghenii', 'Ruslan', 'Vadim', 'Denis', 'Roman', 'Anatolii', 'Viaceslav',
    ],
    '1990': [
      'Alexandr', 'Dmitrii', 'Ivan', 'Nicolai', 'Gheorghii', 'Maxim', 'Andrei', 'Serghei', 'Mihail', 'Artiom',
      'Vladislav', 'Denis', 'Piotr', 'Ilia', 'Nichita', 'Daniil', 'Vasilii', 'Fiodor', 'Constantin', 'Chiril',
      'Igor', 'Stepan', 'Roman', 'Vadim', 'Evghenii', 'Pavel', 'Alexei', 'Egor', 'Vitalii', 'Ruslan',
    ],
  },
};
export default table;
