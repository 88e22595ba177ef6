import { InputError } from '../errors.js';

export const MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * The lines of a byte stream, one array per input chunk (a generator step per line would cost more than the
 * parsing). A final line without a newline counts; the empty piece after a last newline does not. A line
 * longer than `maxLineBytes` bytes is an InputError naming `file:line` as soon as it passes the limit.
 *
 * Linear in the input: lines are found in bytes (in UTF-8 a newline byte is never part of another character,
 * so a chunk boundary inside a character does no harm), each chunk is scanned once, a line split over chunks
 * is kept as a list of pieces and decoded once when its end arrives.
 */
export async function* lineBatches(input: AsyncIterable<Buffer | string>, name: string, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<string[]> {
  let pieces: Buffer[] = [];
  let pending = 0; // bytes in `pieces`
  let lines = 0;
  const tooLong = () => new InputError(`${name}:${lines + 1}: line longer than ${maxLineBytes} bytes`);
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    let nl = chunk.indexOf(NEWLINE);
    if (nl < 0) {
      pending += chunk.length;
      if (pending > maxLineBytes) throw tooLong();
      pieces.push(chunk);
      continue;
    }
    const batch: string[] = [];
    if (pending + nl > maxLineBytes) throw tooLong();
    batch.push(pieces.length ? Buffer.concat([...pieces, chunk.subarray(0, nl)], pending + nl).toString('utf8') : chunk.toString('utf8', 0, nl));
    lines++;
    pieces = [];
    pending = 0;
    // The lines wholly inside this chunk: each length checked, then all decoded at once and split.
    const first = nl + 1;
    let start = first;
    let last = nl;
    while ((nl = chunk.indexOf(NEWLINE, start)) >= 0) {
      if (nl - start > maxLineBytes) {
        lines += countNewlines(chunk, first, start);
        throw tooLong();
      }
      last = nl;
      start = nl + 1;
    }
    if (last >= first) {
      const inner = chunk.toString('utf8', first, last).split('\n');
      for (const line of inner) batch.push(line);
      lines += inner.length;
    }
    const tail = chunk.length - (last + 1);
    if (tail > maxLineBytes) throw tooLong();
    if (tail > 0) {
      pieces.push(chunk.subarray(last + 1));
      pending = tail;
    }
    yield batch;
  }
  if (pending) yield [Buffer.concat(pieces, pending).toString('utf8')];
}

function countNewlines(chunk: Buffer, from: number, to: number): number {
  let n = 0;
  for (let i = chunk.indexOf(NEWLINE, from); i >= 0 && i < to; i = chunk.indexOf(NEWLINE, i + 1)) n++;
  return n;
}
