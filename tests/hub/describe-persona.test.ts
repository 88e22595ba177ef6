import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describePersona } from '../../src/hub/describe-persona.js';

describe('hub describePersona', () => {
  it('describes Persona Hub records by their persona and census records by summary and facts', () => {
    assert.equal(describePersona({ id: 'x', persona: ' A teacher. ' }), 'A teacher.');
    assert.equal(describePersona({ id: 'x', persona_summary: 'Ion, 40, farmer.', age: 40, sex: 'Masculin' }), 'Ion, 40, farmer.\nFacts: age: 40; sex: Masculin.');
    assert.equal(describePersona({ id: 'x', big_five: {} }), null);
  });
});
