import type { FirstNameTable } from './types.js';

/**
 * First names of Bulgarians in Moldova (mostly Taraclia and the south), by birth decade, in the Romanian
 * transliteration of Moldovan civil documents. Bulgarian calendar forms (Todor, Petar, Ivanka, Penka) are
 * common among the old; Russian forms dominate from the Soviet decades (21 % have Russian as mother tongue,
 * NBS figure 16).
 *
 * Provenance: MODELLED (maintainers' compilation by birth decade, ranked); no Moldovan table was found.
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-bulgarian.ts (maintainers\' compilation by birth decade, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Maria', 'Ivanca', 'Elena', 'Penca', 'Todorca', 'Anna', 'Stefca', 'Vasilca', 'Donca', 'Nadejda',
      'Dimitrina', 'Petrana', 'Stoianca', 'Rada', 'Zlata', 'Ecaterina', 'Vera', 'Tudora', 'Neda', 'Mariica',
      'Gherghina', 'Zinovia', 'Evdochia', 'Anastasia', 'Iana', 'Cerana', 'Tatiana', 'Xenia', 'Evghenia', 'Olga',
    ],
    '1950': [
      'Maria', 'Valentina', 'Galina', 'Nina', 'Elena', 'Nadejda', 'Tatiana', 'Vera', 'Liudmila', 'Ivanca',
      'Anna', 'Lidia', 'Raisa', 'Zinaida', 'Svetlana', 'Tamara', 'Liubovi', 'Stefca', 'Penca', 'Natalia',
      'Todorca', 'Ecaterina', 'Antonina', 'Larisa', 'Zoia', 'Olga', 'Alla', 'Claudia', 'Irina', 'Evghenia',
    ],
    '1970': [
      'Natalia', 'Tatiana', 'Elena', 'Svetlana', 'Galina', 'Irina', 'Olga', 'Liudmila', 'Maria', 'Larisa',
      'Valentina', 'Marina', 'Nadejda', 'Anna', 'Oxana', 'Iulia', 'Lidia', 'Vera', 'Inna', 'Lilia',
      'Anjela', 'Victoria', 'Ecaterina', 'Snejana', 'Jana', 'Aliona', 'Evghenia', 'Diana', 'Stefca', 'Ivanca',
    ],
    '1990': [
      'Anastasia', 'Maria', 'Ecaterina', 'Cristina', 'Natalia', 'Iulia', 'Anna', 'Victoria', 'Elena', 'Daria',
      'Alina', 'Tatiana', 'Irina', 'Valeria', 'Olga', 'Diana', 'Veronica', 'Alexandra', 'Xenia', 'Marina',
      'Svetlana', 'Aliona', 'Polina', 'Evghenia', 'Sofia', 'Elizaveta', 'Carina', 'Nadejda', 'Vlada', 'Galina',
    ],
  },
  male: {
    '1930': [
      'Ivan', 'Gheorghi', 'Dimitar', 'Petar', 'Nicolai', 'Todor', 'Stoian', 'Vasil', 'Hristo', 'Atanas',
      'Constantin', 'Mihail', 'Stefan', 'Iordan', 'Petco', 'Dimitrii', 'Marin', 'Slavi', 'Nedelcio', 'Tanas',
      'Pavel', 'Ilia', 'Andrei', 'Semion', 'Fiodor', 'Piotr', 'Stepan', 'Chiril', 'Anton', 'Radi',
    ],
    '1950': [
      'Ivan', 'Gheorghii', 'Nicolai', 'Piotr', 'Dmitrii', 'Vasilii', 'Todor', 'Mihail', 'Alexandr', 'Constantin',
      'Vladimir', 'Anatolii', 'Stepan', 'Serghei', 'Iurii', 'Fiodor', 'Pavel', 'Victor', 'Valentin', 'Leonid',
      'Dimitar', 'Petar', 'Atanas', 'Ilia', 'Andrei', 'Valerii', 'Boris', 'Semion', 'Grigorii', 'Hristo',
    ],
    '1970': [
      'Serghei', 'Ivan', 'Alexandr', 'Nicolai', 'Dmitrii', 'Gheorghii', 'Piotr', 'Igor', 'Andrei', 'Vasilii',
      'Iurii', 'Vladimir', 'Oleg', 'Mihail', 'Victor', 'Constantin', 'Todor', 'Valerii', 'Vitalii', 'Fiodor',
      'Stepan', 'Pavel', 'Alexei', 'Evghenii', 'Ilia', 'Ruslan', 'Vadim', 'Denis', 'Anatolii', 'Roman',
    ],
    '1990': [
      'Alexandr', 'Dmitrii', 'Ivan', 'Nicolai', 'Gheorghii', 'Maxim', 'Andrei', 'Serghei', 'Artiom', 'Mihail',
      'Vladislav', 'Denis', 'Piotr', 'Nichita', 'Ilia', 'Daniil', 'Constantin', 'Vasilii', 'Todor', 'Chiril',
      'Igor', 'Roman', 'Vadim', 'Evghenii', 'Stepan', 'Pavel', 'Alexei', 'Fiodor', 'Egor', 'Vitalii',
    ],
  },
};
export default table;
