/**
 * A record input that is not JSONL (CSV, Arrow, Parquet), handed to a plan as the byte stream openInput has
 * always returned: it reads as the JSONL those records would be (so a consumer of bytes still gets them), and
 * carries its reader, which the input source takes instead, without the round trip through JSON text.
 */
import { Readable } from 'node:stream';
import type { Row } from './record-shape.js';

/** Records in arrays of at most `groupSize`, each call a fresh read from the start. */
export type RecordReader = (groupSize?: number) => AsyncIterable<Row[]>;

const READER: unique symbol = Symbol('gen-stream.record-reader');

/** Nothing is read until the stream (or the reader it carries) is pulled. */
export function recordInput(read: RecordReader): Readable {
  async function* jsonl(): AsyncGenerator<string> {
    for await (const rows of read()) {
      let text = '';
      for (const r of rows) text += `${JSON.stringify(r)}\n`;
      yield text;
    }
  }
  return Object.assign(Readable.from(jsonl(), { objectMode: false }), { [READER]: read });
}

/** The reader a record input carries, or undefined for a plain byte stream (JSONL). */
export function readerOf(input: unknown): RecordReader | undefined {
  return (input as { [READER]?: RecordReader } | null)?.[READER];
}
