import type { FirstNameTable } from './types.js';

/**
 * First names of Roma in Moldova, by birth decade. Roma of Moldova carry mostly Romanian and Russian forms
 * (18 % have Romanian and 3 % Russian as mother tongue, 76 % Romani, NBS figure 16), with some names rarer among
 * their neighbours (Aurica, Zina, Ruslan, Artur).
 *
 * Provenance: MODELLED (maintainers' compilation, four anchor generations, ranked); no table was found.
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-roma.ts (maintainers\' compilation, four anchor generations, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Maria', 'Ana', 'Eudochia', 'Parascovia', 'Elena', 'Zamfira', 'Floarea', 'Aurica', 'Ecaterina', 'Vera',
      'Nadejda', 'Tudora', 'Xenia', 'Raisa', 'Domnica', 'Anica', 'Safta', 'Zina', 'Ruxanda', 'Varvara',
    ],
    '1950': [
      'Maria', 'Elena', 'Ana', 'Viorica', 'Zina', 'Rodica', 'Aurica', 'Tamara', 'Svetlana', 'Galina',
      'Nina', 'Raisa', 'Parascovia', 'Valentina', 'Lidia', 'Eudochia', 'Vera', 'Ecaterina', 'Lilia', 'Liuba',
      'Zinaida', 'Nadejda', 'Tatiana', 'Ludmila', 'Margareta',
    ],
    '1970': [
      'Maria', 'Elena', 'Svetlana', 'Lilia', 'Viorica', 'Rodica', 'Natalia', 'Angela', 'Tatiana', 'Galina',
      'Aurica', 'Zina', 'Ludmila', 'Mariana', 'Ana', 'Larisa', 'Olga', 'Lidia', 'Valentina', 'Elvira',
    ],
    '1990': [
      'Maria', 'Elena', 'Cristina', 'Ana', 'Svetlana', 'Lilia', 'Viorica', 'Natalia', 'Diana', 'Rodica',
      'Mariana', 'Angela', 'Veronica', 'Aurica', 'Tatiana', 'Zina', 'Carolina', 'Alina', 'Victoria', 'Olga',
      'Daniela', 'Nicoleta', 'Violeta', 'Sabina', 'Elvira',
    ],
  },
  male: {
    '1930': [
      'Ion', 'Vasile', 'Gheorghe', 'Nicolae', 'Petru', 'Mihai', 'Dumitru', 'Marin', 'Ilie', 'Grigore',
      'Constantin', 'Iacob', 'Tudor', 'Simion', 'Aurel', 'Toader', 'Costache', 'Ivan', 'Fiodor', 'Lazăr',
    ],
    '1950': [
      'Ion', 'Vasile', 'Nicolae', 'Mihai', 'Gheorghe', 'Aurel', 'Marin', 'Petru', 'Ilie', 'Dumitru',
      'Vladimir', 'Valeriu', 'Grigore', 'Constantin', 'Alexandru', 'Tudor', 'Anatol', 'Victor', 'Pavel', 'Simion',
      'Iacob', 'Boris', 'Fiodor', 'Ivan', 'Leonid',
    ],
    '1970': [
      'Ion', 'Vasile', 'Nicolae', 'Mihai', 'Aurel', 'Marin', 'Vladimir', 'Valeriu', 'Sergiu', 'Igor',
      'Ruslan', 'Artur', 'Victor', 'Gheorghe', 'Alexandru', 'Iurie', 'Petru', 'Dumitru', 'Anatol', 'Vitalie',
    ],
    '1990': [
      'Ion', 'Ruslan', 'Artur', 'Vasile', 'Nicolae', 'Mihai', 'Alexandru', 'Sergiu', 'Marin', 'Aurel',
      'Vladimir', 'Valeriu', 'Denis', 'Andrei', 'Igor', 'Roman', 'Gheorghe', 'Victor', 'Dumitru', 'Petru',
      'Maxim', 'Vitalie', 'Radu', 'Eduard', 'Ilie',
    ],
  },
};
export default table;
