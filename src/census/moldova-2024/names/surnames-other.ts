import type { SurnameTable } from './types.js';

/**
 * Surnames of the census's "Other" group (Belarusians, Armenians, Azerbaijanis, Jews, Poles, Turks …), in
 * Moldovan civil spelling; -ov/-ev and -schi forms take the Slavic feminine, the rest do not inflect (types.ts).
 *
 * Provenance: MODELLED (maintainers' compilation, 50 surnames, ranked by judgement); no table was found.
 */
const table: SurnameTable = {
  source: 'MODELLED: names/surnames-other.ts (maintainers\' compilation, 50 surnames ranked by judgement; Zipf–Mandelbrot weights)',
  forms: 'slavic',
  names: [
    'Grigorian', 'Aliev', 'Mamedov', 'Avachian', 'Cogan', 'Petrosian', 'Lucașenco', 'Rabinovici', 'Covalevschi', 'Sarchisian',
    'Harutiunian', 'Hasanov', 'Guseinov', 'Zilberman', 'Șapiro', 'Nowak', 'Iasinschi', 'Iîlmaz', 'Ohanian', 'Ovanesian',
    'Manuchian', 'Babaian', 'Gasparian', 'Ismailov', 'Rahimov', 'Culiev', 'Abramovici', 'Vainberg', 'Goldenberg', 'Fridman',
    'Rozenberg', 'Levin', 'Șteinberg', 'Polonschi', 'Vișnevschi', 'Caminschi', 'Lucașevici', 'Cozlovschi', 'Bondarevici', 'Demir',
    'Caia', 'Celic', 'Ozturc', 'Arslan', 'Babaev', 'Abdulaev', 'Nazarian', 'Ter-Petrosian', 'Horowitz', 'Katz',
  ],
};
export default table;
