import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';
import { INDEX, type Indexed } from '../record-index.js';

export interface JsonlSourceOptions {
  /** Name used in errors: a file path or `<stdin>`. */
  name: string;
  /** Records per emitted array. */
  batchSize?: number;
  /** A line longer than this is an error, not an unbounded buffer. */
  maxLineBytes?: number;
  /** Checked before each batch: true ends the source (the input is closed, unread). */
  shouldStop?: () => boolean;
  /** Takes a parsed line and returns the record to emit (e.g. a failure entry's `record`). */
  select?: (value: Record<string, unknown>, where: string) => Record<string, unknown>;
  /** Records to skip (a resumed pipe: the first `skip` records were done before). */
  skip?: number;
  /** Told how many records were read, when the input ends or the source stops. */
  onEnd?: (records: number) => void;
}

export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * JSONL in (any byte stream), arrays of objects out. Blank lines are skipped; anything else that is not a JSON
 * object is an InputError naming `file:line` (exit 2). Pulled on demand, so backpressure reaches the input.
 */
export function createJsonlSource(input: AsyncIterable<Buffer | string>, options: JsonlSourceOptions): Readable {
  const { name, batchSize = 256, maxLineBytes = MAX_LINE_BYTES, shouldStop = () => false, select = (v) => v, skip = 0, onEnd } = options;
  async function* lines(): AsyncGenerator<Record<string, unknown>[]> {
    let rest = '';
    let lineNo = 0;
    let batch: Indexed[] = [];
    let index = 0;
    const take = (line: string) => {
      lineNo++;
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (err) {
        throw new InputError(`${name}:${lineNo}: malformed JSON: ${(err as Error).message}`);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${name}:${lineNo}: expected a JSON object per line`);
      const record: Indexed = select(value as Record<string, unknown>, `${name}:${lineNo}`);
      if (index >= skip) {
        record[INDEX] = index;
        batch.push(record);
      }
      index++;
    };
    // A chunk boundary can fall inside a multi-byte character: decode incrementally, never chunk by chunk.
    const decoder = new StringDecoder('utf8');
    for await (const chunk of input) {
      rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
      // One pass per chunk: cutting `rest` after every line would copy the tail again and again.
      let from = 0;
      let nl: number;
      while ((nl = rest.indexOf('\n', from)) >= 0) {
        take(rest.slice(from, nl));
        from = nl + 1;
      }
      rest = rest.slice(from);
      if (rest.length > maxLineBytes) throw new InputError(`${name}:${lineNo + 1}: line longer than ${maxLineBytes} bytes`);
      if (batch.length >= batchSize) {
        if (shouldStop()) return onEnd?.(index - batch.length);
        yield batch;
        batch = [];
      }
    }
    rest += decoder.end();
    if (rest !== '') take(rest);
    if (batch.length && !shouldStop()) yield batch;
    onEnd?.(shouldStop() ? index - batch.length : index);
  }
  return Readable.from(lines(), { objectMode: true, highWaterMark: 2 });
}
