import { openAsBlob } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type * as PW from 'parquet-wasm/node';
import { CheckpointError } from '../errors.js';
import { fsyncPath, makeDirectories } from '../io/files.js';
import type { Indexed } from '../run-state/record-index.js';
import { arrowSchema, ipcStream, toRecordBatch } from './arrow-batch.js';
import { type Column, inferSchema } from './columns.js';
import type { PartProperties } from './parquet-part.js';
import { PartThread } from './parquet-thread.js';
import type { RecordSink, SinkPosition } from './sink.js';
import { readSpool, Spool } from './spool.js';

export interface ParquetOptions extends Omit<PartProperties, 'plainColumns'> {
  /** Rows per part file at most. */
  partRows: number;
  /** Bytes per part file at most (checked after each batch, so a part may pass it by one batch). */
  partBytes: number;
  /** Rows turned into one Arrow batch at a time (the JavaScript-side buffer; one batch waits at most). */
  batchRows: number;
  /** Part-name prefix, e.g. for shards. */
  prefix: string;
  /** The declared schema; otherwise inferred from the first record. */
  columns?: readonly Column[];
}

/** A string this long in the first record marks a free-text column: written without dictionary encoding. */
const FREE_TEXT_CHARS = 200;

const partName = (prefix: string, n: number) => `${prefix}part-${String(n).padStart(5, '0')}.parquet`;
const exists = (p: string) => stat(p).then(() => true, () => false);

// parquet-wasm compiles ~4 MB of WebAssembly when loaded: only a resume needs it on this thread.
const wasm = () => import('parquet-wasm/node');

/** Rows of one Parquet file, from its footer. */
export async function rowsOf(path: string): Promise<number> {
  const pw = await wasm();
  const file = await pw.ParquetFile.fromFile(await openAsBlob(path));
  const n = file.metadata().fileMetadata().numRows();
  file.free();
  return n;
}

/**
 * The first `want` rows after the parts a checkpoint lists, gathered into one spool file, from (in order) the
 * finished parts it does not list (the run died before the checkpoint that would have listed them) and the
 * spool of the part that was open. Each source is read a batch at a time.
 */
async function recover(dir: string, prefix: string, first: number, want: number, into: string): Promise<number> {
  const pw = await wasm();
  const spool = await Spool.create(into);
  let got = 0;
  for (let n = first; got < want; n++) {
    const part = join(dir, partName(prefix, n));
    const sp = `${part}.spool`;
    if (await exists(part)) {
      const file = await pw.ParquetFile.fromFile(await openAsBlob(part));
      const stream = await file.stream({ batchSize: 4096, limit: want - got });
      for await (const batch of stream as AsyncIterable<PW.RecordBatch>) {
        const rows = batch.numRows;
        await spool.append(rows, batch.intoIPCStream());
        got += rows;
      }
      file.free();
    } else if (await exists(sp)) {
      for await (const frame of readSpool(sp)) {
        if (got >= want) break;
        const take = Math.min(frame.rows, want - got);
        let payload = frame.payload;
        if (take < frame.rows) {
          const table = pw.Table.fromIPCStream(payload);
          payload = table.recordBatch(0)!.slice(0, take).intoIPCStream();
          table.free();
        }
        await spool.append(take, payload);
        got += take;
      }
    } else break;
  }
  await spool.close();
  return got;
}

/**
 * A Parquet dataset directory of parts (`out/personas.parquet/part-00000.parquet`, …), each up to `partRows`
 * rows or `partBytes` bytes, in row groups sized by rows and bytes, written by arrow-rs (parquet-wasm) a batch
 * at a time. Parts are independent of checkpoints: the rows of the open part are also appended to its spool
 * (`part-N.parquet.spool`), fsynced at every `sync()`; a finished part is written as `.tmp`, fsynced, renamed
 * (the directory fsynced), and its spool removed. A checkpoint thus claims finished parts plus spooled rows.
 * On resume the rows past the listed parts — `written` minus the rows in those parts — are gathered from the
 * unlisted finished parts and the spool, the rest (torn tails, rows past the checkpoint, `.tmp`) is removed,
 * and those rows are replayed into the open part: no record is generated (or paid for) twice.
 */
