import type { FirstNameTable } from './types.js';

/**
 * First names of the census's "Other" group: mostly Belarusians, Armenians, Azerbaijanis, Jews, Poles, Turks
 * and recent arrivals (32 % Russian and 56 % other mother tongues, NBS figure 16). Russian forms common to all of
 * them come first; names specific to one community are mixed in further down.
 *
 * Provenance: MODELLED (maintainers' compilation, four anchor generations, ranked); no table was found.
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-other.ts (maintainers\' compilation, four anchor generations, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Anna', 'Sofia', 'Rosa', 'Ester', 'Maria', 'Rahil', 'Fatima', 'Ghiuli', 'Jadwiga', 'Ecaterina',
      'Evghenia', 'Raisa', 'Valentina', 'Klara', 'Berta', 'Haia', 'Anahit', 'Leila', 'Nina', 'Tatiana',
    ],
    '1950': [
      'Anna', 'Galina', 'Valentina', 'Liudmila', 'Tatiana', 'Raisa', 'Sofia', 'Rita', 'Ella', 'Maria',
      'Tamara', 'Nina', 'Anahit', 'Leila', 'Ghiuli', 'Ianina', 'Ester', 'Rosa', 'Fatima', 'Jadwiga',
      'Irina', 'Inna', 'Zinaida', 'Aida', 'Larisa',
    ],
    '1970': [
      'Irina', 'Elena', 'Natalia', 'Marina', 'Anna', 'Svetlana', 'Inna', 'Ella', 'Aida', 'Leila',
      'Iulia', 'Narine', 'Victoria', 'Oxana', 'Tatiana', 'Elvira', 'Olga', 'Ianina', 'Liudmila', 'Jana',
    ],
    '1990': [
      'Anna', 'Irina', 'Marina', 'Natalia', 'Elena', 'Victoria', 'Ecaterina', 'Anastasia', 'Sofia', 'Iulia',
      'Ani', 'Leila', 'Aida', 'Elvira', 'Diana', 'Inna', 'Ella', 'Narine', 'Aigun', 'Miriam',
      'Olga', 'Cristina', 'Elif', 'Alina', 'Ianina',
    ],
  },
  male: {
    '1930': [
      'Iosif', 'Semion', 'Abram', 'Lev', 'Mihail', 'Alexandr', 'Armen', 'Mamed', 'Grigorii', 'Isaac',
      'Naum', 'Iacov', 'Boris', 'Ali', 'Tadeusz', 'Ian', 'Vladimir', 'Ivan', 'Nicolai', 'Efim',
    ],
    '1950': [
      'Alexandr', 'Vladimir', 'Iosif', 'Arcadii', 'Semion', 'Leonid', 'Boris', 'Mihail', 'Armen', 'Grigorii',
      'Iacov', 'David', 'Mamed', 'Ali', 'Ian', 'Tadeusz', 'Lev', 'Naum', 'Isaac', 'Ashot',
      'Nicolai', 'Ivan', 'Victor', 'Mark', 'Efim',
    ],
    '1970': [
      'Alexandr', 'Serghei', 'Andrei', 'Armen', 'Eduard', 'Rustam', 'Vladimir', 'Dmitrii', 'Artur', 'David',
      'Ruslan', 'Mark', 'Tigran', 'Elvin', 'Igor', 'Oleg', 'Leonid', 'Ian', 'Timur', 'Emil',
    ],
    '1990': [
      'Alexandr', 'Dmitrii', 'David', 'Mark', 'Armen', 'Ruslan', 'Elvin', 'Tigran', 'Mehmet', 'Artur',
      'Maxim', 'Vladimir', 'Andrei', 'Ian', 'Emil', 'Rustam', 'Arsen', 'Roman', 'Daniel', 'Ali',
      'Leonid', 'Murat', 'Serghei', 'Eduard', 'Timur',
    ],
  },
};
export default table;
