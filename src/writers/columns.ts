import { InputError } from '../errors.js';
import { HUB_COLUMNS } from '../hub/records.js';

/**
 * The one schema of the columnar outputs (Arrow, Parquet) and of CSV's header: top-level fields with a type and a
 * nullability, declared once (the Persona Hub schema, src/hub/records.ts) or inferred from the first record
 * (census personas, `write` of arbitrary JSONL):
 * - whole numbers → int64 (what JSON readers infer: pandas, polars, DuckDB, HF datasets), other numbers → float64;
 * - booleans → bool; strings → utf8; arrays → a list of utf8 (standard 3-level LIST in Parquet);
 * - objects → a struct of their fields, recursively (`big_five` → struct<openness: struct<t_score, label>, …>):
 *   every reader maps a struct to its native nested type, so the record keeps the shape it has in JSONL;
 * - a field is nullable only when the first record has it null: our records always carry every field, so a
 *   later record missing a required field is an input error (E_INPUT), never a silent null.
 */
/** `int32` only in declared schemas (never inferred): the Persona Hub `depth`, kept as tests/hub.test.ts expects. */
export type ScalarType = 'utf8' | 'int64' | 'int32' | 'float64' | 'bool' | 'list_utf8';

export type Column =
  | { name: string; type: ScalarType; nullable: boolean; doc?: string }
  | { name: string; type: 'struct'; nullable: boolean; fields: readonly Column[]; doc?: string };

function inferField(name: string, v: unknown): Column {
  if (v === null || v === undefined) return { name, type: 'utf8', nullable: true };
  if (typeof v === 'number') return { name, type: Number.isInteger(v) ? 'int64' : 'float64', nullable: false };
  if (typeof v === 'boolean') return { name, type: 'bool', nullable: false };
  if (Array.isArray(v)) return { name, type: 'list_utf8', nullable: false };
  if (typeof v === 'object') return { name, type: 'struct', nullable: false, fields: Object.entries(v as Record<string, unknown>).map(([k, x]) => inferField(k, x)) };
  return { name, type: 'utf8', nullable: false };
}

const HUB_BY_NAME: ReadonlyMap<string, Column> = new Map(HUB_COLUMNS.map((c) => [c.name, c]));

/**
 * The schema inferred from a first record (see above). A Persona Hub record (it has `synth_method`) takes the
 * declared types of its Hub fields, whatever the first record holds: a first `parent_id` that is set must not
 * make the column required (persona-to-persona parts read before text-to-persona ones), nor a score of 1 an
 * integer. Its other fields, and the key order, are the record's.
 */
export function inferSchema(record: Readonly<Record<string, unknown>>): Column[] {
  const hub = 'synth_method' in record;
  return Object.entries(record).map(([k, v]) => (hub && HUB_BY_NAME.get(k)) || inferField(k, v));
}

/** A value that does not fit its column: named by column path, with what was received and expected. */
export function badValue(path: string, value: unknown, expected: string): InputError {
  const got = value === undefined ? 'no value' : JSON.stringify(value)?.slice(0, 60);
  return new InputError(`column ${path}: expected ${expected}, received ${got} (the columnar schema is fixed by the first record or the declared schema)`);
}

/** Hugging Face `datasets` feature of a column (for cards). */
export function hfFeature(c: Column): unknown {
  if (c.type === 'struct') return Object.fromEntries(c.fields.map((f) => [f.name, hfFeature(f)]));
  if (c.type === 'list_utf8') return { sequence: 'string' };
  return { dtype: { utf8: 'string', int64: 'int64', int32: 'int32', float64: 'float64', bool: 'bool' }[c.type] };
}

/**
 * Legacy flattened layout (nested objects joined with "_"), kept for `card`'s feature list only
 * (src/validate/card.ts, outside the writers). Writers use the schema above.
 */
export type FlatColumnType = 'int32' | 'double' | 'bool' | 'utf8' | 'list_utf8';
export interface FlatColumn {
  name: string;
  path: readonly string[];
  type: FlatColumnType;
}

export function columnsOf(record: Readonly<Record<string, unknown>>): FlatColumn[] {
  const out: FlatColumn[] = [];
  const typeOf = (value: unknown): FlatColumnType => {
    if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 'int32' : 'double';
    if (typeof value === 'boolean') return 'bool';
    if (Array.isArray(value)) return 'list_utf8';
    return 'utf8';
  };
  const walk = (obj: Readonly<Record<string, unknown>>, path: string[]) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, [...path, k]);
      else out.push({ name: [...path, k].join('_'), path: [...path, k], type: typeOf(v) });
    }
  };
  walk(record, []);
  return out;
}