export async function openParquetSink(dir: string, resume: SinkPosition | null, written: number, options: ParquetOptions): Promise<RecordSink> {
  await makeDirectories(dir);
  const { prefix } = options;
  const parts = [...(resume?.parts ?? [])];
  // A complete `.recover` (written as .tmp, renamed) is a resume that died before replaying it: it stands.
  const recovered = join(dir, `${prefix}resume.recover`);
  if (resume && !(await exists(recovered))) {
    let listed = 0;
    for (const p of parts) listed += await rowsOf(join(dir, p));
    const want = written - listed;
    if (want > 0) {
      const got = await recover(dir, prefix, parts.length, want, `${recovered}.tmp`);
      if (got < want) throw new CheckpointError(`--resume: the checkpoint claims ${want} rows of ${dir} after its ${parts.length} listed part(s), the parts and spool on disk hold ${got}`);
      await rename(`${recovered}.tmp`, recovered);
      await fsyncPath(dir);
    }
  }
  // Only this writer's files (its prefix): shards share the directory and clean up after themselves alone.
  const keep = new Set(parts);
  if (resume) keep.add(`${prefix}resume.recover`);
  for (const name of await readdir(dir)) {
    // `${prefix}part-…` and `${prefix}resume.recover`: not another shard's `${prefix}shard-…` files.
    const ours = (name.startsWith(`${prefix}part-`) || name.startsWith(`${prefix}resume.`)) && /\.(parquet|tmp|spool|recover)$/.test(name);
    if (ours && !keep.has(name)) await rm(join(dir, name), { force: true });
  }
  const replay = resume && (await exists(recovered)) ? recovered : null;

  let columns: readonly Column[] | null = options.columns ?? null;
  let plain: string[] = [];
  let schema: ReturnType<typeof arrowSchema> | null = null;
  let pending: Indexed[] = [];
  let current: { spool: Spool; name: string; rows: number } | null = null;
  let thread: PartThread | null = null;

  const startPart = async () => {
    const name = partName(prefix, parts.length);
    const props: PartProperties = { ...options, plainColumns: plain };
    // One encoder thread per part, ended with it: no WebAssembly state outlives a file.
    thread = new PartThread();
    await thread.open(join(dir, `${name}.tmp`), props);
    current = { spool: await Spool.create(join(dir, `${name}.spool`)), name, rows: 0 };
  };
  const finishPart = async () => {
    if (!current) return;
    const { spool, name } = current;
    current = null;
    await thread!.close();
    await thread!.end();
    thread = null;
    await rename(join(dir, `${name}.tmp`), join(dir, name));
    await fsyncPath(dir);
    parts.push(name);
    await spool.close();
    await rm(spool.path, { force: true });
  };
  const append = async (rows: number, ipc: Uint8Array, roll: boolean) => {
    if (!current) await startPart();
    const c = current!;
    await c.spool.append(rows, ipc);
    await thread!.write(ipc);
    c.rows += rows;
    if (roll && (c.rows >= options.partRows || thread!.bytes >= options.partBytes)) await finishPart();
  };
  const flush = async () => {
    if (!pending.length || !schema || !columns) return;
    const rows = pending;
    pending = [];
    await append(rows.length, ipcStream(schema, toRecordBatch(schema, columns, rows)), true);
  };
  const position = (): SinkPosition => ({ format: 'parquet', path: dir, parts: [...parts] });

  if (replay) {
    // The recovered rows go to one part (which may thus pass partRows once), so its spool matches it exactly.
    for await (const frame of readSpool(replay)) await append(frame.rows, frame.payload, false);
    await current!.spool.sync();
    await rm(replay, { force: true });
  }

  return {
    format: 'parquet',
    async write(records: readonly Indexed[]) {
      for (const r of records) {
        if (!schema) {
          columns ??= inferSchema(r);
          plain = columns.filter((c) => c.type === 'utf8' && typeof r[c.name] === 'string' && (r[c.name] as string).length >= FREE_TEXT_CHARS).map((c) => c.name);
          schema = arrowSchema(columns);
        }
        pending.push(r);
        if (pending.length >= options.batchRows) await flush();
      }
    },
    async sync() {
      await flush();
      await current?.spool.sync();
      return position();
    },
    async close() {
      await flush();
      await finishPart();
      await thread?.end();
      thread = null;
      return position();
    },
    async abort() {
      pending = [];
      if (current) {
        const { spool, name } = current;
        current = null;
        await thread!.abort();
        await rm(join(dir, `${name}.tmp`), { force: true });
        await spool.close();
      }
      await thread?.end();
      thread = null;
    },
  };
}
