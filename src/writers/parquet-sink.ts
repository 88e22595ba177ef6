import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import parquet from '@dsnp/parquetjs';
import { fsyncPath } from '../io/files.js';
import type { Indexed } from '../run-state/record-index.js';
import { type Column, type ColumnType, columnsOf, valueAt } from './columns.js';
import type { RecordSink, SinkPosition } from './sink.js';

export interface ParquetOptions {
  /** Rows buffered per row group (parquetjs holds one row group in memory). */
  rowGroupSize: number;
  /** Rows per part file at most; a checkpoint also closes the current part. */
  partRows: number;
  compression: 'UNCOMPRESSED' | 'SNAPPY' | 'GZIP' | 'BROTLI';
  /** Part-name prefix, e.g. for shards. */
  prefix: string;
  /** The column layout to use instead of the one inferred from the first record. */
  columns?: readonly Column[];
}

function parquetField(t: ColumnType, compression: ParquetOptions['compression']): Record<string, unknown> {
  const type = { int32: 'INT32', double: 'DOUBLE', bool: 'BOOLEAN', utf8: 'UTF8', list_utf8: 'UTF8' }[t];
  return t === 'list_utf8' ? { type, repeated: true, compression } : { type, optional: true, compression };
}


/**
 * A Parquet dataset directory of rolling parts (`out/personas.parquet/part-00000.parquet`, …), as Spark writes
 * them. A part is written as `.tmp`, closed (parquetjs writes the footer only at close), fsynced and renamed,
 * then the directory is fsynced: every `.parquet` on disk is a complete file. On resume, parts the checkpoint
 * does not list, and stray `.tmp` files, are removed.
 */
export async function openParquetSink(dir: string, resume: SinkPosition | null, options: ParquetOptions): Promise<RecordSink> {
  await mkdir(dir, { recursive: true });
  const parts = [...(resume?.parts ?? [])];
  const keep = new Set(parts);
  // Only this writer's parts (its prefix): shards share the directory and clean up after themselves alone.
  for (const name of await readdir(dir)) {
    if (name.startsWith(`${options.prefix}part-`) && !keep.has(name) && (name.endsWith('.tmp') || name.endsWith('.parquet'))) await rm(join(dir, name), { force: true });
  }
  let columns: readonly Column[] | null = options.columns ?? null;
  let schema: InstanceType<typeof parquet.ParquetSchema> | null = null;
  let current: { writer: InstanceType<typeof parquet.ParquetWriter>; name: string; rows: number } | null = null;

  const finishPart = async () => {
    if (!current) return;
    const { writer, name } = current;
    current = null;
    await writer.close();
    const tmp = join(dir, `${name}.tmp`);
    await fsyncPath(tmp);
    await rename(tmp, join(dir, name));
    await fsyncPath(dir);
    parts.push(name);
  };
  const position = (): SinkPosition => ({ format: 'parquet', path: dir, parts: [...parts] });

  return {
    format: 'parquet',
    async write(records: readonly Indexed[]) {
      for (const r of records) {
        if (!schema) {
          columns ??= columnsOf(r);
          schema = new parquet.ParquetSchema(Object.fromEntries(columns.map((c) => [c.name, parquetField(c.type, options.compression)])) as never);
        }
        if (!current) {
          const name = `${options.prefix}part-${String(parts.length).padStart(5, '0')}.parquet`;
          const writer = await parquet.ParquetWriter.openFile(schema!, join(dir, `${name}.tmp`), { rowGroupSize: options.rowGroupSize });
          current = { writer, name, rows: 0 };
        }
        const row: Record<string, unknown> = {};
        for (const c of columns!) {
          const v = valueAt(r, c.path);
          if (v !== undefined && v !== null) row[c.name] = c.type === 'list_utf8' ? (v as unknown[]).map(String) : v;
        }
        await current.writer.appendRow(row);
        if (++current.rows >= options.partRows) await finishPart();
      }
    },
    async sync() {
      await finishPart();
      return position();
    },
    async close() {
      await finishPart();
      return position();
    },
    async abort() {
      if (!current) return;
      const { writer, name } = current;
      current = null;
      // A part without its footer is unreadable: end its file stream without one and remove the `.tmp`.
      // Finished parts (those a checkpoint may list) stay.
      writer.closed = true;
      try {
        await writer.envelopeWriter?.close();
      } finally {
        writer.envelopeWriter = null;
        await rm(join(dir, `${name}.tmp`), { force: true });
      }
    },
  };
}
