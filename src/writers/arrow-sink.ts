import { Bool, Field, Float64, Int32, List, makeData, RecordBatch, RecordBatchStreamWriter, Schema, Struct, Utf8, vectorFromArray } from 'apache-arrow';
import type { DataType } from 'apache-arrow';
import type { Indexed } from '../run-state/record-index.js';
import { type Column, type ColumnType, columnsOf, valueAt } from './columns.js';
import { FileAppender } from './file-appender.js';
import type { RecordSink, SinkPosition } from './sink.js';

const EOS_BYTES = 8; // IPC end-of-stream marker: continuation 0xFFFFFFFF + length 0

function arrowType(t: ColumnType): DataType {
  switch (t) {
    case 'int32':
      return new Int32();
    case 'double':
      return new Float64();
    case 'bool':
      return new Bool();
    case 'list_utf8':
      return new List(new Field('item', new Utf8(), true));
    default:
      return new Utf8();
  }
}

/** One IPC-encoded batch with the stream's schema prefix and end marker cut off. */
function encode(schema: Schema, batch: RecordBatch | null): Uint8Array {
  const writer = new RecordBatchStreamWriter();
  writer.reset(undefined, schema);
  if (batch) writer.write(batch);
  return writer.finish().toUint8Array(true);
}

/**
 * Arrow IPC stream (`.arrows`): one fixed schema (columns.ts), record batches of `batchSize` rows. Each batch is
 * encoded against the same Schema object (a different one makes the writer reset: PITFALLS) and appended
 * without the schema message, which is written once at the start — so a file cut back to a checkpointed
 * length can simply be continued. The end-of-stream marker is written at close.
 */
/** `fixed`: the column layout to use instead of the one inferred from the first record. */
export async function openArrowSink(path: string, resume: SinkPosition | null, batchSize: number, fixed: readonly Column[] | null = null): Promise<RecordSink> {
  const file = await FileAppender.open(path, resume?.bytes ?? null);
  let columns: readonly Column[] | null = fixed;
  let schema: Schema | null = null;
  let schemaBytes = 0;
  let pending: Indexed[] = [];
  const position = (): SinkPosition => ({ format: 'arrow', path, bytes: file.bytes });

  const flush = async () => {
    if (!pending.length || !columns || !schema) return;
    const rows = pending;
    pending = [];
    const vectors = columns.map((c) =>
      vectorFromArray(
        rows.map((r) => valueAt(r, c.path) ?? null),
        arrowType(c.type),
      ),
    );
    const data = makeData({ type: new Struct(schema.fields), length: rows.length, nullCount: 0, children: vectors.map((v) => v.data[0]) });
    const bytes = encode(schema, new RecordBatch(schema, data));
    await file.write(Buffer.from(bytes.subarray(schemaBytes, bytes.length - EOS_BYTES)));
  };

  return {
    format: 'arrow',
    async write(records: readonly Indexed[]) {
      if (!records.length) return;
      if (!schema) {
        columns ??= columnsOf(records[0]);
        schema = new Schema(columns.map((c) => new Field(c.name, arrowType(c.type), true)));
        schemaBytes = encode(schema, null).length - EOS_BYTES;
        if (file.bytes === 0) await file.write(Buffer.from(encode(schema, null).subarray(0, schemaBytes)));
      }
      for (const r of records) {
        pending.push(r);
        if (pending.length >= batchSize) await flush();
      }
    },
    async sync() {
      await flush();
      await file.sync();
      return position();
    },
    async close() {
      await flush();
      if (schema) await file.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]));
      await file.close();
      return { format: 'arrow', path, bytes: file.bytes - (schema ? EOS_BYTES : 0) };
    },
    async abort() {
      // No end-of-stream marker: the file stays continuable from its last synced length.
      pending = [];
      await file.abort();
    },
  };
}
