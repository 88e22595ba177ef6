import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bigFiveScores, traitLabel } from '../../src/generator/big-five.js';

describe('Big Five', () => {
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
