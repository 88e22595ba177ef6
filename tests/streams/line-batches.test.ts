import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import { lineBatches } from '../../src/streams/line-batches.js';

async function* from(chunks: Array<Buffer | string>): AsyncGenerator<Buffer | string> {
  yield* chunks;
}

async function linesOf(chunks: Array<Buffer | string>, max?: number): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of lineBatches(from(chunks), 'in.jsonl', max)) out.push(...batch);
  return out;
}

async function failure(chunks: Array<Buffer | string>, max: number): Promise<InputError> {
  try {
    await linesOf(chunks, max);
  } catch (err) {
    assert.ok(err instanceof InputError, String(err));
    return err;
  }
  throw new Error('no error');
}

/** Every way of cutting `bytes` into two chunks, and into single bytes. */
function cuts(bytes: Buffer): Buffer[][] {
  const all: Buffer[][] = [[bytes], [...bytes].map((b) => Buffer.from([b]))];
  for (let i = 1; i < bytes.length; i++) all.push([bytes.subarray(0, i), bytes.subarray(i)]);
  return all;
}

describe('lineBatches: lines of a byte stream, linear, limited in bytes', () => {
  it('gives the same lines however the input is cut into chunks, multi-byte characters across cuts included', async () => {
    const text = 'ăîșț first\n\n{"a":"Ștefan"}\r\nlast without newline — ok';
    const expected = text.split('\n');
    for (const chunks of cuts(Buffer.from(text, 'utf8'))) assert.deepEqual(await linesOf(chunks), expected);
    assert.deepEqual(await linesOf([text]), expected);
  });

  it('the empty piece after a final newline is not a line; an empty input has none', async () => {
    assert.deepEqual(await linesOf(['a\nb\n']), ['a', 'b']);
    assert.deepEqual(await linesOf([]), []);
    assert.deepEqual(await linesOf(['\n']), ['']);
  });

  it('a line over the limit in bytes (not characters) is refused, naming its line number', async () => {
    // 6 characters, 12 bytes: over a 10-byte limit although under 10 characters.
    const wide = 'ăăăăăă';
    const err = await failure([`ok\nfine\n${wide}\nnext\n`], 10);
    assert.equal(err.code, 'E_INPUT');
    assert.match(err.message, /^in\.jsonl:3:/);
    assert.deepEqual(await linesOf([`ok\n${'x'.repeat(10)}\n`], 10), ['ok', 'x'.repeat(10)]);
  });

  it('refuses a line as soon as the limit is passed, without waiting for its end', async () => {
    let given = 0;
    async function* endless(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"a":1}\n');
      for (;;) {
        given++;
        if (given > 100) throw new Error('read on past the limit');
        yield Buffer.alloc(1024, 0x61);
      }
    }
    const err = await (async () => {
      try {
        for await (const _ of lineBatches(endless(), 'in.jsonl', 10 * 1024)) void _;
      } catch (e) {
        return e as InputError;
      }
      throw new Error('no error');
    })();
    assert.equal(err.code, 'E_INPUT');
    assert.match(err.message, /^in\.jsonl:2:/);
    assert.equal(given, 11, 'the limit of 10 KiB is passed at the 11th KiB');
  });
});
