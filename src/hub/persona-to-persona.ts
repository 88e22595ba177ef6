import { InputError } from '../errors.js';
import { askJson } from '../llm/ask-json.js';
import { personaToPersonaMessages } from '../prompts/persona-to-persona.js';
import { type Indexed, positionOf } from '../run-state/record-index.js';
import { type Rng, Stream, rngFor, uniform } from '../generator/rng.js';
import type { LlmWork } from '../streams/llm-map.js';
import { type HubContext, hubRecord } from './context.js';
import { describePersona } from './describe-persona.js';
import { type HubRecord, hubId } from './records.js';

export interface PersonaToPersonaOptions {
  relations: readonly string[];
  /** Related personas per persona (K ≤ relations.length; relations are drawn without replacement). */
  perPersona: number;
  /** Levels: 1 = the input's relations; 2 = their relations too; … (K + K² + … + K^D records per input). */
  depth: number;
  /** inherit: a child keeps its parent's domain (when the parent has one); infer: the model's label is used. */
  domainFrom: 'inherit' | 'infer';
}

/** K distinct relations, drawn with a partial Fisher–Yates shuffle from the record's own random stream. */
function pickRelations(rng: Rng, relations: readonly string[], k: number): string[] {
  const pool = [...relations];
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(uniform(rng) * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, k);
}

interface Parent {
  id: string;
  persona: string;
  domain: string | null;
  depth: number;
}

/**
 * Persona-to-persona: each input persona yields K related personas per level, D levels deep, breadth first.
 * Requests of one input run one after another, so requests in flight never exceed the stage's concurrency.
 * Ids are named by (input position, parent id, relation): a rerun reproduces them.
 */
export function personaToPersonaWork(ctx: HubContext, options: PersonaToPersonaOptions): LlmWork {
  return async (input: Indexed, _index, tally) => {
    // Named by the place in the whole input, so a shard (every n-th persona) makes a one-process run's records.
    const index = positionOf(input);
    const text = describePersona(input);
    if (!text) throw new InputError(`input record ${index + 1}: no persona text (a "persona" or "persona_summary" field, or structured facts)`);
    const rootId = typeof input.id === 'string' || typeof input.id === 'number' ? String(input.id) : hubId(ctx.seed, `input\0${index}`);
    const rootDomain = typeof input.domain === 'string' && input.domain.trim() !== '' ? ctx.normaliser.bucket(input.domain) : null;
    const pick = rngFor(ctx.seed, Stream.relation, index);
    const retry = rngFor(ctx.seed, Stream.retry, index);
    const out: HubRecord[] = [];
    let level: Parent[] = [{ id: rootId, persona: text, domain: rootDomain, depth: 0 }];
    for (let depth = 1; depth <= options.depth; depth++) {
      const next: Parent[] = [];
      for (const parent of level) {
        for (const relation of pickRelations(pick, options.relations, options.perPersona)) {
          const answer = await askJson(ctx.client, ctx.settings, personaToPersonaMessages(parent.persona, relation, ctx.language), ctx.format, retry, tally);
          const inherited = options.domainFrom === 'inherit' && parent.domain !== null ? parent.domain : undefined;
          const record = hubRecord(ctx, answer, {
            id: hubId(ctx.seed, `p2p\0${index}\0${parent.id}\0${relation}`),
            synth_method: 'persona_to_persona',
            source_id: rootId,
            parent_id: parent.id,
            relation,
            depth,
            domain: inherited,
          });
          out.push(record);
          next.push({ id: record.id, persona: record.persona, domain: record.domain, depth });
        }
      }
      level = next;
    }
    return out;
  };
}
