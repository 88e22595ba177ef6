import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { uuidFor } from '../../src/generator/uuid.js';

describe('record ids', () => {
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
});
