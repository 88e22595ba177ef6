import { Readable } from 'node:stream';
import { InputError } from '../errors.js';

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
}

export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * JSONL in (any byte stream), arrays of objects out. Blank lines are skipped; anything else that is not a JSON
 * object is an InputError naming `file:line` (exit 2). Pulled on demand, so backpressure reaches the input.
 */
export function createJsonlSource(input: AsyncIterable<Buffer | string>, options: JsonlSourceOptions): Readable {
  const { name, batchSize = 256, maxLineBytes = MAX_LINE_BYTES, shouldStop = () => false, select = (v) => v } = options;
  async function* lines(): AsyncGenerator<Record<string, unknown>[]> {
    let rest = '';
    let lineNo = 0;
    let batch: Record<string, unknown>[] = [];
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
      batch.push(select(value as Record<string, unknown>, `${name}:${lineNo}`));
    };
    for await (const chunk of input) {
      rest += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
      let nl: number;
      while ((nl = rest.indexOf('\n')) >= 0) {
        take(rest.slice(0, nl));
        rest = rest.slice(nl + 1);
      }
      if (rest.length > maxLineBytes) throw new InputError(`${name}:${lineNo + 1}: line longer than ${maxLineBytes} bytes`);
      if (batch.length >= batchSize) {
        if (shouldStop()) return;
        yield batch;
        batch = [];
      }
    }
    if (rest !== '') take(rest);
    if (batch.length && !shouldStop()) yield batch;
  }
  return Readable.from(lines(), { objectMode: true, highWaterMark: 2 });
}
