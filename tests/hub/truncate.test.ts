import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { estimateTokens, truncateToTokens } from '../../src/hub/truncate.js';

describe('hub truncate', () => {
  it('texts are cut at a word boundary to the token budget', () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const cut = truncateToTokens(text, 100);
    assert.ok(cut.truncated);
    assert.ok(estimateTokens(cut.text) <= 100 && estimateTokens(cut.text) > 90);
    assert.match(cut.text, /word\d+$/);
    assert.deepEqual(truncateToTokens('short text', 100), { text: 'short text', truncated: false });
  });
});
