/**
 * Mother tongue and religion by ethnicity, national.
 * Source: NBS ethnocultural release of 2025-10-20, figures 16 and 17 (Date_Comunicat_Etnoculturale_20_10_25.xlsx),
 * extracted by a third party (github synesthesia-wav/moldova-personas) — flag 3P. Shares of each ethnic group
 * that declared a language/religion. Figure 16 merges Moldovan and Romanian as "Română" (`RomanianOrMoldovan`).
 */
export const ethnicities = ['Moldovan', 'Romanian', 'Ukrainian', 'Gagauz', 'Russian', 'Bulgarian', 'Roma', 'Other', 'Not declared'] as const;

export const motherTongueByEthnicity: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Moldovan: { RomanianOrMoldovan: 0.929620219179685, Ukrainian: 0.004637784083220244, Russian: 0.06465562504533204, Gagauz: 0.0004487305094525658, Bulgarian: 0.00037836263704142756, Romani: 0.00014831382338962966, Other: 0.00011096472187910249 },
  Romanian: { RomanianOrMoldovan: 0.9914034624367558, Ukrainian: 0.0013982320132987546, Russian: 0.006820265042646146, Gagauz: 0.00015535911258875067, Bulgarian: 8.803683046695875e-5, Romani: 5.696500794920858e-5, Other: 7.767955629437534e-5 },
  Ukrainian: { RomanianOrMoldovan: 0.05371388769650593, Ukrainian: 0.5017939725761131, Russian: 0.44139014651450975, Gagauz: 0.0012553758433290773, Bulgarian: 0.0009071102867926235, Romani: 0.0008423166948788647, Other: 9.719038787063825e-5 },
  Russian: { RomanianOrMoldovan: 0.03262188768067071, Ukrainian: 0.0072574812126858295, Russian: 0.952826372117542, Gagauz: 0.005798629414865532, Bulgarian: 0.0010052592220274295, Romani: 0.00014711110566255066, Other: 0.0003432592465459517 },
  Gagauz: { RomanianOrMoldovan: 0.013612587009349565, Ukrainian: 0.000720787511841505, Russian: 0.10292845669096704, Gagauz: 0.8783310680011538, Bulgarian: 0.004273240248774637, Romani: 7.20787511841505e-5, Other: 6.178178672927185e-5 },
  Bulgarian: { RomanianOrMoldovan: 0.058420143432968294, Ukrainian: 0.002355650944877755, Russian: 0.20774223943883147, Gagauz: 0.011516515730513469, Bulgarian: 0.7171386693189556, Romani: 0.002407998743652816, Other: 0.00041878239020048984 },
  Roma: { RomanianOrMoldovan: 0.18251845511928938, Ukrainian: 0.006847116721942867, Russian: 0.034235583609714265, Gagauz: 0.004386434149994648, Bulgarian: 0.008130951107307155, Romani: 0.7631325559002892, Other: 0.000748903391462501 },
  Other: { RomanianOrMoldovan: 0.10722311396468699, Ukrainian: 0.0070626003210272886, Russian: 0.3174959871589081, Gagauz: 0.009630818619582666, Bulgarian: 0.0012841091492776888, Romani: 0.0003210272873194222, Other: 0.556982343499198 },
  // MODELLED: no figure for people who declared no ethnicity; most of the undeclared mother tongues are theirs.
  'Not declared': { RomanianOrMoldovan: 0.45, Russian: 0.2, Other: 0.05, 'Not declared': 0.3 },
};

/**
 * Of those whose mother tongue is "Română" in figure 16, the share who named it Romanian rather than Moldovan,
 * by ethnicity and region: MODELLED from mother tongue by unit (NBS annex 5.13 via third party): Chișinău
 * Romanian 47.7 vs Moldovan 28.7 %, Ștefan Vodă 24.3 vs 70.5, Briceni 11.2 vs 63.8, Rîșcani 15.8 vs 60.0,
 * Ocnița 4.9 vs 57.3, ATU Găgăuzia 0.2 vs 4.5; and the national 765,838 Romanian vs 1,159,857 Moldovan.
 */
export const romanianNameShare: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Moldovan: { 'Chișinău': 0.72, Nord: 0.17, Centru: 0.24, Sud: 0.23, 'UTA Găgăuzia': 0.05 },
  Romanian: { 'Chișinău': 0.95, Nord: 0.88, Centru: 0.9, Sud: 0.9, 'UTA Găgăuzia': 0.8 },
  default: { 'Chișinău': 0.45, Nord: 0.2, Centru: 0.25, Sud: 0.25, 'UTA Găgăuzia': 0.05 },
};

/**
 * Russian as mother tongue among ethnic Moldovans is 6.5 % nationally (figure 16) but much higher in the
 * capital, where 19.7 % of all residents have Russian as mother tongue (annex 5.13). MODELLED split that keeps
 * the national 6.5 %: 12 % in Chișinău, 4.5 % elsewhere.
 */
export const moldovanRussianTongue: Readonly<Record<string, number>> = { 'Chișinău': 0.12, default: 0.045 };

