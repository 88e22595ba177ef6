import type { SurnameTable } from './types.js';

/**
 * Surnames of Russians in Moldova, most common first, masculine forms in the Romanian transliteration of Moldovan
 * civil documents (Cuznețov, Chiselev, Pocrovschi); feminine forms by the Russian rule (types.ts).
 *
 * Provenance: the order of the head follows the published ranking of Russian surnames by frequency
 * (A. F. Zhuravlev, "On the statistics of Russian surnames", Voprosy onomastiki 2, 2005: Smirnov, Ivanov,
 * Kuznetsov, Sokolov, Popov, Lebedev …), which describes Russia, not Moldova; the Moldovan share of each name is
 * NOT_FOUND, so the weights are MODELLED from the rank (curves.ts). 220 surnames.
 */
const table: SurnameTable = {
  source: 'MODELLED: names/surnames-russian.ts (220 surnames; order after Zhuravlev 2005 for Russia; Zipf–Mandelbrot weights)',
  forms: 'slavic',
  names: [
    'Smirnov', 'Ivanov', 'Cuznețov', 'Socolov', 'Popov', 'Lebedev', 'Cozlov', 'Novicov', 'Morozov', 'Petrov',
    'Volcov', 'Soloviov', 'Vasiliev', 'Zaițev', 'Pavlov', 'Semionov', 'Golubev', 'Vinogradov', 'Bogdanov', 'Vorobiov',
    'Fiodorov', 'Mihailov', 'Beleaev', 'Tarasov', 'Belov', 'Comarov', 'Orlov', 'Chiselev', 'Macarov', 'Andreev',
    'Covaliov', 'Ilin', 'Gusev', 'Titov', 'Cuzmin', 'Cudriavțev', 'Baranov', 'Culicov', 'Alexeev', 'Stepanov',
    'Iacovlev', 'Sorochin', 'Sergheev', 'Romanov', 'Zaharov', 'Borisov', 'Corolev', 'Gherasimov', 'Ponomariov', 'Grigoriev',
    'Lazarev', 'Medvedev', 'Erșov', 'Nichitin', 'Sobolev', 'Riabov', 'Poleacov', 'Țvetcov', 'Danilov', 'Jucov',
    'Frolov', 'Juravliov', 'Nicolaev', 'Crîlov', 'Maximov', 'Sidorov', 'Osipov', 'Belousov', 'Fedotov', 'Dorofeev',
    'Egorov', 'Matveev', 'Bobrov', 'Dmitriev', 'Calinin', 'Anisimov', 'Petuhov', 'Antonov', 'Timofeev', 'Nichiforov',
    'Veselov', 'Filippov', 'Marcov', 'Bolșacov', 'Suhanov', 'Mironov', 'Șireaev', 'Alexandrov', 'Conovalov', 'Șestacov',
    'Cazacov', 'Efimov', 'Denisov', 'Gromov', 'Fomin', 'Davîdov', 'Melnicov', 'Șcerbacov', 'Blinov', 'Colesnicov',
    'Carpov', 'Afanasiev', 'Vlasov', 'Maslov', 'Isacov', 'Tihonov', 'Axionov', 'Gavrilov', 'Rodionov', 'Cotov',
    'Gorbunov', 'Cudreașov', 'Bîcov', 'Zuev', 'Tretiacov', 'Saveliev', 'Panov', 'Rîbacov', 'Suvorov', 'Abramov',
    'Voronov', 'Muhin', 'Arhipov', 'Trofimov', 'Martînov', 'Emelianov', 'Gorșcov', 'Cernov', 'Ovcinnicov', 'Seleznev',
    'Panfilov', 'Copîlov', 'Miheev', 'Galchin', 'Nazarov', 'Lobanov', 'Luchin', 'Beleacov', 'Potapov', 'Necrasov',
    'Hohlov', 'Jdanov', 'Naumov', 'Șilov', 'Voronțov', 'Ermacov', 'Drozdov', 'Ignatiev', 'Savin', 'Loghinov',
    'Safonov', 'Capustin', 'Chirillov', 'Moiseev', 'Eliseev', 'Coșelev', 'Costin', 'Gorbaciov', 'Orehov', 'Efremov',
    'Isaev', 'Evdochimov', 'Calașnicov', 'Cabanov', 'Noscov', 'Iudin', 'Culaghin', 'Lapin', 'Prohorov', 'Nesterov',
    'Haritonov', 'Agafonov', 'Muraviov', 'Laptev', 'Sneghiriov', 'Voronin', 'Rogov', 'Golovin', 'Zimin', 'Zotov',
    'Ignatov', 'Mișin', 'Rumeanțev', 'Șișchin', 'Chirov', 'Galcin', 'Pocrovschi', 'Preobrajenschi', 'Voznesenschi', 'Uspenschi',
    'Troițchi', 'Iavorschi', 'Gorodețchi', 'Novițchi', 'Bașmacov', 'Belîi', 'Ceaicovschi', 'Dubrovin', 'Jarcov', 'Cornilov',
    'Miasnicov', 'Starostin', 'Ciumacov', 'Bulgacov', 'Mordvinov', 'Lîsov', 'Chirsanov', 'Rîjov', 'Sviridov', 'Pahomov',
    'Solomatin', 'Dementiev', 'Ustinov', 'Fadeev', 'Gladchih', 'Golubțov', 'Cruglov', 'Lapșin', 'Surcov', 'Zubcov',
  ],
};
export default table;
