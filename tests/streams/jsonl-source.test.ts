import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INDEX } from '../../src/run-state/record-index.js';
import { createJsonlSource } from '../../src/streams/jsonl-source.js';

async function readAll(chunks: Buffer[], options: Parameters<typeof createJsonlSource>[1] = { name: 'test' }): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const batch of createJsonlSource(
    (async function* () {
      yield* chunks;
    })(),
    options,
  ))
    out.push(...(batch as Record<string, unknown>[]).map((r) => ({ ...JSON.parse(JSON.stringify(r)), ...(INDEX in r ? { index: (r as Record<symbol, number>)[INDEX] } : {}) })));
  return out;
}

const records = [
  { name: 'Ștefan Țurcanu', district: 'Căușeni', note: 'ăâîșț ȘȚ — “quoted” ✓ 🙂' },
  { name: 'Ирина Иванова', district: 'UTA Găgăuzia' },
  { name: 'plain', n: 3 },
];
const text = Buffer.from(`${records.map((r) => JSON.stringify(r)).join('\n')}\n\n`, 'utf8');

describe('jsonl-source', () => {
  it('gives the same records whatever the chunk size (boundaries inside multi-byte characters)', async () => {
    for (let size = 1; size <= 17; size++) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.subarray(i, i + size));
      assert.deepEqual(await readAll(chunks), records.map((r, index) => ({ ...r, index })), `chunk size ${size}`);
    }
  });

  it('numbers records by position, skips the first `skip`, reports the count', async () => {
    let ended = -1;
    const out = await readAll([text], { name: 'test', skip: 1, onEnd: (n) => (ended = n) });
    assert.deepEqual(out.map((r) => r.index), [1, 2]);
    assert.equal(ended, 3);
  });

  it('names file:line for malformed or non-object lines', async () => {
    // Text kept beside the code: naming file:line is what this test specifies, and only the message carries it.
    await assert.rejects(readAll([Buffer.from('{"a":1}\n{"a":\n')], { name: 'in.jsonl' }), { code: 'E_INPUT', message: /^in\.jsonl:2: / });
    await assert.rejects(readAll([Buffer.from('{"a":1}\n\n[1,2]\n')], { name: 'in.jsonl' }), { code: 'E_INPUT', message: /^in\.jsonl:3: / });
  });
});
