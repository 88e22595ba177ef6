import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigFiveScores, traitLabel } from '../src/generator/big-five.js';
import { lineColumn, locateJsonError } from '../src/io/json-locate.js';
import { Stream, rngFor, uniform } from '../src/generator/rng.js';
import { uuidFor } from '../src/generator/uuid.js';

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

  it('ids are RFC 9562 version-8 UUIDs, unique across records and seeds', () => {
    const seen = new Set<string>();
    for (const seed of [1, 2])
      for (let i = 0; i < 100_000; i++) {
        const id = uuidFor(seed, i);
        assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        seen.add(id);
      }
    assert.equal(seen.size, 200_000);
  });

  it('Big Five T-scores: mean 50, SD 10, clipped to 20–80, labelled by band', () => {
    const all = Array.from({ length: 20_000 }, (_, i) => bigFiveScores(3, i)).flat();
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    const sd = Math.sqrt(all.reduce((a, b) => a + (b - mean) ** 2, 0) / all.length);
    assert.ok(Math.abs(mean - 50) < 0.3, `mean ${mean}`);
    assert.ok(Math.abs(sd - 10) < 0.3, `sd ${sd}`);
    assert.ok(Math.min(...all) === 20 && Math.max(...all) === 80);
    assert.deepEqual([20, 40, 50, 60, 80].map(traitLabel), ['very low', 'low', 'average', 'high', 'very high']);
  });
});

describe('locateJsonError', () => {
  it('finds the first syntax error, or -1', () => {
    assert.equal(locateJsonError('{"a": [1, 2, {"b": "c\\n"}], "d": null}'), -1);
    const text = '{\n  "count": 10,\n  "seed": ,\n}';
    assert.deepEqual(lineColumn(text, locateJsonError(text)), { line: 3, column: 11 });
    assert.equal(locateJsonError('{"a": 1} x'), 9);
    assert.equal(locateJsonError('{"a": tru}'), 6);
    assert.equal(locateJsonError('{"a": 1'), 7);
  });
});
