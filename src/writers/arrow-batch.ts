import { Bool, type Data, type DataType, Field, Float64, Int32, Int64, List, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8 } from 'apache-arrow';
import { badValue, type Column } from './columns.js';

/**
 * Records → one Arrow record batch of a fixed schema, column by column into typed arrays (no per-value builder
 * objects: vectorFromArray costs ~3× more here). The same Schema object is used for every batch (a different one
 * resets apache-arrow's writers: PITFALLS). List elements are named `element` and required, so Parquet gets the
 * standard 3-level LIST `group x (LIST) { repeated group list { required binary element (STRING) } }`.
 */
export function arrowType(c: Column): DataType {
  switch (c.type) {
    case 'int64':
      return new Int64();
    case 'int32':
      return new Int32();
    case 'float64':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'list_utf8':
      return new List(new Field('element', new Utf8(), false));
    case 'struct':
      return new Struct(c.fields.map(arrowField));
    default:
      return new Utf8();
  }
}

export function arrowField(c: Column): Field {
  return new Field(c.name, arrowType(c), c.nullable);
}

export function arrowSchema(columns: readonly Column[], metadata: ReadonlyMap<string, string> = new Map()): Schema {
  return new Schema(columns.map(arrowField), new Map(metadata));
}


const encoder = new TextEncoder();

/**
 * A UTF-8 column: strings encoded straight into one buffer sized for the worst case (3 bytes per UTF-16 unit),
 * one pass (encodeInto; Buffer.byteLength + write is two passes and ~2× slower here), then trimmed.
 */
function utf8Data(type: Utf8, values: readonly unknown[], valid: Uint8Array | null, path: string): Data<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let units = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'string') units += v.length;
    else if (v !== null && v !== undefined) throw badValue(path, v, 'a string');
  }
  const data = new Uint8Array(units * 3);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v === 'string' && v.length) at += encoder.encodeInto(v, data.subarray(at)).written;
    offsets[i + 1] = at;
  }
  return makeData({ type, length: n, nullCount: valid ? n - popcount(valid, n) : 0, nullBitmap: valid, valueOffsets: offsets, data: data.subarray(0, at) });
}

function popcount(bits: Uint8Array, n: number): number {
  let c = 0;
  for (let i = 0; i < n; i++) c += (bits[i >> 3] >> (i & 7)) & 1;
  return c;
}

/** Validity bitmap of a column, or null when every value is present; a missing value in a required column throws. */
function validity(c: Column, values: readonly unknown[], path: string): Uint8Array | null {
  let bits: Uint8Array | null = null;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== null && values[i] !== undefined) continue;
    if (!c.nullable) throw badValue(path, values[i], `a ${c.type} (the column is not nullable)`);
    if (!bits) bits = new Uint8Array((values.length + 7) >> 3).fill(0xff);
    bits[i >> 3] &= ~(1 << (i & 7));
  }
  return bits;
}

/** A numeric column's values as numbers (0 where null), each checked to be what the column holds. */
function numbers(values: readonly unknown[], path: string, fits: (v: number) => boolean, expected: string): Float64Array {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || !fits(v)) throw badValue(path, v, expected);
    out[i] = v;
  }
  return out;
}

function columnData(c: Column, values: readonly unknown[], path: string): Data {
  const n = values.length;
  const valid = validity(c, values, path);
  const nullCount = valid ? n - popcount(valid, n) : 0;
  switch (c.type) {
    case 'int64': {
      const nums = numbers(values, path, Number.isSafeInteger, 'an integer');
      const out = new BigInt64Array(n);
      for (let i = 0; i < n; i++) out[i] = BigInt(nums[i]);
      return makeData({ type: new Int64(), length: n, nullCount, nullBitmap: valid, data: out });
    }
    case 'int32': {
      const out = Int32Array.from(numbers(values, path, (v) => Number.isInteger(v) && Math.abs(v) < 2 ** 31, 'a 32-bit integer'));
      return makeData({ type: new Int32(), length: n, nullCount, nullBitmap: valid, data: out });
    }
    case 'float64':
      return makeData({ type: new Float64(), length: n, nullCount, nullBitmap: valid, data: numbers(values, path, () => true, 'a number') });
    case 'bool': {
      const out = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v === null || v === undefined) continue;
        if (typeof v !== 'boolean') throw badValue(path, v, 'a boolean');
        if (v) out[i >> 3] |= 1 << (i & 7);
      }
      return makeData({ type: new Bool(), length: n, nullCount, nullBitmap: valid, data: out });
    }
    case 'list_utf8': {
      const offsets = new Int32Array(n + 1);
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v !== null && v !== undefined) {
          if (!Array.isArray(v)) throw badValue(path, v, 'a list of strings');
          for (const x of v) items.push(x);
        }
        offsets[i + 1] = items.length;
      }
      const type = arrowType(c) as List<Utf8>;
      const child = utf8Data(new Utf8(), items, null, `${path}[]`);
      return makeData({ type, length: n, nullCount, nullBitmap: valid, valueOffsets: offsets, child });
    }
    case 'struct': {
      const children = c.fields.map((f) =>
        columnData(
          f,
          values.map((v) => {
            if (v === null || v === undefined) return null;
            if (typeof v !== 'object' || Array.isArray(v)) throw badValue(path, v, 'an object');
            return (v as Record<string, unknown>)[f.name];
          }),
          `${path}.${f.name}`,
        ),
      );
      return makeData({ type: arrowType(c) as Struct, length: n, nullCount, nullBitmap: valid, children });
    }
    default:
      return utf8Data(new Utf8(), values, valid, path);
  }
}

/** One record batch of `rows` laid out by `columns`, against `schema` (built once by arrowSchema). */
export function toRecordBatch(schema: Schema, columns: readonly Column[], rows: readonly Readonly<Record<string, unknown>>[]): RecordBatch {
  const children = columns.map((c) => columnData(c, rows.map((r) => r[c.name]), c.name));
  const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/** One batch as a whole Arrow IPC stream (schema message, the batch, end-of-stream marker). */
export function ipcStream(schema: Schema, batch: RecordBatch | null): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  if (batch) writer.write(batch);
  return writer.finish().toUint8Array(true);
}
