import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainNormaliser, foldDomain } from '../../src/hub/domains.js';

describe('hub domains', () => {
  it('domain labels fold case, spacing and punctuation, then synonyms (user over built-in)', () => {
    assert.equal(foldDomain('  Health   Care. '), 'health care');
    assert.equal(foldDomain('Arts & Crafts'), 'arts and crafts');
    const n = new DomainNormaliser({ sports: ['cricket', 'kabaddi'], 'health tech': ['medicine'] });
    assert.equal(n.bucket('CRICKET '), 'sports');
    assert.equal(n.bucket('Health Care'), 'healthcare');
    assert.equal(n.bucket('Medicine'), 'health tech');
    assert.equal(n.bucket('Quantum Basket-Weaving'), 'quantum basket weaving');
    assert.equal(n.bucket(' '), 'unknown');
    assert.equal(new DomainNormaliser({}, false).bucket('Health Care'), 'health care');
  });
});
