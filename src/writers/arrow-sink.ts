import { createHash } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { DataType, type Field, Message, RecordBatchReader, type Schema } from 'apache-arrow';
import { FileBlock, Footer } from 'apache-arrow/ipc/metadata/file';
import { MetadataVersion } from 'apache-arrow/enum';
import { CheckpointError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { arrowRecords } from '../readers/arrow.js';
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
  rows: number;
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
      const message = Message.decode(meta);
      const bodyLength = Number(message.bodyLength);
      const rows = message.isRecordBatch() ? message.header().length : 0;
      blocks.push({ offset: at, metaDataLength: 8 + metaLength, bodyLength, rows });
      at += 8 + metaLength + bodyLength;
    }
  } finally {
    await fh.close();
  }
  return blocks;
}

/** The schema message at `at` of an IPC file or stream, as bytes. */
async function readSchemaMessage(path: string, at: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, at);
    const message = Buffer.alloc(8 + head.readInt32LE(4));
    await fh.read(message, 0, message.length, at);
    return message;
  } finally {
    await fh.close();
  }
}

/**
 * Rows in the record batches of an Arrow output (file or stream format, as this module writes them) up to byte
 * `end`, read from the batches' headers alone (a batch cut short by a stop, `tail`, from whichever copy still
 * holds it): what a resume cross-checks against its checkpoint. Null when the batches do not end exactly at
 * `end`, or cannot be read there.
 */
export async function arrowRowsUpTo(path: string, end: number, variant: ArrowOptions['variant'], tail?: { at: number; sha256: string }): Promise<number | null> {
  const start = variant === 'file' ? MAGIC.length : 0;
  if (end <= start) return 0;
  try {
    const first = start + (await readSchemaMessage(path, start)).length;
    const upTo = tail?.at ?? end;
    const blocks = await scanBlocks(path, first, upTo);
    const last = blocks[blocks.length - 1];
    if ((last ? last.offset + last.metaDataLength + last.bodyLength : first) !== upTo) return null;
    let rows = blocks.reduce((n, b) => n + b.rows, 0);
    if (tail) {
      const bytes = await tailBytes(path, tail, end);
      if (!bytes) return null;
      const message = Message.decode(bytes.subarray(8, 8 + bytes.readInt32LE(4)));
      rows += message.isRecordBatch() ? message.header().length : 0;
    }
    return rows;
  } catch {
    return null;
  }
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Bytes [from, to) of a file. */
async function readRange(path: string, from: number, to: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const out = Buffer.alloc(to - from);
    const { bytesRead } = await fh.read(out, 0, out.length, from);
    return out.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Where a resume keeps the batch cut short by a stop while it rewrites it (see takeTail). */
export const tailPathOf = (path: string): string => `${path}.resume-tail`;

/**
 * The rows of the batch a stop cut short (`tail`: it starts at `at`, its bytes end at `end` and hash to
 * `sha256`), for a resume to take back into its open batch — so the file is cut into batches as an
 * uninterrupted run's would be. Those bytes are first kept in a sidecar (atomic write) because the resume
 * rewrites them: a resume that dies before its next checkpoint finds them there. Neither copy matching is an
 * E_CHECKPOINT.
 */
async function takeTail(path: string, schemaMessage: Buffer, tail: { at: number; sha256: string }, end: number): Promise<Indexed[]> {
  const sidecar = tailPathOf(path);
  const bytes = await tailBytes(path, tail, end);
  if (!bytes) throw new CheckpointError(`--resume: the last record batch of ${path} (bytes ${tail.at}–${end}) is not the one the checkpoint recorded, and ${sidecar} does not hold it`);
  await writeFileAtomic(sidecar, bytes);
  const rows: Indexed[] = [];
  const stream = Buffer.concat([schemaMessage, bytes, EOS]);
  for await (const group of arrowRecords((async function* () { yield stream; })(), path)) rows.push(...group);
  return rows;
}

/** The cut batch's bytes: from the output if they are still there, else from a resume's sidecar; null if neither holds them. */
async function tailBytes(path: string, tail: { at: number; sha256: string }, end: number): Promise<Buffer | null> {
  const inFile = await readRange(path, tail.at, end).catch(() => Buffer.alloc(0));
  if (sha256Of(inFile) === tail.sha256) return inFile;
  const kept = await readFile(tailPathOf(path)).catch(() => Buffer.alloc(0));
  return sha256Of(kept) === tail.sha256 ? kept : null;
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
  const isFile = options.variant === 'file';
  let columns: readonly Column[] | null = options.columns ?? null;
  let schema: Schema | null = null;
  let schemaBytes = 0;
  let blocks: Block[] = [];
  let pending: Indexed[] = [];
  // A resumed file already holds its schema: read it back, so the file is finished even if no record follows.
  const resumed = resume?.bytes && path !== '-' ? await readSchemaMessage(path, isFile ? MAGIC.length : 0) : null;
  if (resumed) pending = resume!.tail ? await takeTail(path, resumed, resume!.tail, resume!.bytes!) : [];
  // The sidecar of an earlier resume: needed only while the checkpoint that resume started from stands.
  let sidecar = pending.length > 0;
  if (!sidecar && path !== '-') await rm(tailPathOf(path), { force: true });
  const file = await FileAppender.open(path, resume?.tail?.at ?? resume?.bytes ?? null);
  const position = (): SinkPosition => ({ format: 'arrow', path, bytes: file.bytes });
  if (resumed) {
    schema = RecordBatchReader.from(Buffer.concat([resumed, EOS])).open().schema;
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
  /** Writes the open batch; returns its bytes (null when there was none). */
  const flush = async (): Promise<Buffer | null> => {
    if (!pending.length || !columns || !schema) return null;
    const rows = pending;
    pending = [];
    const bytes = ipcStream(schema, toRecordBatch(schema, columns, rows));
    const message = Buffer.from(bytes.buffer, bytes.byteOffset + schemaBytes, bytes.length - schemaBytes - EOS.length);
    if (isFile) {
      const metaDataLength = 8 + message.readInt32LE(4);
      blocks.push({ offset: file.bytes, metaDataLength, bodyLength: message.length - metaDataLength, rows: rows.length });
    }
    await file.write(message);
    return message;
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
      const at = file.bytes;
      const last = await flush();
      // The batch a stop cuts short (the tee keeps this only when the run stopped between checkpoint boundaries).
      const end: SinkPosition = last && path !== '-' ? { ...position(), tail: { at, sha256: sha256Of(last) } } : position();
      await finish();
      await file.close();
      return end;
    },
    async checkpointed() {
      // A checkpoint of this run stands now: the earlier one, whose last batch the sidecar kept, is replaced.
      if (!sidecar) return;
      sidecar = false;
      await rm(tailPathOf(path), { force: true });
    },
    async abort() {
      // No end-of-stream marker: the file stays continuable from its last synced length.
      pending = [];
      await file.abort();
    },
  };
}
