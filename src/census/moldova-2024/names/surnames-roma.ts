import type { SurnameTable } from './types.js';

/**
 * Surnames of Roma in Moldova, most common first. Beside the Romanian surnames of their neighbours, many carry old
 * trade names (Lingurar "spoon-maker", Ursari "bear-leader", Căldărar "tinker", Cerari); Romanian surnames do not
 * inflect.
 *
 * Provenance: MODELLED (maintainers' compilation, 35 surnames, ranked by judgement); no table was found.
 */
const table: SurnameTable = {
  source: 'MODELLED: names/surnames-roma.ts (maintainers\' compilation, 35 surnames ranked by judgement; Zipf–Mandelbrot weights)',
  forms: 'invariant',
  names: [
    'Cerari', 'Lingurar', 'Ursari', 'Ciobanu', 'Rusu', 'Căldărar', 'Stoica', 'Burlacu', 'Fieraru', 'Cîrpaci',
    'Mihai', 'Grigoraș', 'Lăutaru', 'Covaci', 'Zlătaru', 'Balan', 'Cojocaru', 'Moldovan', 'Munteanu', 'Cazacu',
    'Lingurari', 'Ursu', 'Lupu', 'Chirilă', 'Vasile', 'Ion', 'Nicolae', 'Gheorghe', 'Sandu', 'Marin',
    'Dumitru', 'Lăcătuș', 'Boldișor', 'Ciurar', 'Spoitor',
  ],
};
export default table;