export const religionByEthnicity: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  Moldovan: { Orthodox: 0.9708297860858325, Baptist: 0.0097265251145122, "Jehovah's Witness": 0.007403789286339643, Pentecostal: 0.0051333673281708965, Adventist: 0.00254796080534723, 'Christian by Gospel': 0.002236280274587226, 'Old Believer': 0.00025661329917696303, Muslim: 0.00041135221992530396, Catholic: 0.00042566970013689404, 'Other religion': 0.0010286558859711745 },
  Romanian: { Orthodox: 0.9739546468124507, Baptist: 0.01046816708620955, "Jehovah's Witness": 0.004225584477097284, Pentecostal: 0.003134596041574687, Adventist: 0.0027141663517879304, 'Christian by Gospel': 0.002400174558149718, 'Old Believer': 3.7253263651991167e-5, Muslim: 0.00039914211055704833, Catholic: 0.0010484132770631795, 'Other religion': 0.0016178560214579012 },
  Ukrainian: { Orthodox: 0.9300933381674679, Baptist: 0.027622026795727325, "Jehovah's Witness": 0.008507516800027136, Pentecostal: 0.01238606757109996, Adventist: 0.006922369963153887, 'Christian by Gospel': 0.006214112865827549, 'Old Believer': 0.0013406295056534337, Muslim: 0.0007841417863255927, Catholic: 0.003650896704075072, 'Other religion': 0.002478899840642196 },
  Russian: { Orthodox: 0.9206163655685451, Baptist: 0.009511158342189064, "Jehovah's Witness": 0.007465462274176328, Pentecostal: 0.004317215727948941, Adventist: 0.002098831030818255, 'Christian by Gospel': 0.0037194473963867787, 'Old Believer': 0.04501859723698134, Muslim: 0.001288522848033992, Catholic: 0.002577045696067984, 'Other religion': 0.003387353878852244 },
  Gagauz: { Orthodox: 0.9614662046507744, Baptist: 0.018285809710683405, "Jehovah's Witness": 0.0021709180478436986, Pentecostal: 0.004707134805661093, Adventist: 0.00750427921345972, 'Christian by Gospel': 0.004268776353692655, 'Old Believer': 7.305974199473981e-5, Muslim: 0.0006471005719534099, Catholic: 4.174842399699418e-5, 'Other religion': 0.0008349684799398837 },
  Bulgarian: { Orthodox: 0.970976888508453, Baptist: 0.013989942221271007, "Jehovah's Witness": 0.004012411726941974, Pentecostal: 0.00205970468649688, Adventist: 0.0017387117483415218, 'Christian by Gospel': 0.005028889364433938, 'Old Believer': 0.00013374705756473247, Muslim: 0.0003477423496683044, Catholic: 0.0003744917611812509, 'Other religion': 0.0013374705756473257 },
  Roma: { Orthodox: 0.9161325366648561, Baptist: 0.012384573601303654, "Jehovah's Witness": 0.024877783813145034, Pentecostal: 0.03041825095057038, Adventist: 0.0016295491580662698, 'Christian by Gospel': 0.01042911461162412, 'Old Believer': 0.0001086366105377513, Muslim: 0.0006518196632265079, Catholic: 0.001520912547528518, 'Other religion': 0.0018468223791417724 },
  Other: { Orthodox: 0.4328032429061426, Baptist: 0.0215154349859682, "Jehovah's Witness": 0.0049890863735578455, Pentecostal: 0.011225444340505148, Adventist: 0.0031181789834736524, 'Christian by Gospel': 0.016838166510757722, 'Old Believer': 0.00031181789834736523, Muslim: 0.19675709385718743, Catholic: 0.0732772061116309, 'Other religion': 0.23916432803242912 },
  'Not declared': { Orthodox: 1 },
};

/**
 * Figure 17 covers declared religions only. The share of each group with no religion, atheist, agnostic,
 * freethinker or undeclared religion (2.28 % nationally, annex 5.29) is MODELLED by group; it is split between
 * those five answers in their national proportions (20,051 : 14,211 : 2,117 : 440 : 18,103).
 */
export const nonReligiousShare: Readonly<Record<string, number>> = {
  Moldovan: 0.018, Romanian: 0.03, Ukrainian: 0.035, Gagauz: 0.015, Russian: 0.06, Bulgarian: 0.02, Roma: 0.02, Other: 0.12, 'Not declared': 0.6,
};
export const nonReligiousSplit: Readonly<Record<string, number>> = {
  'No religion': 20051, Atheist: 14211, Agnostic: 2117, Freethinker: 440, 'Not declared': 18103,
};

/**
 * Urban/rural contrast of each group within a unit: MODELLED. Published (NBS final via third-party extraction,
 * flag 3P): Russians are 5.9 % of urban and 1.21 % of rural residents, Moldovans 70.45 % and 82.19 %, Other
 * 1.04 % and 0.17 % … Most of that contrast comes from where groups live (Chișinău and Bălți are urban);
 * these multipliers are the residual the district table leaves (measured: model urban/rural ratio against the
 * published one). Applied as √m in towns and 1/√m in villages of every unit, except to a minority group that is
 * the majority of its unit (Bulgarians in Taraclia, Gagauz in ATU Găgăuzia).
 */
export const ethnicityUrbanResidual: Readonly<Record<string, number>> = {
  Moldovan: 0.95, Romanian: 1.05, Ukrainian: 1.09, Gagauz: 0.94, Russian: 2.0, Bulgarian: 1.55, Roma: 2.5, Other: 2.7, 'Not declared': 1,
};
