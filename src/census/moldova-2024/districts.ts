/**
 * The 35 census units of RPL 2024 (32 raions, mun. Chișinău, mun. Bălți, ATU Găgăuzia).
 *
 * population, medianAge, malesPer1000: NBS census 2024 final, annex tables 8.3 / 2.3
 *   (Anexa_Localitati_RPL2024.xlsx), transcribed by github advaitsridhar/DemographicMap — flag NBS_ANNEX_3P.
 *   The units sum to the NBS total 2,409,207 and to the NBS region totals.
 * urbanShare: MODELLED. NBS publishes only the national 46.4 % urban (NBS, 2025-07-15); the per-unit share is
 *   estimated from the towns each unit contains (municipalities ~0.9–0.98, raions 0–0.6). Calibration rescales
 *   it so the national 46.4 % is hit while the ordering between units is kept.
 * minorities (percent of the unit): MODELLED from what is published — national shares (NBS final 2025-10-20),
 *   ATU Găgăuzia 81.2 % Gagauz, Taraclia 64.2 % Bulgarian, Moldovans 65.4 % in Basarabeasca to 96.4 % in Dubăsari
 *   (Moldova1/EVZ, NBS_MEDIA), preliminary regional shares (Ukrainians Nord 9.6, Chișinău 5.1; Russians Nord 3.5,
 *   Chișinău 5.9; Moldovans Chișinău 72.9; NBS_MEDIA) and mother tongue by unit (NBS annex 5.13 via third party).
 *   Moldovans are the remainder after the listed groups and the 0.16 % who declared no ethnicity.
 */
export interface DistrictRow {
  unit: string;
  region: 'Chișinău' | 'Nord' | 'Centru' | 'Sud' | 'UTA Găgăuzia';
  population: number;
  medianAge: number;
  malesPer1000: number;
  urbanShare: number;
  /** Percent of the unit: Romanian, Ukrainian, Gagauz, Russian, Bulgarian, Roma, Other. */
  minorities: readonly [number, number, number, number, number, number, number];
}

