import type { SurnameTable } from './types.js';

/**
 * Surnames of the Gagauz, most common first, in Moldovan civil spelling. Many are Turkic trade or nickname words
 * (Topal, Uzun, Cara, Terzi, Arabadji) or patronymics in -oglo ("son of"); these do not inflect. Russian-type
 * -ov surnames (Constantinov, Dobrov) take the Slavic feminine (types.ts).
 *
 * Provenance: MODELLED (maintainers' compilation, 80 surnames, ranked by judgement); no table was found.
 */
const table: SurnameTable = {
  source: 'MODELLED: names/surnames-gagauz.ts (maintainers\' compilation, 80 surnames ranked by judgement; Zipf–Mandelbrot weights)',
  forms: 'slavic',
  names: [
    'Topal', 'Uzun', 'Arnaut', 'Bozbei', 'Ciolac', 'Cara', 'Ianioglo', 'Dimitroglo', 'Caraman', 'Gaidarji',
    'Stoianoglo', 'Vlah', 'Cristioglo', 'Curdoglo', 'Chioseoglo', 'Ivanoglo', 'Mitioglo', 'Chiosa', 'Palaz', 'Bogdanoglo',
    'Tatarlî', 'Formuzal', 'Iorgoglo', 'Cazmalî', 'Sîrcheli', 'Radoglo', 'Culaclî', 'Terzi', 'Dudoglo', 'Petrioglo',
    'Tanasoglo', 'Arabadji', 'Boiadji', 'Demirji', 'Cuiumji', 'Cazanjii', 'Casap', 'Bacal', 'Papaz', 'Calaici',
    'Burgudji', 'Tabunșcic', 'Pașali', 'Cîssa', 'Guțul', 'Dobrov', 'Constantinov', 'Croitor', 'Sari', 'Chirioglo',
    'Caraseni', 'Buiuclî', 'Mavrodi', 'Ghiuroglo', 'Dragan', 'Sapunji', 'Covali', 'Ceavdari', 'Capaclî', 'Chior',
    'Duleaba', 'Iovu', 'Caraiani', 'Gaivas', 'Mutaf', 'Ianachi', 'Dermenji', 'Colesnic', 'Ceban', 'Chirov',
    'Marinoglo', 'Manologlo', 'Nedioglo', 'Bulgar', 'Coșciug', 'Anastasov', 'Dimov', 'Stavrov', 'Zlatov', 'Hristov',
  ],
};
export default table;
