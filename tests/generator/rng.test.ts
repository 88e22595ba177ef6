import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Stream, rngFor, uniform } from '../../src/generator/rng.js';

describe('random streams', () => {
  it('neighbouring records are uncorrelated (the per-index seeding trap of PITFALLS.md)', () => {
    const n = 100_000;
    const first = Float64Array.from({ length: n }, (_, i) => uniform(rngFor(42, Stream.person, i)));
    const mean = first.reduce((a, b) => a + b, 0) / n;
    let cov = 0;
    let v = 0;
    for (let i = 0; i + 1 < n; i++) {
      cov += (first[i] - mean) * (first[i + 1] - mean);
      v += (first[i] - mean) ** 2;
    }
    assert.ok(Math.abs(cov / v) < 0.01, `lag-1 correlation ${cov / v}`);
    assert.ok(Math.abs(mean - 0.5) < 0.005);
  });

  it('a record can be reached directly and streams differ', () => {
    assert.equal(uniform(rngFor(7, Stream.person, 123_456_789)), uniform(rngFor(7, Stream.person, 123_456_789)));
    assert.notEqual(uniform(rngFor(7, Stream.person, 5)), uniform(rngFor(7, Stream.bigFive, 5)));
    assert.notEqual(uniform(rngFor(7, Stream.person, 5)), uniform(rngFor(8, Stream.person, 5)));
    assert.notEqual(uniform(rngFor(2 ** 40, Stream.person, 5)), uniform(rngFor(2 ** 41, Stream.person, 5)));
  });
});
