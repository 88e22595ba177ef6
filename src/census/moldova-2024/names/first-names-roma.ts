import type { FirstNameTable } from './types.js';

/**
 * First names of Roma in Moldova, by birth decade. Roma of Moldova carry mostly Romanian and Russian forms
 * (18 % have Romanian and 3 % Russian as mother tongue, 76 % Romani, NBS figure 16), with some names rarer among
 * their neighbours (Aurica, Zina, Ruslan, Artur).
 *
 * Provenance: MODELLED (maintainers' compilation, two anchor generations, ranked); no table was found.
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-roma.ts (maintainers\' compilation, two anchor generations, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1950': [
      'Maria', 'Elena', 'Ana', 'Viorica', 'Zina', 'Rodica', 'Aurica', 'Tamara', 'Svetlana', 'Galina',
      'Nina', 'Raisa', 'Parascovia', 'Valentina', 'Lidia', 'Eudochia', 'Vera', 'Ecaterina', 'Lilia', 'Liuba',
      'Zinaida', 'Nadejda', 'Tatiana', 'Ludmila', 'Margareta',
    ],
    '1990': [
      'Maria', 'Elena', 'Cristina', 'Ana', 'Svetlana', 'Lilia', 'Viorica', 'Natalia', 'Diana', 'Rodica',
      'Mariana', 'Angela', 'Veronica', 'Aurica', 'Tatiana', 'Zina', 'Carolina', 'Alina', 'Victoria', 'Olga',
      'Daniela', 'Nicoleta', 'Violeta', 'Sabina', 'Elvira',
    ],
  },
  male: {
    '1950': [
      'Ion', 'Vasile', 'Nicolae', 'Mihai', 'Gheorghe', 'Aurel', 'Marin', 'Petru', 'Ilie', 'Dumitru',
      'Vladimir', 'Valeriu', 'Grigore', 'Constantin', 'Alexandru', 'Tudor', 'Anatol', 'Victor', 'Pavel', 'Simion',
      'Iacob', 'Boris', 'Fiodor', 'Ivan', 'Leonid',
    ],
    '1990': [
      'Ion', 'Ruslan', 'Artur', 'Vasile', 'Nicolae', 'Mihai', 'Alexandru', 'Sergiu', 'Marin', 'Aurel',
      'Vladimir', 'Valeriu', 'Denis', 'Andrei', 'Igor', 'Roman', 'Gheorghe', 'Victor', 'Dumitru', 'Petru',
      'Maxim', 'Vitalie', 'Radu', 'Eduard', 'Ilie',
    ],
  },
};
export default table;
