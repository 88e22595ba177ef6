import { createHash } from 'node:crypto';
import type { Column } from '../writers/columns.js';

export type SynthMethod = 'text_to_persona' | 'persona_to_persona';

/**
 * The Persona Hub compact schema, declared once: the columnar layout of both modes (so their outputs share a
 * dataset directory and read as one table) and, by `HubRecord` below, the record type. Types are fixed, not
 * inferred from a first record (a score of 1 would become an integer).
 */
export const HUB_COLUMNS = [
  { name: 'id', type: 'utf8', nullable: false, doc: 'UUID v8 named by (seed, input position, source or parent id, relation)' },
  { name: 'persona', type: 'utf8', nullable: false, doc: 'one paragraph' },
  { name: 'domain', type: 'utf8', nullable: false, doc: "the bucket: the model's label normalised and mapped through synonyms" },
  { name: 'synth_method', type: 'utf8', nullable: false, doc: 'text_to_persona or persona_to_persona' },
  { name: 'confidence_score', type: 'float64', nullable: false, doc: "the model's 0–1 score" },
  { name: 'source_id', type: 'utf8', nullable: false, doc: "the corpus text's id, or for related personas the input persona's id" },
  { name: 'parent_id', type: 'utf8', nullable: true, doc: 'persona-to-persona: the persona this one relates to' },
  { name: 'relation', type: 'utf8', nullable: true, doc: 'persona-to-persona: how it relates' },
  { name: 'depth', type: 'int32', nullable: false, doc: '0 for text-to-persona; 1 … D relation steps' },
  { name: 'domain_raw', type: 'utf8', nullable: false, doc: 'the label before normalisation' },
  { name: 'model', type: 'utf8', nullable: false, doc: 'the model that wrote it' },
] as const satisfies readonly Column[];

type TsOf<T> = T extends 'utf8' ? string : T extends 'int64' | 'int32' | 'float64' ? number : T extends 'bool' ? boolean : never;
type HubColumn = (typeof HUB_COLUMNS)[number];

/** A Persona Hub record: exactly the columns above (`synth_method` narrowed to its two values). */
export type HubRecord = { [C in HubColumn as C['name']]: C['nullable'] extends true ? TsOf<C['type']> | null : TsOf<C['type']> } & {
  synth_method: SynthMethod;
  [key: string]: unknown;
};

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
