import { StringDecoder } from 'node:string_decoder';
import { InputError } from '../errors.js';

export const MAX_LINE_BYTES = 64 * 1024 * 1024;

/**
 * The lines of a byte stream, one array per input chunk (a generator step per line would cost more than the
 * parsing). A final line without a newline counts; the empty piece after a last newline does not. A line
 * longer than `maxLineBytes` is an InputError naming `file:line`, not an unbounded buffer.
 */
export async function* lineBatches(input: AsyncIterable<Buffer | string>, name: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<string[]> {
  let rest = '';
  let lines = 0;
  // A chunk boundary can fall inside a multi-byte character: decode incrementally, never chunk by chunk.
  const decoder = new StringDecoder('utf8');
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.write(chunk);
    // One pass per chunk: cutting `rest` after every line would copy the tail again and again.
    const batch: string[] = [];
    let from = 0;
    let nl: number;
    while ((nl = rest.indexOf('\n', from)) >= 0) {
      batch.push(rest.slice(from, nl));
      from = nl + 1;
    }
    rest = rest.slice(from);
    lines += batch.length;
    if (rest.length > maxLineBytes) throw new InputError(`${name}:${lines + 1}: line longer than ${maxLineBytes} bytes`);
    if (batch.length) yield batch;
  }
  rest += decoder.end();
  if (rest !== '') yield [rest];
}
