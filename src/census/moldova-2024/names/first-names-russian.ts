import type { FirstNameTable } from './types.js';

/**
 * First names of Russians in Moldova, by birth decade, in the Romanian transliteration of Moldovan civil
 * documents (Alexandr, Nicolai, Evghenii, Ecaterina).
 *
 * Provenance: MODELLED. No Moldovan table was found. The order follows the well-documented succession of
 * Russian name fashions (1930s: Ivan, Nicolai, Maria, Anna; 1950s: Vladimir, Serghei, Galina, Valentina,
 * Liudmila; 1970s: Alexandr, Serghei, Elena, Tatiana, Natalia; 1990s–2000s: Alexandr, Dmitrii, Maxim,
 * Anastasia, Ecaterina, Daria), compiled and ranked by the maintainers; decades without a list (1940s, 1960s,
 * 1980s, 2000s) mix the neighbouring lists (name-tables.ts).
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-russian.ts (maintainers\' compilation by birth decade, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Maria', 'Anna', 'Valentina', 'Nina', 'Alexandra', 'Ecaterina', 'Tatiana', 'Evdochia', 'Claudia', 'Antonina',
      'Zinaida', 'Vera', 'Nadejda', 'Praskovia', 'Lidia', 'Galina', 'Olga', 'Elena', 'Raisa', 'Liubovi',
      'Tamara', 'Anastasia', 'Xenia', 'Matriona', 'Pelagheia', 'Agrippina', 'Evghenia', 'Serafima', 'Taisia', 'Marfa',
      'Efrosinia', 'Varvara', 'Aculina', 'Lucheria', 'Zoia', 'Elizaveta', 'Sofia', 'Irina', 'Polina', 'Natalia',
    ],
    '1950': [
      'Galina', 'Valentina', 'Tatiana', 'Liudmila', 'Nina', 'Lidia', 'Liubovi', 'Nadejda', 'Vera', 'Tamara',
      'Raisa', 'Zinaida', 'Svetlana', 'Larisa', 'Natalia', 'Elena', 'Maria', 'Anna', 'Antonina', 'Ecaterina',
      'Olga', 'Alla', 'Zoia', 'Irina', 'Alexandra', 'Claudia', 'Evghenia', 'Nelli', 'Inna', 'Valeria',
      'Emma', 'Rimma', 'Margarita', 'Lilia', 'Elvira', 'Marina', 'Nonna', 'Ella',
    ],
    '1970': [
      'Elena', 'Tatiana', 'Natalia', 'Olga', 'Irina', 'Svetlana', 'Marina', 'Larisa', 'Liudmila', 'Galina',
      'Iulia', 'Oxana', 'Anna', 'Inna', 'Ecaterina', 'Nadejda', 'Victoria', 'Anjela', 'Lilia', 'Valentina',
      'Jana', 'Snejana', 'Alla', 'Aliona', 'Evghenia', 'Maria', 'Vera', 'Liubovi', 'Nelli', 'Ella',
      'Ianina', 'Valeria', 'Diana', 'Inga', 'Zoia', 'Alexandra', 'Lidia', 'Raisa',
    ],
    '1990': [
      'Anastasia', 'Ecaterina', 'Anna', 'Maria', 'Daria', 'Iulia', 'Cristina', 'Victoria', 'Elena', 'Alina',
      'Olga', 'Natalia', 'Polina', 'Aliona', 'Xenia', 'Valeria', 'Tatiana', 'Irina', 'Diana', 'Elizaveta',
      'Veronica', 'Sofia', 'Marina', 'Evghenia', 'Alexandra', 'Vera', 'Oxana', 'Anghelina', 'Carina', 'Arina',
      'Alisa', 'Uliana', 'Vlada', 'Margarita', 'Milana', 'Nadejda', 'Svetlana', 'Ianina', 'Valentina', 'Liudmila',
    ],
  },
  male: {
    '1930': [
      'Ivan', 'Nicolai', 'Alexandr', 'Vasilii', 'Mihail', 'Piotr', 'Alexei', 'Fiodor', 'Dmitrii', 'Serghei',
      'Grigorii', 'Pavel', 'Stepan', 'Andrei', 'Iacov', 'Semion', 'Constantin', 'Ilia', 'Vladimir', 'Efim',
      'Egor', 'Timofei', 'Anatolii', 'Boris', 'Victor', 'Leonid', 'Iurii', 'Gheorghii', 'Matvei', 'Filipp',
      'Afanasii', 'Cuzma', 'Trofim', 'Procofii', 'Zahar', 'Maxim', 'Arcadii', 'Evghenii', 'Gavriil', 'Chiril',
      'Nichita', 'Roman',
    ],
    '1950': [
      'Vladimir', 'Alexandr', 'Serghei', 'Nicolai', 'Victor', 'Valerii', 'Iurii', 'Anatolii', 'Mihail', 'Ivan',
      'Evghenii', 'Vasilii', 'Alexei', 'Ghenadii', 'Boris', 'Leonid', 'Valentin', 'Piotr', 'Oleg', 'Igor',
      'Viaceslav', 'Dmitrii', 'Constantin', 'Vitalii', 'Andrei', 'Pavel', 'Fiodor', 'Grigorii', 'Stanislav', 'Eduard',
      'Arcadii', 'Gheorghii', 'Lev', 'Vadim', 'Semion', 'Stepan', 'Rostislav',
    ],
    '1970': [
      'Alexandr', 'Serghei', 'Andrei', 'Dmitrii', 'Alexei', 'Igor', 'Vladimir', 'Oleg', 'Iurii', 'Evghenii',
      'Victor', 'Mihail', 'Denis', 'Roman', 'Vadim', 'Constantin', 'Vitalii', 'Maxim', 'Pavel', 'Nicolai',
      'Vasilii', 'Anton', 'Ruslan', 'Viaceslav', 'Artiom', 'Ilia', 'Stanislav', 'Valerii', 'Ivan', 'Eduard',
      'Ghenadii', 'Anatolii', 'Chiril', 'Leonid', 'Boris', 'Artur', 'Vladislav', 'Egor', 'Piotr', 'Fiodor',
    ],
    '1990': [
      'Alexandr', 'Dmitrii', 'Maxim', 'Artiom', 'Andrei', 'Daniil', 'Nichita', 'Ivan', 'Chiril', 'Mihail',
      'Egor', 'Ilia', 'Alexei', 'Vladislav', 'Denis', 'Roman', 'Serghei', 'Evghenii', 'Anton', 'Vladimir',
      'Pavel', 'Nicolai', 'Constantin', 'Igor', 'Stanislav', 'Vadim', 'Timur', 'Matvei', 'Gleb', 'Timofei',
      'Iaroslav', 'Arsenii', 'Oleg', 'Vitalii', 'Ruslan', 'Gheorghii', 'Bogdan', 'Marc', 'Lev', 'Fiodor',
      'Semion',
    ],
  },
};
export default table;
