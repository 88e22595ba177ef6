import bulgarianFirst from './first-names-bulgarian.js';
import gagauzFirst from './first-names-gagauz.js';
import moldovanFirst from './first-names-moldovan.js';
import otherFirst from './first-names-other.js';
import romaFirst from './first-names-roma.js';
import russianFirst from './first-names-russian.js';
import ukrainianFirst from './first-names-ukrainian.js';
import bulgarianSurnames from './surnames-bulgarian.js';
import gagauzSurnames from './surnames-gagauz.js';
import moldovanSurnames from './surnames-moldovan.js';
import otherSurnames from './surnames-other.js';
import romaSurnames from './surnames-roma.js';
import russianSurnames from './surnames-russian.js';
import ukrainianSurnames from './surnames-ukrainian.js';
import type { FirstNameTable, SurnameTable } from './types.js';

/**
 * Which name tables each census ethnicity draws from. Ethnic Romanians of Moldova and people who declared no
 * ethnicity (most of whom have Romanian/Moldovan as mother tongue, NBS figure 16) carry the Moldovan names.
 */
export const namesByEthnicity: Readonly<Record<string, { first: FirstNameTable; surnames: SurnameTable }>> = {
  Moldovan: { first: moldovanFirst, surnames: moldovanSurnames },
  Romanian: { first: moldovanFirst, surnames: moldovanSurnames },
  Ukrainian: { first: ukrainianFirst, surnames: ukrainianSurnames },
  Gagauz: { first: gagauzFirst, surnames: gagauzSurnames },
  Russian: { first: russianFirst, surnames: russianSurnames },
  Bulgarian: { first: bulgarianFirst, surnames: bulgarianSurnames },
  Roma: { first: romaFirst, surnames: romaSurnames },
  Other: { first: otherFirst, surnames: otherSurnames },
  'Not declared': { first: moldovanFirst, surnames: moldovanSurnames },
};
