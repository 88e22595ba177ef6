import { type FileHandle, open } from 'node:fs/promises';
import { RecordBatchReader } from 'apache-arrow';
import { InputError } from '../errors.js';
import { fileBytes } from './file-head.js';
import { pathsOf, type Row, shapeRow } from './record-shape.js';

const FILE_MAGIC = Buffer.from('ARROW1');
const CONTINUATION = Buffer.from([0xff, 0xff, 0xff, 0xff]);

/**
 * Up front: the file is Arrow IPC — the file format (`ARROW1` at both ends: `.arrow`, `.feather`) or the
 * stream format (a message continuation marker first: `.arrows`).
 */
export function checkArrow(path: string): void {
  const head = fileBytes(path, 8);
  const isFile = head.subarray(0, 6).equals(FILE_MAGIC);
  if (isFile && fileBytes(path, 6, 'tail').equals(FILE_MAGIC)) return;
  if (!isFile && head.length === 8 && head.subarray(0, 4).equals(CONTINUATION)) return;
  throw new InputError(`${path}: not an Arrow IPC ${isFile ? 'file (no footer: cut short?)' : 'file or stream'}`);
}

const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Records of an Arrow IPC file or stream, in arrays of at most `groupSize`; the file is checked when this is
 * called. A file handle, not a byte stream, is given to apache-arrow: the file format is then read by random
 * access (footer, then batch by batch) instead of whole into memory.
 */
export function readArrow(path: string, groupSize = 256): AsyncGenerator<Row[]> {
  checkArrow(path);
  return fileRecords(path, groupSize);
}

async function* fileRecords(path: string, groupSize: number): AsyncGenerator<Row[]> {
  const handle = await open(path, 'r');
  try {
    yield* arrowRecords(handle, path, groupSize);
  } finally {
    await handle.close().catch(() => undefined); // the reader may have closed it at its end
  }
}

/** Records of an opened Arrow reader (a file, or stdin carrying a stream); `name` is used in errors. */
export async function* arrowRecords(source: FileHandle | AsyncIterable<Uint8Array>, name: string, groupSize = 256): AsyncGenerator<Row[]> {
  let reader: RecordBatchReader;
  try {
    reader = await RecordBatchReader.from(source as AsyncIterable<Uint8Array>);
    await reader.open();
  } catch (err) {
    throw new InputError(`${name}: not an Arrow IPC file or stream (${why(err)})`);
  }
  let rows = 0;
  const batches = reader[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<import('apache-arrow').RecordBatch>;
    try {
      next = await batches.next();
    } catch (err) {
      throw new InputError(`${name}: row ${rows + 1}: cannot read the next record batch (${why(err)})`);
    }
    if (next.done) return;
    const batch = next.value;
    const names = batch.schema.fields.map((f) => f.name);
    const paths = pathsOf(names);
    const vectors = names.map((_, i) => batch.getChildAt(i)!);
    for (let from = 0; from < batch.numRows; from += groupSize) {
      const group: Row[] = [];
      for (let r = from; r < Math.min(batch.numRows, from + groupSize); r++) group.push(shapeRow(paths, vectors.map((v) => v.get(r))));
      rows += group.length;
      yield group;
    }
  }
}
