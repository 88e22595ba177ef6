import { createHash } from 'node:crypto';
import type { Column } from '../writers/columns.js';

export type SynthMethod = 'text_to_persona' | 'persona_to_persona';

/**
 * A Persona Hub record. Both modes write the same compact schema, so their outputs can share a dataset
 * directory and be read as one table: `id`, `persona`, `domain`, `synth_method`, `confidence_score`, and the
 * provenance (`source_id` the corpus text or input persona it descends from, `parent_id` and `relation` for
 * persona-to-persona, `depth` the number of relation steps, `domain_raw` the model's label before
 * normalisation, `model`).
 */
export interface HubRecord {
  id: string;
  persona: string;
  domain: string;
  synth_method: SynthMethod;
  confidence_score: number;
  source_id: string;
  parent_id: string | null;
  relation: string | null;
  depth: number;
  domain_raw: string;
  model: string;
  [key: string]: unknown;
}

/** The fixed columnar layout (types cannot be inferred from a first record: a score of 1 would become int32). */
export const HUB_COLUMNS: readonly Column[] = [
  { name: 'id', path: ['id'], type: 'utf8' },
  { name: 'persona', path: ['persona'], type: 'utf8' },
  { name: 'domain', path: ['domain'], type: 'utf8' },
  { name: 'synth_method', path: ['synth_method'], type: 'utf8' },
  { name: 'confidence_score', path: ['confidence_score'], type: 'double' },
  { name: 'source_id', path: ['source_id'], type: 'utf8' },
  { name: 'parent_id', path: ['parent_id'], type: 'utf8' },
  { name: 'relation', path: ['relation'], type: 'utf8' },
  { name: 'depth', path: ['depth'], type: 'int32' },
  { name: 'domain_raw', path: ['domain_raw'], type: 'utf8' },
  { name: 'model', path: ['model'], type: 'utf8' },
];

/**
 * A version-8 UUID named by (seed, key): the key says where the record comes from (input position, parent and
 * relation), so a rerun or a resume gives every record the same id. SHA-256 is used as a hash, not for secrecy.
 */
export function hubId(seed: number, key: string): string {
  const h = createHash('sha256').update(`gen-stream\0${seed}\0${key}`).digest();
  h[6] = (h[6] & 0x0f) | 0x80;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.toString('hex', 0, 16);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
