import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Deduper } from '../../src/dedup/deduper.js';
import { makeRandom, personaTexts } from './harness.js';

const persona = personaTexts(makeRandom(7));

describe('Deduper', () => {
  it('a similarity below the threshold is kept: three words of 20 changed (Jaccard ≈ 0.74)', () => {
    const d = new Deduper();
    const words = persona().split(' ').slice(0, 20);
    assert.ok(d.check('a', words.join(' ')).keep);
    const changed = [...words];
    changed[1] = 'x1';
    changed[7] = 'x2';
    changed[13] = 'x3';
    assert.ok(d.check('b', changed.join(' ')).keep);
  });
});
