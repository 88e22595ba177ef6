import { openAsBlob, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { InputError } from '../errors.js';
import { fileBytes } from './file-head.js';
import { pathsOf, type Row, shapeRow } from './record-shape.js';

const MAGIC = Buffer.from('PAR1');

/**
 * The part files of a Parquet input, in the order they are read: a file alone, or the `.parquet` files of a
 * dataset directory in name order (parts are numbered, so name order is write order). Checked up front, before
 * any output is opened: a directory without parts, or a part without `PAR1` at both ends (not Parquet, or a
 * writer killed before its footer), is an InputError naming it.
 */
export function parquetParts(path: string): string[] {
  let parts: string[];
  try {
    parts = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((n) => n.endsWith('.parquet') && !n.startsWith('.'))
          .sort()
          .map((n) => join(path, n))
      : [path];
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (!parts.length) throw new InputError(`${path}: a directory without Parquet parts (no *.parquet file in it)`);
  for (const part of parts) {
    if (!fileBytes(part, 4).equals(MAGIC) || !fileBytes(part, 4, 'tail').equals(MAGIC)) throw new InputError(`${part}: not a Parquet file (no PAR1 magic at both ends)`);
  }
  return parts;
}

const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Records of a Parquet file or dataset directory, in arrays of at most `groupSize`; one part open at a time.
 * The parts are checked when this is called, not when first read.
 */
export function readParquet(path: string, groupSize = 256): AsyncGenerator<Row[]> {
  return partsRecords(parquetParts(path), groupSize);
}

async function* partsRecords(parts: readonly string[], groupSize: number): AsyncGenerator<Row[]> {
  for (const part of parts) yield* partRecords(part, groupSize);
}

async function* partRecords(part: string, groupSize: number): AsyncGenerator<Row[]> {
  // arrow-rs (parquet-wasm) reads what it writes, loaded only when a Parquet input is read.
  const pw = await import('parquet-wasm/node');
  let file: Awaited<ReturnType<typeof pw.ParquetFile.fromFile>>;
  try {
    file = await pw.ParquetFile.fromFile(await openAsBlob(part));
  } catch (err) {
    throw new InputError(`${part}: not a readable Parquet file (${why(err)})`);
  }
  try {
    let rows = 0;
    const stream = (await file.stream({ batchSize: groupSize })) as AsyncIterable<{ intoIPCStream(): Uint8Array }>;
    const batches = stream[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<{ intoIPCStream(): Uint8Array }>;
      try {
        next = await batches.next();
      } catch (err) {
        throw new InputError(`${part}: row ${rows + 1}: cannot be read (${why(err)})`);
      }
      if (next.done) break;
      for (const batch of tableFromIPC(next.value.intoIPCStream()).batches) {
        const names = batch.schema.fields.map((f) => f.name);
        const paths = pathsOf(names);
        const vectors = names.map((_, i) => batch.getChildAt(i)!);
        const group: Row[] = [];
        for (let r = 0; r < batch.numRows; r++) group.push(shapeRow(paths, vectors.map((v) => v.get(r))));
        rows += group.length;
        if (group.length) yield group;
      }
    }
  } finally {
    file.free();
  }
}
