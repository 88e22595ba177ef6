/**
 * The fixed column layout of the columnar outputs (Arrow, Parquet), derived from the first record: nested
 * objects are flattened with "_" (big_five.openness.t_score → big_five_openness_t_score), arrays of strings
 * become lists, whole numbers int32, other numbers double, everything else UTF-8. Every later record is laid
 * out by the same columns (a missing value is null).
 */
export type ColumnType = 'int32' | 'double' | 'bool' | 'utf8' | 'list_utf8';

export interface Column {
  name: string;
  path: readonly string[];
  type: ColumnType;
}

function typeOf(value: unknown): ColumnType {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 'int32' : 'double';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'list_utf8';
  return 'utf8';
}

export function columnsOf(record: Readonly<Record<string, unknown>>): Column[] {
  const out: Column[] = [];
  const walk = (obj: Readonly<Record<string, unknown>>, path: string[]) => {
    for (const [k, v] of Object.entries(obj)) {
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, [...path, k]);
      else out.push({ name: [...path, k].join('_'), path: [...path, k], type: typeOf(v) });
    }
  };
  walk(record, []);
  return out;
}

export function valueAt(record: Readonly<Record<string, unknown>>, path: readonly string[]): unknown {
  let v: unknown = record;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}
