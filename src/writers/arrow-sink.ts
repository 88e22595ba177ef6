import { open } from 'node:fs/promises';
import { DataType, type Field, Message, RecordBatchReader, type Schema } from 'apache-arrow';
import { FileBlock, Footer } from 'apache-arrow/ipc/metadata/file';
import { MetadataVersion } from 'apache-arrow/enum';
import type { Indexed } from '../run-state/record-index.js';
import { arrowSchema, ipcStream, toRecordBatch } from './arrow-batch.js';
import { type Column, inferSchema } from './columns.js';
import { FileAppender } from './file-appender.js';
import type { RecordSink, SinkPosition } from './sink.js';

const EOS = Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]); // IPC end-of-stream: continuation + length 0
const MAGIC = Buffer.from('ARROW1\0\0', 'latin1'); // file format: magic padded to 8 at the start, bare at the end

export interface ArrowOptions {
  /** `file`: the IPC file format (.arrow, .feather: footer + ARROW1 magic); `stream`: the IPC stream (.arrows). */
  variant: 'file' | 'stream';
  batchSize: number;
  /** The declared schema; otherwise inferred from the first record. */
  columns?: readonly Column[];
  /** Schema-level key-value metadata (the same as the Parquet footer's). */
  metadata: ReadonlyMap<string, string>;
}

interface Block {
  offset: number;
  metaDataLength: number;
  bodyLength: number;
}

/** The record-batch blocks of a file cut back to `end` (a resume): each message's header says its body length. */
async function scanBlocks(path: string, start: number, end: number): Promise<Block[]> {
  const blocks: Block[] = [];
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    for (let at = start; at < end; ) {
      await fh.read(head, 0, 8, at);
      const metaLength = head.readInt32LE(4);
      const meta = Buffer.alloc(metaLength);
      await fh.read(meta, 0, metaLength, at + 8);
      const bodyLength = Number(Message.decode(meta).bodyLength);
      blocks.push({ offset: at, metaDataLength: 8 + metaLength, bodyLength });
      at += 8 + metaLength + bodyLength;
    }
  } finally {
    await fh.close();
  }
  return blocks;
}

/** The schema message at `at` of an IPC file or stream. */
async function readSchema(path: string, at: number): Promise<Schema> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, at);
    const message = Buffer.alloc(8 + head.readInt32LE(4));
    await fh.read(message, 0, message.length, at);
    return RecordBatchReader.from(Buffer.concat([message, EOS])).open().schema;
  } finally {
    await fh.close();
  }
}

/** The columns of a schema this module wrote (the inverse of arrowSchema). */
function columnsOfSchema(schema: Schema): Column[] {
  const of = (f: Field): Column => {
    const t = f.type;
    if (DataType.isStruct(t)) return { name: f.name, type: 'struct', nullable: f.nullable, fields: t.children.map(of) };
    const type = DataType.isInt(t) ? (t.bitWidth === 32 ? 'int32' : 'int64') : DataType.isFloat(t) ? 'float64' : DataType.isBool(t) ? 'bool' : DataType.isList(t) ? 'list_utf8' : 'utf8';
    return { name: f.name, type, nullable: f.nullable };
  };
  return schema.fields.map(of);
}

/**
 * Arrow IPC, file or stream format, of one fixed schema (columns.ts; the same as Parquet's), in record batches of
 * `batchSize` rows. Each batch is encoded against the same Schema object (a different one resets the writer:
 * PITFALLS) and appended without the schema message, which is written once at the start. The position is the
 * length up to the last whole batch, so a file cut back to a checkpointed length is simply continued; the end
 * (EOS marker, and for the file format the footer listing every batch, then `ARROW1`) is written at close.
 */
export async function openArrowSink(path: string, resume: SinkPosition | null, options: ArrowOptions): Promise<RecordSink> {
  const file = await FileAppender.open(path, resume?.bytes ?? null);
  const isFile = options.variant === 'file';
  let columns: readonly Column[] | null = options.columns ?? null;
  let schema: Schema | null = null;
  let schemaBytes = 0;
  let blocks: Block[] = [];
  let pending: Indexed[] = [];
  const position = (): SinkPosition => ({ format: 'arrow', path, bytes: file.bytes });
  // A resumed file already holds its schema: read it back, so the file is finished even if no record follows.
  if (file.bytes > 0 && path !== '-') {
    schema = await readSchema(path, isFile ? MAGIC.length : 0);
    columns = columnsOfSchema(schema);
    schemaBytes = ipcStream(schema, null).length - EOS.length;
    if (isFile) blocks = await scanBlocks(path, MAGIC.length + schemaBytes, file.bytes);
  }

  const start = async (first: Indexed) => {
    columns ??= inferSchema(first);
    schema = arrowSchema(columns, options.metadata);
    const head = ipcStream(schema, null);
    schemaBytes = head.length - EOS.length;
    if (file.bytes === 0) {
      if (isFile) await file.write(MAGIC);
      await file.write(Buffer.from(head.subarray(0, schemaBytes)));
    }
  };
  const flush = async () => {
    if (!pending.length || !columns || !schema) return;
    const rows = pending;
    pending = [];
    const bytes = ipcStream(schema, toRecordBatch(schema, columns, rows));
    const message = bytes.subarray(schemaBytes, bytes.length - EOS.length);
    if (isFile) blocks.push({ offset: file.bytes, metaDataLength: 8 + Buffer.from(message.buffer, message.byteOffset, 8).readInt32LE(4), bodyLength: 0 });
    const b = blocks[blocks.length - 1];
    if (isFile) b.bodyLength = message.length - b.metaDataLength;
    await file.write(Buffer.from(message.buffer, message.byteOffset, message.length));
  };
  const finish = async () => {
    if (!schema) return;
    await file.write(EOS);
    if (!isFile) return;
    const footer = Footer.encode(
      new Footer(
        schema,
        MetadataVersion.V5,
        blocks.map((b) => new FileBlock(b.metaDataLength, b.bodyLength, b.offset)),
        [],
      ),
    );
    const length = Buffer.alloc(4);
    length.writeInt32LE(footer.length, 0);
    await file.write(Buffer.concat([footer, length, MAGIC.subarray(0, 6)]));
  };

  return {
    format: 'arrow',
    async write(records: readonly Indexed[]) {
      if (!records.length) return;
      if (!schema) await start(records[0]);
      for (const r of records) {
        pending.push(r);
        if (pending.length >= options.batchSize) await flush();
      }
    },
    async sync() {
      await flush();
      await file.sync();
      return position();
    },
    async close() {
      await flush();
      const end = position();
      await finish();
      await file.close();
      return end;
    },
    async abort() {
      // No end-of-stream marker: the file stays continuable from its last synced length.
      pending = [];
      await file.abort();
    },
  };
}
