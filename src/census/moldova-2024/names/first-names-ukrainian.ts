import type { FirstNameTable } from './types.js';

/**
 * First names of Ukrainians in Moldova, by birth decade, in the Romanian transliteration of Moldovan civil
 * documents. Older Ukrainians of Moldova mostly carry Ukrainian forms (Mîcola, Vasîl, Hanna); since the Soviet
 * decades Russian forms dominate (half of Moldova's Ukrainians have Russian as mother tongue, NBS figure 16).
 *
 * Provenance: MODELLED (maintainers' compilation by birth decade, ranked); no Moldovan table was found.
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-ukrainian.ts (maintainers\' compilation by birth decade, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Maria', 'Hanna', 'Olena', 'Ecaterina', 'Evdochia', 'Paraschiva', 'Oleksandra', 'Nadia', 'Vira', 'Tetiana',
      'Halîna', 'Nina', 'Valentîna', 'Liubov', 'Zinaida', 'Ustîna', 'Oxana', 'Tamara', 'Antonina', 'Lidia',
      'Motrona', 'Fedora', 'Vasîlîna', 'Xenia', 'Varvara', 'Olha', 'Sofia', 'Marfa', 'Iryna', 'Hafia',
    ],
    '1950': [
      'Valentîna', 'Halîna', 'Nina', 'Liudmîla', 'Maria', 'Tetiana', 'Lidia', 'Nadia', 'Vira', 'Liubov',
      'Raisa', 'Zinaida', 'Hanna', 'Olena', 'Tamara', 'Svitlana', 'Larîsa', 'Natalia', 'Olha', 'Antonina',
      'Ecaterina', 'Alla', 'Zoia', 'Iryna', 'Oleksandra', 'Evghenia', 'Ganna', 'Lilia', 'Inna', 'Vera',
    ],
    '1970': [
      'Natalia', 'Olena', 'Tetiana', 'Svitlana', 'Iryna', 'Oxana', 'Olha', 'Liudmîla', 'Larîsa', 'Halîna',
      'Elena', 'Tatiana', 'Marina', 'Iulia', 'Inna', 'Nadia', 'Victoria', 'Valentîna', 'Lesia', 'Anjela',
      'Alla', 'Lilia', 'Maria', 'Hanna', 'Ecaterina', 'Jana', 'Snejana', 'Aliona', 'Liubov', 'Vera',
    ],
    '1990': [
      'Anastasia', 'Ecaterina', 'Iulia', 'Anna', 'Maria', 'Cristina', 'Victoria', 'Daria', 'Olena', 'Alina',
      'Natalia', 'Oxana', 'Iryna', 'Olha', 'Tetiana', 'Valeria', 'Diana', 'Xenia', 'Veronica', 'Sofia',
      'Alexandra', 'Aliona', 'Marina', 'Polina', 'Evghenia', 'Carina', 'Vlada', 'Anghelina', 'Svitlana', 'Elizaveta',
    ],
  },
  male: {
    '1930': [
      'Ivan', 'Mîcola', 'Vasîl', 'Petro', 'Mîhailo', 'Hrîhorii', 'Stepan', 'Fedir', 'Oleksandr', 'Dmîtro',
      'Andrii', 'Pavlo', 'Iakiv', 'Semen', 'Volodîmîr', 'Ilia', 'Ostap', 'Tîmofii', 'Danîlo', 'Iosîp',
      'Luka', 'Anton', 'Macsîm', 'Ihnat', 'Roman', 'Iurii', 'Serhii', 'Kîrîlo', 'Taras', 'Trohîm',
    ],
    '1950': [
      'Volodîmîr', 'Mîcola', 'Vasîl', 'Ivan', 'Oleksandr', 'Viktor', 'Anatolii', 'Petro', 'Iurii', 'Mîhailo',
      'Valerii', 'Serhii', 'Leonid', 'Hrîhorii', 'Stepan', 'Vitalii', 'Ghenadii', 'Borîs', 'Valentîn', 'Oleh',
      'Ihor', 'Evghenii', 'Pavlo', 'Fedir', 'Dmîtro', 'Andrii', 'Bohdan', 'Roman', 'Vasilii', 'Nicolai',
    ],
    '1970': [
      'Oleksandr', 'Serhii', 'Andrii', 'Ihor', 'Volodîmîr', 'Oleh', 'Iurii', 'Vitalii', 'Dmîtro', 'Viktor',
      'Alexandr', 'Serghei', 'Vasîl', 'Mîcola', 'Roman', 'Ruslan', 'Vadîm', 'Evghenii', 'Mîhailo', 'Petro',
      'Bohdan', 'Taras', 'Denîs', 'Maxîm', 'Anatolii', 'Vitalie', 'Igor', 'Pavlo', 'Stepan', 'Ivan',
    ],
    '1990': [
      'Alexandr', 'Dmitrii', 'Andrii', 'Maxim', 'Artiom', 'Denis', 'Vladislav', 'Oleksandr', 'Serhii', 'Ivan',
      'Nichita', 'Dmîtro', 'Bohdan', 'Roman', 'Mîhailo', 'Vitalii', 'Ruslan', 'Egor', 'Daniil', 'Ilia',
      'Iaroslav', 'Taras', 'Vadim', 'Chiril', 'Anton', 'Oleh', 'Ihor', 'Stanislav', 'Volodîmîr', 'Mîcola',
    ],
  },
};
export default table;
