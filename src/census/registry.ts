import { moldova2024 } from './moldova-2024/index.js';
import type { CensusSpecInput } from './schema.js';

/** Built-in censuses a config can name (`"census": "moldova-2024"`). */
export const builtInCensuses: Readonly<Record<string, CensusSpecInput>> = {
  'moldova-2024': moldova2024,
};