export const districts: readonly DistrictRow[] = [
  { unit: 'Mun. Chișinău', region: 'Chișinău', population: 720128, medianAge: 37.4, malesPer1000: 865, urbanShare: 0.9, minorities: [11.9, 5.1, 0.7, 5.3, 1.0, 0.2, 0.9] },
  { unit: 'Mun. Bălți', region: 'Nord', population: 94546, medianAge: 39.0, malesPer1000: 825, urbanShare: 0.98, minorities: [7, 13, 0.3, 13, 0.4, 0.8, 0.9] },
  { unit: 'Briceni', region: 'Nord', population: 46894, medianAge: 46.7, malesPer1000: 869, urbanShare: 0.2, minorities: [4, 18, 0, 2.5, 0.2, 0.4, 0.2] },
  { unit: 'Dondușeni', region: 'Nord', population: 28108, medianAge: 46.8, malesPer1000: 860, urbanShare: 0.26, minorities: [4, 8, 0, 2, 0, 0.5, 0.2] },
  { unit: 'Drochia', region: 'Nord', population: 53738, medianAge: 46.7, malesPer1000: 853, urbanShare: 0.22, minorities: [5, 5, 0, 1.5, 0, 0.3, 0.2] },
  { unit: 'Edineț', region: 'Nord', population: 50429, medianAge: 46.3, malesPer1000: 852, urbanShare: 0.31, minorities: [4, 14, 0, 2, 0.2, 1, 0.2] },
  { unit: 'Fălești', region: 'Nord', population: 56039, medianAge: 44.9, malesPer1000: 872, urbanShare: 0.17, minorities: [5, 5, 0, 1.5, 0, 0.2, 0.2] },
  { unit: 'Florești', region: 'Nord', population: 53264, medianAge: 45.4, malesPer1000: 877, urbanShare: 0.21, minorities: [5, 3, 0, 1.5, 0, 0.5, 0.2] },
  { unit: 'Glodeni', region: 'Nord', population: 35829, medianAge: 45.5, malesPer1000: 884, urbanShare: 0.2, minorities: [4, 8, 0, 3, 0, 0.2, 0.2] },
  { unit: 'Ocnița', region: 'Nord', population: 31610, medianAge: 47.8, malesPer1000: 853, urbanShare: 0.34, minorities: [3, 22, 0, 6, 0, 5.5, 0.3] },
  { unit: 'Rîșcani', region: 'Nord', population: 43652, medianAge: 45.8, malesPer1000: 862, urbanShare: 0.26, minorities: [4, 14, 0, 4, 0, 1.7, 0.2] },
  { unit: 'Sîngerei', region: 'Nord', population: 55933, medianAge: 42.6, malesPer1000: 893, urbanShare: 0.2, minorities: [4, 3, 0, 1.5, 0, 0.3, 0.2] },
  { unit: 'Soroca', region: 'Nord', population: 58609, medianAge: 46.1, malesPer1000: 878, urbanShare: 0.32, minorities: [5, 4, 0, 1.5, 0, 2, 0.2] },
  { unit: 'Anenii Noi', region: 'Centru', population: 57687, medianAge: 43.0, malesPer1000: 932, urbanShare: 0.13, minorities: [7, 5, 0.1, 3, 0.2, 0.2, 0.3] },
  { unit: 'Călărași', region: 'Centru', population: 43864, medianAge: 44.7, malesPer1000: 958, urbanShare: 0.21, minorities: [8, 1, 0, 0.5, 0, 0.3, 0.1] },
  { unit: 'Criuleni', region: 'Centru', population: 52926, medianAge: 41.0, malesPer1000: 939, urbanShare: 0.11, minorities: [8, 3, 0, 1, 0, 0.1, 0.1] },
  { unit: 'Dubăsari', region: 'Centru', population: 21781, medianAge: 43.2, malesPer1000: 944, urbanShare: 0.0, minorities: [1.5, 1.2, 0, 0.6, 0, 0.1, 0.1] },
  { unit: 'Hîncești', region: 'Centru', population: 69462, medianAge: 43.1, malesPer1000: 944, urbanShare: 0.14, minorities: [8, 1, 0.2, 0.8, 0.1, 0.3, 0.1] },
  { unit: 'Ialoveni', region: 'Centru', population: 74458, medianAge: 40.1, malesPer1000: 945, urbanShare: 0.17, minorities: [10, 1, 0.1, 1, 0.1, 0.1, 0.2] },
  { unit: 'Nisporeni', region: 'Centru', population: 36413, medianAge: 43.6, malesPer1000: 954, urbanShare: 0.26, minorities: [10, 0.5, 0, 0.3, 0, 0.3, 0.1] },
  { unit: 'Orhei', region: 'Centru', population: 79242, medianAge: 42.1, malesPer1000: 928, urbanShare: 0.28, minorities: [8, 1, 0, 1.2, 0, 0.4, 0.1] },
  { unit: 'Rezina', region: 'Centru', population: 30243, medianAge: 44.3, malesPer1000: 963, urbanShare: 0.26, minorities: [7, 2, 0, 1.5, 0, 0.2, 0.1] },
  { unit: 'Strășeni', region: 'Centru', population: 61362, medianAge: 41.8, malesPer1000: 942, urbanShare: 0.3, minorities: [9, 1, 0, 1, 0, 0.2, 0.1] },
  { unit: 'Șoldănești', region: 'Centru', population: 25394, medianAge: 44.9, malesPer1000: 953, urbanShare: 0.17, minorities: [6, 1.5, 0, 0.8, 0, 0.2, 0.1] },
  { unit: 'Telenești', region: 'Centru', population: 41452, medianAge: 44.4, malesPer1000: 957, urbanShare: 0.13, minorities: [7, 0.8, 0, 0.6, 0, 0.2, 0.1] },
  { unit: 'Ungheni', region: 'Centru', population: 75804, medianAge: 40.5, malesPer1000: 923, urbanShare: 0.36, minorities: [10, 2, 0, 2, 0, 0.3, 0.1] },
  { unit: 'Basarabeasca', region: 'Sud', population: 14914, medianAge: 47.1, malesPer1000: 910, urbanShare: 0.51, minorities: [6, 9, 5, 8, 6, 0.5, 1.1] },
  { unit: 'Cahul', region: 'Sud', population: 72775, medianAge: 42.7, malesPer1000: 903, urbanShare: 0.35, minorities: [7, 3, 3, 3, 4, 0.3, 0.3] },
  { unit: 'Cantemir', region: 'Sud', population: 33181, medianAge: 43.0, malesPer1000: 981, urbanShare: 0.1, minorities: [6, 1, 0.5, 0.8, 0.5, 0.2, 0.1] },
  { unit: 'Căușeni', region: 'Sud', population: 57261, medianAge: 43.9, malesPer1000: 932, urbanShare: 0.26, minorities: [6, 3, 0.3, 2, 1.2, 0.3, 0.2] },
  { unit: 'Cimișlia', region: 'Sud', population: 30986, medianAge: 47.0, malesPer1000: 956, urbanShare: 0.32, minorities: [6, 2, 0.5, 2, 1, 0.2, 0.2] },
  { unit: 'Leova', region: 'Sud', population: 28835, medianAge: 43.7, malesPer1000: 984, urbanShare: 0.31, minorities: [6, 1, 1, 1.5, 1.5, 0.2, 0.1] },
  { unit: 'Ștefan Vodă', region: 'Sud', population: 42285, medianAge: 44.6, malesPer1000: 938, urbanShare: 0.14, minorities: [7, 1.5, 0, 1, 0.2, 0.2, 0.1] },
  { unit: 'Taraclia', region: 'Sud', population: 26435, medianAge: 45.0, malesPer1000: 921, urbanShare: 0.38, minorities: [0.5, 3, 8, 6, 64.2, 0.3, 0.8] },
  { unit: 'UTA Găgăuzia', region: 'UTA Găgăuzia', population: 103668, medianAge: 42.3, malesPer1000: 872, urbanShare: 0.42, minorities: [0.2, 3, 81.2, 4, 5.5, 0.3, 0.5] },
];

/** Share of the population that declared no ethnicity: 3.8 thousand of 2,409.2 (NBS final, DERIVED). */
export const notDeclaredEthnicityPct = 0.16;
