import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCensus, SUM_TOLERANCE } from '../../src/census/check-census.js';
import { compileCensus } from '../../src/census/compile.js';
import { builtInCensuses } from '../../src/census/registry.js';
import { censusSpecSchema } from '../../src/census/schema.js';

describe('every built-in census table', () => {
  for (const [name, input] of Object.entries(builtInCensuses)) {
    it(`${name}: passes the generic checks (keys known, weights finite and >= 0, rows complete)`, () => {
      const spec = censusSpecSchema.parse(input);
      assert.deepEqual(checkCensus(spec, [name]), []);
      const model = compileCensus(spec);
      for (const a of model.attributes) {
        const k = a.values.length;
        for (let row = 0; row < a.rowCount; row++) {
          let sum = 0;
          for (let v = 0; v < k; v++) {
            const p = a.probs[row * k + v];
            assert.ok(Number.isFinite(p) && p >= 0, `${a.name} row ${row}`);
            sum += p;
          }
          assert.ok(Math.abs(sum - 1) < SUM_TOLERANCE, `${a.name} row ${row} sums to ${sum}`);
        }
      }
      for (const t of model.targets) assert.ok(Math.abs(t.shares.reduce((x, y) => x + y, 0) - 1) < SUM_TOLERANCE);
      for (const a of spec.attributes) assert.ok(a.source, `${a.name} must cite its source`);
    });
  }
});
