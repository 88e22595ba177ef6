/**
 * A zod schema compiled to a plain predicate, for checks on every record of a stream: zod's safeParse of a
 * persona costs ~20 µs (it copies the object); the predicate ~1 µs. The predicate is compiled from the
 * schema's own JSON Schema (`z.toJSONSchema`), so zod stays the one source of truth; a keyword this compiler
 * does not know is an error when it compiles (never silently accepted), and a record the predicate refuses is
 * handed to zod, which decides and words the problems: the predicate may be stricter than zod, never looser.
 * tests/streams/record-schema.test.ts checks that both agree.
 */
import { z } from 'zod';
import { InternalError } from '../errors.js';

type Predicate = (value: unknown) => boolean;
type JsonSchema = { [key: string]: unknown };

const TYPES: Record<string, Predicate> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => typeof v === 'number' && Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

/** Keywords that say nothing about what a value may be. */
const IGNORED = new Set(['$schema', 'description', 'title']);

// Indexed loops, not for-of: this runs for every field of every record.
function all(preds: Predicate[]): Predicate {
  if (preds.length === 1) return preds[0];
  return (v) => {
    for (let i = 0; i < preds.length; i++) if (!preds[i](v)) return false;
    return true;
  };
}

function typeOf(type: unknown): Predicate {
  const names = Array.isArray(type) ? type : [type];
  const preds = names.map((n) => TYPES[String(n)] ?? unknownKeyword(`type ${String(n)}`));
  return preds.length === 1 ? preds[0] : (v) => preds.some((p) => p(v));
}

function propertiesOf(properties: Record<string, JsonSchema>, required: readonly string[]): Predicate {
  const keys = Object.keys(properties);
  const preds = keys.map((k) => compile(properties[k]));
  // One function reading each field by name (`o["sex"]`): V8 caches the lookups by the records' shape, which a
  // loop over the names (one keyed lookup site for every field) cannot. The names go in as JSON string literals.
  const body = keys.map((k, i) => `x = o[${JSON.stringify(k)}]; if (x === undefined ? ${required.includes(k)} : !p[${i}](x)) return false;`);
  return new Function('p', `return function (o) { let x; ${body.join(' ')} return true; };`)(preds) as Predicate;
}

function unknownKeyword(what: string): never {
  throw new InternalError(`schema-predicate: cannot compile ${what}`);
}

/** The predicate of one JSON Schema (the subset zod's objects, strings, numbers, enums and literals export). */
function compile(s: JsonSchema): Predicate {
  const preds: Predicate[] = [];
  for (const [key, value] of Object.entries(s)) {
    if (IGNORED.has(key) || key === 'required') continue;
    if (key === 'type') preds.unshift(typeOf(value));
    else if (key === 'enum') {
      const allowed = new Set(value as unknown[]);
      preds.push((v) => allowed.has(v));
    } else if (key === 'const') preds.push((v) => v === value);
    else if (key === 'minLength') preds.push((v) => (v as string).length >= (value as number));
    else if (key === 'maxLength') preds.push((v) => (v as string).length <= (value as number));
    else if (key === 'minimum') preds.push((v) => (v as number) >= (value as number));
    else if (key === 'maximum') preds.push((v) => (v as number) <= (value as number));
    else if (key === 'properties') preds.push(propertiesOf(value as Record<string, JsonSchema>, (s.required as string[] | undefined) ?? []));
    else if (key === 'additionalProperties') {
      // `{}`: any extra field. `false`: none (a stricter predicate only costs a zod parse; a looser one would let through what zod refuses).
      if (value === false) {
        const known = new Set(Object.keys((s.properties as object | undefined) ?? {}));
        preds.push((v) => Object.keys(v as object).every((k) => known.has(k)));
      } else if (typeof value !== 'object' || value === null || Object.keys(value).length) unknownKeyword('additionalProperties other than {} or false');
    } else if (key === 'anyOf') {
      const options = (value as JsonSchema[]).map(compile);
      preds.push((v) => options.some((p) => p(v)));
    } else unknownKeyword(`keyword "${key}"`);
  }
  // No type: the keywords above cannot assume one (e.g. a const of any type); `{}` accepts everything.
  return preds.length ? all(preds) : () => true;
}

/**
 * The predicate of a zod schema, from its input-side JSON Schema. A refinement (`.refine`) has no JSON Schema
 * and zod would leave it out: it is refused here, as are types JSON Schema cannot say, so every rule of the
 * schema is in the predicate.
 */
export function predicateOf(schema: z.ZodType): Predicate {
  const override = ({ zodSchema }: { zodSchema: unknown }) => {
    const checks = (zodSchema as { _zod: { def: { checks?: Array<{ _zod: { def: { check: string } } }> } } })._zod.def.checks ?? [];
    if (checks.some((c) => c._zod.def.check === 'custom')) unknownKeyword('a refinement');
  };
  return compile(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw', override }) as JsonSchema);
}
