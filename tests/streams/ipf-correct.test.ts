/**
 * ipf-correct: every chunk passes unchanged and in order while the calibration counts it; a chunk that is not
 * the next one (a gap, a repeat) fails the stage with E_CALIBRATION, and nothing after it passes.
 */
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { OnlineIpf } from '../../src/generator/online-ipf.js';
import { Sampler } from '../../src/generator/sampler.js';
import { createIpfCorrect } from '../../src/streams/ipf-correct.js';
import type { PersonChunk } from '../../src/streams/person-chunk.js';

const { model } = loadConfig({});
const width = new Sampler(model, 100).width;

/** Chunks of `sizes` records each, numbered from `from`; the codes are all zero (any valid code will do). */
function chunks(from: number, sizes: readonly number[]): PersonChunk[] {
  const out: PersonChunk[] = [];
  let start = from;
  for (const count of sizes) {
    out.push({ start, count, codes: new Uint16Array(count * width) });
    start += count;
  }
  return out;
}

async function run(ipf: OnlineIpf, input: PersonChunk[]): Promise<{ passed: PersonChunk[]; error: unknown }> {
  const passed: PersonChunk[] = [];
  const sink = new Writable({
    objectMode: true,
    write(chunk: PersonChunk, _enc, cb) {
      passed.push(chunk);
      cb();
    },
  });
  const error = await pipeline(Readable.from(input), createIpfCorrect(ipf, width), sink).then(() => null, (err: unknown) => err);
  return { passed, error };
}

describe('ipf-correct', () => {
  it('passes every chunk unchanged and in order, and the calibration has observed each record once', async () => {
    const ipf = new OnlineIpf(model);
    const input = chunks(0, [1, 7, 256, 3, 1000]);
    const { passed, error } = await run(ipf, input);
    assert.equal(error, null);
    assert.deepEqual(passed, input);
    passed.forEach((c, i) => assert.equal(c, input[i], 'the same chunk objects, not copies'));
    assert.equal(ipf.observed, 1267);
  });

  it('a gap or a repeated chunk fails with E_CALIBRATION; the chunks before it pass, none after', async () => {
    for (const [label, input] of [
      ['gap', [...chunks(0, [5, 5]), ...chunks(11, [5])]],
      ['repeat', [...chunks(0, [5, 5]), ...chunks(5, [5])]],
    ] as const) {
      const ipf = new OnlineIpf(model);
      const { passed, error } = await run(ipf, [...input, ...chunks(100, [1])]);
      assert.equal((error as { code?: string } | null)?.code, 'E_CALIBRATION', label);
      assert.deepEqual(passed, input.slice(0, 2), label);
      assert.equal(ipf.observed, 10, label);
    }
  });
});
