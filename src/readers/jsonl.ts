import { createReadStream } from 'node:fs';
import { createJsonlSource } from '../streams/jsonl-source.js';
import { checkText } from './file-head.js';
import type { Row } from './record-shape.js';

/**
 * Up front: the file is text (a Parquet or Arrow file named `.jsonl` is refused before anything is opened).
 * Nothing stricter: a corpus may begin with a malformed line, which is that item's failure, not the run's.
 */
export function checkJsonl(path: string): void {
  checkText(path, 'JSONL');
}

/** JSONL records of a file, in arrays (the stream commands read JSONL through createJsonlSource directly). */
export function readJsonl(path: string): AsyncIterable<Row[]> {
  checkJsonl(path);
  return createJsonlSource(createReadStream(path), { name: path }) as AsyncIterable<Row[]>;
}
