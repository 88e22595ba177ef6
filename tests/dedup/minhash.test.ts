import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalise } from '../../src/dedup/minhash.js';

describe('minhash normalise', () => {
  it('normalises case, accents, punctuation and spacing', () => {
    assert.equal(normalise('  Ștefan, the  TEACHER!\nfrom Găgăuzia.'), 'stefan the teacher from gagauzia');
  });
});
