import type { SurnameTable } from './types.js';

/**
 * Surnames of Bulgarians in Moldova, most common first, in Moldovan civil spelling; -ov/-ev forms take the
 * feminine -ova/-eva, -iu/-o forms do not inflect (types.ts).
 *
 * Provenance: MODELLED (maintainers' compilation, 80 surnames, ranked by judgement: the patronymic -ov/-ev type
 * of the commonest Bulgarian given names first); no Moldovan table was found.
 */
const table: SurnameTable = {
  source: 'MODELLED: names/surnames-bulgarian.ts (maintainers\' compilation, 80 surnames ranked by judgement; Zipf–Mandelbrot weights)',
  forms: 'slavic',
  names: [
    'Petcov', 'Ivanov', 'Dimitrov', 'Gheorghiev', 'Todorov', 'Stoianov', 'Nedelcev', 'Colev', 'Mitev', 'Radev',
    'Iordanov', 'Pometco', 'Caraivanov', 'Bancev', 'Hristov', 'Slavov', 'Chirov', 'Vâlcov', 'Enciu', 'Marinov',
    'Nicolov', 'Stoev', 'Cioban', 'Atanasov', 'Angelov', 'Popov', 'Petrov', 'Vasilev', 'Iliev', 'Zlatev',
    'Dobrev', 'Costov', 'Penev', 'Pencov', 'Ciakir', 'Vlahov', 'Donev', 'Dragnev', 'Bacalov', 'Drumev',
    'Dinev', 'Jecov', 'Stamov', 'Mihailov', 'Chirilov', 'Marcov', 'Manolov', 'Calcev', 'Neicov', 'Ghenciu',
    'Ivancev', 'Mancev', 'Slavcev', 'Iancev', 'Stoicev', 'Tonev', 'Ianev', 'Mitcov', 'Iovcev', 'Hristev',
    'Ganciu', 'Dimciu', 'Boicev', 'Boev', 'Tanasov', 'Pavlov', 'Raicev', 'Iordan', 'Parvanov', 'Cupcea',
    'Ciumacov', 'Tocarev', 'Gheorghiu', 'Velicov', 'Nenov', 'Sabev', 'Cerchez', 'Tasev', 'Zaharov', 'Chircev',
  ],
};
export default table;
