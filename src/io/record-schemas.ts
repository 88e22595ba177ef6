/**
 * What each stage needs of an input record, as zod schemas (the source of truth), and the check a source runs
 * with them. The census persona's schema is the generator's record format (generator/record-format.ts: the
 * model's outputOrder, every attribute taking one of the census's values); the Persona Hub record's is
 * HUB_COLUMNS. Records may carry more fields than a schema names (narratives, a user's own columns).
 */
import { z } from 'zod';
import type { Model } from '../census/compile.js';
import { TRAITS, traitLabel } from '../generator/big-five.js';
import { HUB_COLUMNS } from '../hub/records.js';
import { predicateOf } from './schema-predicate.js';
import type { Column } from '../writers/columns.js';

export type RecordSchema = z.ZodType<Record<string, unknown>>;

/** Big Five T-scores are clipped to 20–80 (big-five.ts); the labels are its bands. */
const T_SCORES = { min: 20, max: 80 } as const;
const LABELS = [...new Set(Array.from({ length: T_SCORES.max - T_SCORES.min + 1 }, (_, i) => traitLabel(T_SCORES.min + i)))] as [string, ...string[]];

const id = z.string().min(1, 'expected a non-empty string');

const bigFive = z.object(Object.fromEntries(TRAITS.map((t) => [t, z.object({ t_score: z.int().min(T_SCORES.min).max(T_SCORES.max), label: z.enum(LABELS) })])));

/** An integer attribute: the census's values, as a range when they are one (ages 0–100), else the list. */
function integerOf(numbers: readonly number[]): z.ZodType {
  const sorted = [...numbers].sort((a, b) => a - b);
  const [lo, hi] = [sorted[0], sorted[sorted.length - 1]];
  // A literal set, not a refinement: the compiled check (schema-predicate.ts) is made from the JSON Schema.
  return hi - lo + 1 === sorted.length ? z.int().min(lo).max(hi) : z.literal(sorted);
}

/** One field of the census persona record, by what the model says the key is. */
function personaField(model: Model, key: string): z.ZodType {
  if (key === 'id') return id;
  if (key === 'big_five') return bigFive;
  const attr = model.byName.get(key);
  if (attr) return attr.numeric ? integerOf(Array.from(attr.numbers)) : z.enum(attr.values as [string, ...string[]]);
  if (model.derived.some((d) => d.name === key)) return z.string();
  if (key in model.constants) return z.literal(model.constants[key]);
  return z.unknown();
}

/** The census persona record the generator writes for this model: what `narrate` needs (its prompts and templates use these facts). */
export function personaSchema(model: Model): RecordSchema {
  return z.looseObject(Object.fromEntries(model.outputOrder.map((key) => [key, personaField(model, key)])));
}

function hubField(c: Column): z.ZodType {
  const base = c.name === 'id' ? id : c.name === 'synth_method' ? z.enum(['text_to_persona', 'persona_to_persona']) : c.type === 'int32' ? z.int() : c.type === 'float64' ? z.number() : z.string();
  return c.nullable ? base.nullable() : base;
}

/** A Persona Hub record (text-to-persona and persona-to-persona output), from HUB_COLUMNS. */
export const hubSchema: RecordSchema = z.looseObject(Object.fromEntries(HUB_COLUMNS.map((c) => [c.name, hubField(c)])));

/** Any other record `write` takes: an id is all it needs (every dataset is keyed by it: validate's id gates). */
const keyedSchema: RecordSchema = z.looseObject({ id });

/**
 * What `write` needs, by what a record says it is: one with `synth_method` is a Persona Hub record, one with a
 * field of the census a census persona (all of it, e.g. `sex` missing or `"age": -4` fail), any other record
 * needs an id.
 */
export function writeSchemaOf(model: Model): (record: Record<string, unknown>) => RecordSchema {
  const persona = personaSchema(model);
  const censusKeys = model.attributes.filter((a) => !a.hidden).map((a) => a.name);
  return (record) => ('synth_method' in record ? hubSchema : censusKeys.some((k) => k in record) ? persona : keyedSchema);
}

const PREDICATES = new WeakMap<RecordSchema, (value: unknown) => boolean>();

/**
 * A record's problems, one line (`field: what is wrong`), or null when it fits. The schema's compiled predicate
 * decides (schema-predicate.ts: zod's safeParse is ~20× slower per record); zod words the problems.
 */
export function recordIssues(schema: RecordSchema, record: Record<string, unknown>): string | null {
  let fits = PREDICATES.get(schema);
  if (!fits) PREDICATES.set(schema, (fits = predicateOf(schema)));
  if (fits(record)) return null;
  const parsed = schema.safeParse(record);
  if (parsed.success) return null;
  return parsed.error.issues
    .map((i) => {
      const path = i.path.map(String).join('.') || '(record)';
      const value = valueAt(record, i.path);
      return `${path}: ${value === undefined ? 'missing' : `${i.message}, received ${shown(value)}`}`;
    })
    .join('; ');
}

/** A value as the message shows it: its JSON when short, else what it is (a record's text is not repeated whole). */
function shown(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.length <= 60) return json;
  return typeof value === 'string' ? `a string of ${value.length} characters` : Array.isArray(value) ? `a list of ${value.length}` : 'an object';
}

function valueAt(record: unknown, path: readonly PropertyKey[]): unknown {
  let at = record;
  for (const k of path) at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[k] : undefined;
  return at;
}
