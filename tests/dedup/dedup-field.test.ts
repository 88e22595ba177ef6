import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Deduper } from '../../src/dedup/deduper.js';
import { INDEX, type Indexed } from '../../src/run-state/record-index.js';
import { createDedup, missingFieldError, textFieldsOf } from '../../src/streams/dedup.js';
import { runThrough } from '../streams/harness.js';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { makeRandom, memoryLog, personaTexts } from './harness.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-dedup-field-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const persona = personaTexts(makeRandom(11));
const lines = async (path: string) => {
  try {
    return parseLines(await readFile(path, 'utf8'));
  } catch {
    return [];
  }
};

describe('dedup: the text field', () => {
  it('a field absent from the records (census personas, default field "persona"): exit 2, E_INPUT', async () => {
    const sample = await runCli(['sample', '-q', '-n', '50', '--seed', '42']);
    assert.equal(sample.code, 0, sample.stderr);
    const res = await runCli(['dedup', '-q', '--out', join(dir, 'kept.jsonl')], sample.stdout);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_INPUT');
  });

  it('the refusal is decided on the first batch and lists the text fields that are present', () => {
    const records = [
      { id: 'a', name: 'Ana', age: 30, descriere_generala: 'x' },
      { id: 'b', name: 'Ion', age: 41, district: 'Nord' },
    ];
    assert.notEqual(missingFieldError(records, 'persona'), null);
    assert.equal(missingFieldError(records, 'persona')!.code, 'E_INPUT');
    assert.deepEqual(textFieldsOf(records), ['descriere_generala', 'district', 'id', 'name']);
    assert.equal(missingFieldError([...records, { id: 'c', persona: 'text' }], 'persona'), null, 'one record with it in the first batch is enough');
  });

  it('records without the field in a mixed input are passed through and counted: kept + removed + passed = read, kept + passed = written', async () => {
    const records: Indexed[] = [];
    for (let i = 0; i < 40; i++) {
      const r: Record<string, unknown> = i % 4 === 3 ? { id: `q${i}` } : { id: `p${i}`, persona: i % 10 === 9 ? String(records[0].persona) : persona() };
      records.push({ ...r, [INDEX]: i } as Indexed);
    }
    const deduper = new Deduper();
    const removed: string[] = [];
    const out = await runThrough<Indexed>([records.slice(0, 13), records.slice(13)], createDedup(deduper, 'persona', memoryLog(removed)));
    assert.equal(deduper.passed, 10);
    assert.equal(deduper.removedExact + deduper.removedNear, removed.length);
    assert.equal(deduper.kept + removed.length + deduper.passed, records.length, 'kept + removed + passed through = read');
    assert.equal(deduper.kept + deduper.passed, out.length, 'kept + passed through = written');
  });

  it('through the CLI, a mixed input: exit 0, written + removed = input', async () => {
    const input = Array.from({ length: 30 }, (_, i) => (i % 5 === 4 ? { id: `q${i}`, text: 'no persona here' } : { id: `p${i}`, persona: i === 8 ? 'same text twice' : i === 2 ? 'same text twice' : persona() }));
    const file = join(dir, 'mixed.jsonl');
    await writeFile(file, input.map((r) => JSON.stringify(r)).join('\n'));
    const out = join(dir, 'mixed-kept.jsonl');
    const res = await runCli(['dedup', '-q', '--input', file, '--out', out]);
    assert.equal(res.code, 0, res.stderr);
    const kept = await lines(out);
    const removed = await lines(`${out}.removed.jsonl`);
    assert.equal(removed.length, 1);
    assert.equal(kept.length + removed.length, input.length);
    assert.equal(kept.filter((r) => r.persona === undefined).length, 6, 'the records without the field are written, none lost');
  });
});
