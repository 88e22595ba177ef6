import type { FirstNameTable } from './types.js';

/**
 * First names of Moldovans (also used for ethnic Romanians and for people who declared no ethnicity), by birth
 * decade, in the spelling of Moldovan civil documents (Romanian orthography; Russian-origin names in their
 * Moldovan forms: Vitalie, Veaceslav, Iurie, Ghenadie).
 *
 * Provenance: MODELLED. No table of names by birth year was found for Moldova (ASP publishes newborn tops only,
 * recently: 2024 Sofia, Amelia, Eva / David, Matei, Mark — born after the youngest adult cohort). Each decade's
 * list is the maintainers' compilation of the names common among people of that generation (older generations:
 * Orthodox calendar names, Eudochia, Parascovia; the Soviet decades: Valentina, Galina, Svetlana, Natalia,
 * Tatiana; the 1990s–2000s: Cristina, Daniela, Alexandra, Victoria, Ana), ordered from most to least common by
 * judgement; weights come from the rank (curves.ts).
 */
const table: FirstNameTable = {
  source: 'MODELLED: names/first-names-moldovan.ts (maintainers\' compilation by birth decade, ranked; Zipf–Mandelbrot weights)',
  female: {
    '1930': [
      'Maria', 'Ana', 'Eudochia', 'Parascovia', 'Elena', 'Alexandra', 'Ecaterina', 'Eufrosinia', 'Vera', 'Nadejda',
      'Teodora', 'Tatiana', 'Anastasia', 'Agafia', 'Xenia', 'Olga', 'Domnica', 'Zinovia', 'Marfa', 'Vasilisa',
      'Efimia', 'Tecla', 'Antonina', 'Lidia', 'Nina', 'Ileana', 'Varvara', 'Irina', 'Fevronia', 'Pelaghia',
      'Ustinia', 'Sofia', 'Zinaida', 'Valentina', 'Axenia', 'Stepanida', 'Matrona', 'Profira', 'Chirața', 'Frăsina',
      'Safta', 'Smaranda', 'Zamfira', 'Tudora', 'Ioana', 'Agripina', 'Melania', 'Raisa', 'Aculina', 'Magdalena',
      'Feodosia', 'Filofteia', 'Catinca', 'Anica', 'Arina', 'Haritina', 'Solomia',
    ],
    '1940': [
      'Maria', 'Ana', 'Eudochia', 'Elena', 'Parascovia', 'Vera', 'Nadejda', 'Alexandra', 'Ecaterina', 'Valentina',
      'Tatiana', 'Nina', 'Eufrosinia', 'Lidia', 'Raisa', 'Zinaida', 'Olga', 'Anastasia', 'Galina', 'Tamara',
      'Antonina', 'Teodora', 'Domnica', 'Xenia', 'Agafia', 'Liuba', 'Zinovia', 'Efimia', 'Lucia', 'Vasilisa',
      'Marfa', 'Sofia', 'Tecla', 'Irina', 'Varvara', 'Ileana', 'Claudia', 'Eugenia', 'Ioana', 'Aurelia',
      'Margareta', 'Serafima', 'Stepanida', 'Ludmila', 'Cleopatra', 'Elizaveta', 'Tudora', 'Iulia', 'Matrona', 'Axenia',
    ],
    '1950': [
      'Maria', 'Valentina', 'Ana', 'Elena', 'Nina', 'Galina', 'Raisa', 'Lidia', 'Tatiana', 'Vera',
      'Nadejda', 'Zinaida', 'Ecaterina', 'Eudochia', 'Tamara', 'Ludmila', 'Alexandra', 'Parascovia', 'Olga', 'Antonina',
      'Liubovi', 'Svetlana', 'Lucia', 'Eugenia', 'Claudia', 'Larisa', 'Natalia', 'Emilia', 'Aurelia', 'Margareta',
      'Zoia', 'Iulia', 'Ileana', 'Domnica', 'Sofia', 'Xenia', 'Teodora', 'Efimia', 'Eufrosinia', 'Anastasia',
      'Rodica', 'Silvia', 'Veronica', 'Elizaveta', 'Serafima', 'Ala', 'Lucreția', 'Stela', 'Viorica', 'Virginia',
      'Agafia', 'Liuba', 'Varvara',
    ],
    '1960': [
      'Valentina', 'Maria', 'Galina', 'Ludmila', 'Tatiana', 'Elena', 'Nina', 'Lidia', 'Svetlana', 'Ana',
      'Raisa', 'Larisa', 'Vera', 'Zinaida', 'Natalia', 'Nadejda', 'Lilia', 'Ecaterina', 'Tamara', 'Olga',
      'Liubovi', 'Eugenia', 'Antonina', 'Alexandra', 'Zoia', 'Aurelia', 'Silvia', 'Rodica', 'Viorica', 'Emilia',
      'Margareta', 'Iulia', 'Ala', 'Stela', 'Lucia', 'Claudia', 'Eudochia', 'Angela', 'Irina', 'Liuba',
      'Mariana', 'Veronica', 'Parascovia', 'Lucreția', 'Valeria', 'Elizaveta', 'Sofia', 'Dora', 'Elvira', 'Ina',
      'Marina', 'Domnica',
    ],
    '1970': [
      'Tatiana', 'Natalia', 'Elena', 'Svetlana', 'Ludmila', 'Galina', 'Lidia', 'Valentina', 'Maria', 'Larisa',
      'Angela', 'Lilia', 'Irina', 'Olga', 'Nadejda', 'Ana', 'Viorica', 'Liliana', 'Aurelia', 'Rodica',
      'Silvia', 'Ala', 'Zinaida', 'Raisa', 'Nina', 'Victoria', 'Stela', 'Tamara', 'Ecaterina', 'Mariana',
      'Eugenia', 'Valeria', 'Oxana', 'Marina', 'Veronica', 'Vera', 'Inga', 'Ina', 'Emilia', 'Margareta',
      'Corina', 'Doina', 'Zoia', 'Alexandra', 'Lucia', 'Liubovi', 'Dorina', 'Marcela', 'Cristina', 'Iulia',
      'Diana', 'Elvira',
    ],
    '1980': [
      'Natalia', 'Tatiana', 'Olga', 'Elena', 'Irina', 'Svetlana', 'Oxana', 'Angela', 'Lilia', 'Mariana',
      'Viorica', 'Ludmila', 'Aliona', 'Cristina', 'Ana', 'Maria', 'Veronica', 'Diana', 'Inga', 'Ina',
      'Victoria', 'Liliana', 'Silvia', 'Corina', 'Rodica', 'Galina', 'Doina', 'Stela', 'Alexandra', 'Nadejda',
      'Larisa', 'Marina', 'Aurelia', 'Ecaterina', 'Valentina', 'Lidia', 'Margareta', 'Iulia', 'Eugenia', 'Adriana',
      'Violeta', 'Daniela', 'Mihaela', 'Lucia', 'Valeria', 'Nina', 'Elvira', 'Dorina', 'Nelea', 'Ala',
      'Snejana', 'Jana', 'Marcela', 'Carolina',
    ],
    '1990': [
      'Cristina', 'Ana', 'Natalia', 'Diana', 'Victoria', 'Mariana', 'Olga', 'Alexandra', 'Daniela', 'Irina',
      'Tatiana', 'Elena', 'Maria', 'Ecaterina', 'Veronica', 'Corina', 'Ina', 'Alina', 'Doina', 'Adriana',
      'Nicoleta', 'Mihaela', 'Valeria', 'Aliona', 'Anastasia', 'Iulia', 'Carolina', 'Lilia', 'Liliana', 'Svetlana',
      'Angela', 'Oxana', 'Marina', 'Viorica', 'Olesea', 'Nadejda', 'Silvia', 'Violeta', 'Eugenia', 'Dana',
      'Gabriela', 'Cătălina', 'Loredana', 'Marcela', 'Dorina', 'Felicia', 'Ionela', 'Sabina', 'Camelia', 'Galina',
      'Inga', 'Lucia', 'Stela', 'Renata', 'Ludmila', 'Emilia',
    ],
    '2000': [
      'Cristina', 'Daniela', 'Alexandra', 'Victoria', 'Ana', 'Maria', 'Anastasia', 'Valeria', 'Nicoleta', 'Adriana',
      'Mihaela', 'Diana', 'Elena', 'Ecaterina', 'Gabriela', 'Carolina', 'Natalia', 'Corina', 'Doina', 'Iuliana',
      'Olga', 'Mariana', 'Alina', 'Irina', 'Tatiana', 'Veronica', 'Andreea', 'Ionela', 'Loredana', 'Violeta',
      'Dana', 'Marina', 'Sabina', 'Camelia', 'Iulia', 'Elizaveta', 'Polina', 'Sofia', 'Eugenia', 'Nadejda',
      'Olesea', 'Emilia', 'Anișoara', 'Vlada', 'Bianca', 'Daria', 'Arina', 'Cătălina', 'Ina', 'Mădălina',
      'Felicia', 'Lilia', 'Lidia', 'Margareta', 'Liliana', 'Teodora', 'Ilinca', 'Stela', 'Aurelia',
    ],
  },
  male: {
    '1930': [
      'Ion', 'Vasile', 'Gheorghe', 'Nicolae', 'Petru', 'Dumitru', 'Mihail', 'Constantin', 'Grigore', 'Ilie',
      'Tudor', 'Simion', 'Andrei', 'Pavel', 'Alexandru', 'Iacob', 'Fiodor', 'Chiril', 'Efim', 'Ștefan',
      'Teodor', 'Toader', 'Zaharia', 'Trofim', 'Timofei', 'Filip', 'Afanasie', 'Semion', 'Onisim', 'Alexei',
      'Iosif', 'Luca', 'Nichifor', 'Macarie', 'Pantelei', 'Gavril', 'Emilian', 'Sava', 'Matei', 'Anton',
      'Eremia', 'Isai', 'Vladimir', 'Ivan', 'Axenti', 'Spiridon', 'Serghei', 'Ignat', 'Leonte', 'Eftimie',
      'Prohor', 'Dionisie', 'Maxim', 'Cozma', 'Gherasim', 'Procopie',
    ],
    '1940': [
      'Ion', 'Vasile', 'Gheorghe', 'Nicolae', 'Petru', 'Mihail', 'Dumitru', 'Constantin', 'Grigore', 'Ilie',
      'Vladimir', 'Alexandru', 'Tudor', 'Andrei', 'Pavel', 'Ștefan', 'Simion', 'Fiodor', 'Alexei', 'Anatol',
      'Iacob', 'Efim', 'Teodor', 'Serghei', 'Chiril', 'Ivan', 'Victor', 'Zaharia', 'Mihai', 'Iosif',
      'Filip', 'Timofei', 'Semion', 'Trofim', 'Luca', 'Matei', 'Emilian', 'Valentin', 'Afanasie', 'Leonid',
      'Boris', 'Gavril', 'Nichifor', 'Sava', 'Eremia', 'Anton', 'Pantelei', 'Maxim', 'Dionisie', 'Toader',
    ],
    '1950': [
      'Ion', 'Vasile', 'Gheorghe', 'Nicolae', 'Petru', 'Vladimir', 'Mihail', 'Dumitru', 'Valentin', 'Anatol',
      'Constantin', 'Alexandru', 'Grigore', 'Ilie', 'Victor', 'Tudor', 'Valeriu', 'Ștefan', 'Andrei', 'Serghei',
      'Pavel', 'Leonid', 'Mihai', 'Boris', 'Eugen', 'Iurie', 'Simion', 'Fiodor', 'Alexei', 'Efim',
      'Iacob', 'Anton', 'Teodor', 'Chiril', 'Ivan', 'Emil', 'Semion', 'Filip', 'Arcadie', 'Gavril',
      'Zaharia', 'Timofei', 'Matei', 'Luca', 'Iosif', 'Sava', 'Emilian', 'Dionisie', 'Vitalie', 'Ghenadie',
    ],
    '1960': [
      'Ion', 'Vasile', 'Gheorghe', 'Nicolae', 'Valeriu', 'Vladimir', 'Petru', 'Mihail', 'Anatol', 'Victor',
      'Iurie', 'Dumitru', 'Valentin', 'Alexandru', 'Constantin', 'Sergiu', 'Grigore', 'Ilie', 'Tudor', 'Ștefan',
      'Mihai', 'Andrei', 'Leonid', 'Eugen', 'Boris', 'Pavel', 'Vitalie', 'Ghenadie', 'Serghei', 'Oleg',
      'Igor', 'Arcadie', 'Emil', 'Simion', 'Alexei', 'Fiodor', 'Efim', 'Teodor', 'Iacob', 'Valerian',
      'Viorel', 'Anatolie', 'Veaceslav', 'Semion', 'Chiril', 'Ivan', 'Marin', 'Iosif', 'Filip', 'Lilian',
      'Aurel', 'Dorin',
    ],
    '1970': [
      'Ion', 'Vasile', 'Sergiu', 'Gheorghe', 'Nicolae', 'Iurie', 'Valeriu', 'Andrei', 'Igor', 'Vitalie',
      'Victor', 'Alexandru', 'Vladimir', 'Oleg', 'Mihai', 'Petru', 'Dumitru', 'Veaceslav', 'Ghenadie', 'Anatol',
      'Constantin', 'Valentin', 'Eugen', 'Ruslan', 'Serghei', 'Grigore', 'Mihail', 'Ștefan', 'Viorel', 'Tudor',
      'Ilie', 'Lilian', 'Dorin', 'Vadim', 'Roman', 'Dan', 'Alexei', 'Pavel', 'Boris', 'Leonid',
      'Octavian', 'Corneliu', 'Marin', 'Marcel', 'Emil', 'Valerian', 'Aurel', 'Radu', 'Eduard', 'Stanislav',
      'Iacob', 'Maxim',
    ],
    '1980': [
      'Ion', 'Sergiu', 'Andrei', 'Vasile', 'Igor', 'Vitalie', 'Alexandru', 'Veaceslav', 'Ruslan', 'Dumitru',
      'Oleg', 'Iurie', 'Nicolae', 'Gheorghe', 'Victor', 'Vadim', 'Eugen', 'Mihai', 'Valeriu', 'Roman',
      'Serghei', 'Dorin', 'Lilian', 'Ghenadie', 'Petru', 'Denis', 'Dan', 'Octavian', 'Radu', 'Eduard',
      'Vladimir', 'Constantin', 'Alexei', 'Valentin', 'Artur', 'Maxim', 'Cristian', 'Viorel', 'Tudor', 'Ștefan',
      'Marcel', 'Adrian', 'Corneliu', 'Pavel', 'Ilie', 'Grigore', 'Anatol', 'Mihail', 'Vladislav', 'Stanislav',
      'Emil', 'Ivan', 'Iulian', 'Aurel', 'Daniel',
    ],
    '1990': [
      'Ion', 'Andrei', 'Alexandru', 'Vasile', 'Sergiu', 'Dumitru', 'Nicolae', 'Mihai', 'Victor', 'Vadim',
      'Denis', 'Igor', 'Vitalie', 'Eugen', 'Ruslan', 'Cristian', 'Radu', 'Dan', 'Maxim', 'Vladislav',
      'Daniel', 'Alexei', 'Ștefan', 'Petru', 'Artur', 'Gheorghe', 'Dorin', 'Valeriu', 'Adrian', 'Octavian',
      'Iurie', 'Veaceslav', 'Marcel', 'Roman', 'Pavel', 'Tudor', 'Constantin', 'Serghei', 'Ilie', 'Valentin',
      'Corneliu', 'Iulian', 'Vlad', 'Lilian', 'Grigore', 'Mihail', 'Stanislav', 'Artiom', 'Nichita', 'Ionel',
      'Vladimir', 'Eduard', 'Emil', 'Gabriel', 'Marin', 'Viorel', 'Ghenadie',
    ],
    '2000': [
      'Alexandru', 'Ion', 'Andrei', 'Nicolae', 'Mihai', 'Dumitru', 'Vlad', 'Cristian', 'Daniel', 'Vasile',
      'Maxim', 'Nichita', 'Dan', 'Victor', 'Radu', 'Denis', 'Artiom', 'Vladislav', 'Eugen', 'Sergiu',
      'Ștefan', 'Gheorghe', 'Alexei', 'Tudor', 'Petru', 'Daniil', 'Marcel', 'Adrian', 'Valentin', 'Gabriel',
      'Iulian', 'Vadim', 'Mihail', 'Ilie', 'Constantin', 'Igor', 'Ruslan', 'Octavian', 'Valeriu', 'Corneliu',
      'Pavel', 'Roman', 'Emil', 'Dorin', 'Vitalie', 'David', 'Mircea', 'Marius', 'Grigore', 'Iurie',
      'Veaceslav', 'Artur', 'Matei', 'Sebastian', 'Cătălin', 'Serghei', 'Stanislav', 'Bogdan', 'Călin',
    ],
  },
};
export default table;
