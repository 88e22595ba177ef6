import type { SurnameTable } from './types.js';

/**
 * Surnames of Ukrainians in Moldova, most common first, in Moldovan civil spelling (Covalenco, Cravciuc). Most
 * Ukrainian surnames (-enco, -uc/-ciuc, -co) do not inflect; -ov/-in and -schi forms take the Slavic feminine
 * (types.ts).
 *
 * Provenance: MODELLED (maintainers' compilation, 119 surnames, ranked by judgement: -enco and -ciuc names, the
 * commonest Ukrainian types, first); no Moldovan table was found.
 */
const table: SurnameTable = {
  source: 'MODELLED: names/surnames-ukrainian.ts (maintainers\' compilation, 119 surnames ranked by judgement; Zipf–Mandelbrot weights)',
  forms: 'slavic',
  names: [
    'Cravciuc', 'Covalciuc', 'Bondarenco', 'Covalenco', 'Tcacenco', 'Șevcenco', 'Melnic', 'Boico', 'Savciuc', 'Romaniuc',
    'Ivaniuc', 'Semeniuc', 'Pavliuc', 'Martiniuc', 'Tcaciuc', 'Lisenco', 'Marcenco', 'Ilcenco', 'Cuzmenco', 'Didenco',
    'Levcenco', 'Zaharciuc', 'Hrițco', 'Goncear', 'Coval', 'Cravcenco', 'Nazarenco', 'Moroz', 'Polișciuc', 'Oleinic',
    'Zinciuc', 'Babiuc', 'Ostapciuc', 'Stepaniuc', 'Procopciuc', 'Fedoruc', 'Gumeniuc', 'Mațiuc', 'Mazur', 'Petrenco',
    'Vaculenco', 'Panciuc', 'Danilciuc', 'Gnatiuc', 'Grițco', 'Vasilenco', 'Pilipenco', 'Onișcenco', 'Radcenco', 'Stepanenco',
    'Ostapenco', 'Gordienco', 'Chirilenco', 'Pavlenco', 'Timoșenco', 'Iurcenco', 'Demcenco', 'Serdiuc', 'Belous', 'Chiricenco',
    'Iațenco', 'Moscalenco', 'Nesterenco', 'Ponomarenco', 'Sidorenco', 'Covalschi', 'Vișnevschi', 'Ostrovschi', 'Zelenschi', 'Savițchi',
    'Lesiuc', 'Hmelnițchi', 'Andriuc', 'Bodnarciuc', 'Dmitriuc', 'Fedorciuc', 'Huțuleac', 'Iaremciuc', 'Gaiciuc', 'Malanciuc',
    'Mariniuc', 'Mihailiuc', 'Oleinicenco', 'Palamarciuc', 'Prodanciuc', 'Roșciuc', 'Semenciuc', 'Șcerbina', 'Tarasenco', 'Vlasenco',
    'Zamfirciuc', 'Cravceț', 'Ușacov', 'Zadorojnîi', 'Podgornîi', 'Ciornîi', 'Zagorodnîi', 'Sîrbenco', 'Rudenco', 'Lîsiuc',
    'Mazuric', 'Suhovei', 'Dovgan', 'Hodorovschi', 'Ciumacenco', 'Marcenciuc', 'Cuzmiciuc', 'Șapovalov', 'Gorobeț', 'Sologub',
    'Bilous', 'Iaroșenco', 'Litvinenco', 'Ruban', 'Stețiuc', 'Chiriac', 'Derevenco', 'Poliacov', 'Nicolaiciuc',
  ],
};
export default table;
