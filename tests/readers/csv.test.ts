import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellValue, csvRecords } from '../../src/readers/csv.js';

async function readAll(text: string, size: number, groupSize?: number): Promise<Record<string, unknown>[][]> {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  const groups: Record<string, unknown>[][] = [];
  for await (const g of csvRecords(chunks, 'in.csv', groupSize)) groups.push(g);
  return groups;
}

// As csv-sink.ts writes: header, CRLF, JSON text for lists and objects, quotes doubled.
const text =
  '\uFEFFid,name,age,big_five,tags,note,source_id,confidence_score\r\n' +
  'a,Ștefan Țurcanu,56,"{""openness"":{""t_score"":55,""label"":""average""}}","[""x"",""y""]","line one\r\nline, two ""q""",17,0.85\r\n' +
  '\r\n' +
  'b,Ирина 🙂,007,,[],"",x,1\r\n';

const expected = [
  {
    id: 'a',
    name: 'Ștefan Țurcanu',
    age: 56,
    big_five: { openness: { t_score: 55, label: 'average' } },
    tags: ['x', 'y'],
    note: 'line one\r\nline, two "q"',
    source_id: '17',
    confidence_score: 0.85,
  },
  { id: 'b', name: 'Ирина 🙂', age: '007', big_five: null, tags: [], note: '', source_id: 'x', confidence_score: 1 },
];

describe('readers/csv', () => {
  it('gives the same records whatever the chunk size (boundaries inside quotes, CRLF and multi-byte characters)', async () => {
    for (let size = 1; size <= 13; size++) assert.deepEqual((await readAll(text, size)).flat(), expected, `chunk size ${size}`);
  });

  it('emits arrays of at most groupSize records', async () => {
    const many = `a,b\n${Array.from({ length: 10 }, (_, i) => `${i},x`).join('\n')}\n`;
    assert.deepEqual((await readAll(many, 64, 4)).map((g) => g.length), [4, 4, 2]);
  });

  it('reads a last row without a line end', async () => {
    assert.deepEqual((await readAll('a,b\n1,"x"', 3)).flat(), [{ a: 1, b: 'x' }]);
  });

  it('types a cell as the writer wrote it: null for an unquoted empty cell, numbers only when they read back', () => {
    assert.equal(cellValue('auto', '', false), null);
    assert.equal(cellValue('auto', '', true), '');
    assert.equal(cellValue('auto', '1.50', false), '1.50');
    assert.equal(cellValue('auto', '-3', false), -3);
    assert.equal(cellValue('auto', 'true', false), true);
    assert.equal(cellValue('auto', '[draft] notes', false), '[draft] notes');
    assert.equal(cellValue('text', '42', false), '42');
    assert.equal(cellValue('number', '1', false), 1);
  });

  it('refuses a row whose field count differs from the header, and an unterminated quote, naming file:line', async () => {
    // Text kept beside the code: the line is what this test specifies, and only the message carries it.
    await assert.rejects(readAll('a,b\n1,2\n3\n', 5), { code: 'E_INPUT', message: /^in\.csv:3: / });
    await assert.rejects(readAll('a,b\n1,"2\n', 5), { code: 'E_INPUT', message: /^in\.csv:2: / });
  });
});
