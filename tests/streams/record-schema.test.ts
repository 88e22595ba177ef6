/**
 * Records missing what a stage needs are failed, not accepted (issue 15, item 8): each goes to the failure
 * file with E_RECORD, its `file:line` and the field, the run goes on with the others and exits 2;
 * records out + failures = lines in, and the input's bytes are untouched.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { z } from 'zod';
import { hubSchema, personaSchema, type RecordSchema, recordIssues, writeSchemaOf } from '../../src/io/record-schemas.js';
import { predicateOf } from '../../src/io/schema-predicate.js';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';

let dir: string;
let sample: Record<string, unknown>[];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-record-schema-'));
  sample = parseLines((await runCli(['sample', '-q', '-n', '30', '--seed', '5'])).stdout);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The damage done to record i (0-based) of the input, and the field its failure must name. */
const DAMAGE: Record<number, { field: string; change: (r: Record<string, unknown>) => void }> = {
  2: { field: 'id', change: (r) => delete r.id },
  6: { field: 'sex', change: (r) => delete r.sex },
  10: { field: 'age', change: (r) => delete r.age },
  14: { field: 'sex', change: (r) => (r.sex = 'alien') },
  18: { field: 'age', change: (r) => (r.age = -4) },
  22: { field: 'big_five.openness.t_score', change: (r) => ((r.big_five as Record<string, Record<string, unknown>>).openness.t_score = 'high') },
};

/** The sample with DAMAGE done, as a file that opens with a blank line (so a record's line is its position + 2). */
async function damagedInput(name: string): Promise<{ path: string; bytes: Buffer; lines: number }> {
  const records = sample.map((r, i) => {
    const copy = structuredClone(r);
    DAMAGE[i]?.change(copy);
    return JSON.stringify(copy);
  });
  const path = join(dir, name);
  await writeFile(path, `\n${records.join('\n')}\n`);
  return { path, bytes: await readFile(path), lines: records.length };
}

async function lines(path: string): Promise<Record<string, unknown>[]> {
  return parseLines(await readFile(path, 'utf8').catch(() => ''));
}

/** Every damaged record is in the failure file, in order, with E_RECORD, its line and its field; the rest are written. */
async function assertFailedEach(input: { path: string; bytes: Buffer; lines: number }, out: string, failed: string): Promise<Record<string, unknown>[]> {
  const written = await lines(out);
  const failures = await lines(failed);
  assert.equal(written.length + failures.length, input.lines, 'records out + failures = lines in');
  assert.deepEqual(failures.map((f) => f.index), Object.keys(DAMAGE).map(Number));
  for (const f of failures) {
    const error = f.error as { code: string; message: string };
    assert.equal(error.code, 'E_RECORD');
    // The location is the specification here: file:line, then the field path.
    const i = Number(f.index);
    assert.ok(error.message.startsWith(`${input.path}:${i + 2}: ${DAMAGE[i].field}: `), error.message);
    assert.equal(f.attempts, 0, 'no request spent on a record that cannot be narrated');
  }
  const ids = new Set(written.map((r) => r.id));
  sample.forEach((r, i) => assert.equal(ids.has(r.id), !(i in DAMAGE), `record ${i}`));
  assert.deepEqual(await readFile(input.path), input.bytes, 'the input is untouched');
  return failures;
}

describe('records missing what a stage needs are failed, each to the failure file (E_RECORD, exit 2)', () => {
  it('narrate (template): no record written without an id, no narrative of "-4 de ani"; the others narrated', async () => {
    const input = await damagedInput('narrate-in.jsonl');
    const out = join(dir, 'narrated.jsonl');
    const res = await runCli(['narrate', '-q', '--input', input.path, '-o', out]);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_RECORD');
    await assertFailedEach(input, out, `${out}.failed.jsonl`);
    for (const r of await lines(out)) assert.equal(typeof r.descriere_generala, 'string');
  });

  it('write: the same records fail, to every output format alike', async () => {
    const input = await damagedInput('write-in.jsonl');
    const out = join(dir, 'written.jsonl');
    const res = await runCli(['write', '-q', '--input', input.path, '-o', out, '-o', join(dir, 'written.csv')]);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_RECORD');
    await assertFailedEach(input, out, `${out}.failed.jsonl`);
    const csvRows = (await readFile(join(dir, 'written.csv'), 'utf8')).trimEnd().split('\r\n').length - 1;
    assert.equal(csvRows, input.lines - Object.keys(DAMAGE).length);
  });

  it('narrate with an LLM: the failures take their turn among the model\'s, before any request', async () => {
    const mock = new MockLlm({});
    const url = await mock.listen();
    try {
      const input = await damagedInput('llm-in.jsonl');
      const config = join(dir, 'llm.json');
      await writeFile(config, JSON.stringify({ llm: { baseUrl: url, model: 'mock', concurrency: 4 } }));
      const out = join(dir, 'llm.jsonl');
      const res = await runCli(['narrate', '-q', '-c', config, '--input', input.path, '-o', out]);
      assert.equal(res.code, 2, res.stderr);
      assert.equal(errorCode(res.stderr), 'E_RECORD');
      await assertFailedEach(input, out, `${out}.failed.jsonl`);
    } finally {
      await mock.close();
    }
  });

  it('narrate --retry-failed takes them back once they are fixed in the failure file', async () => {
    const input = await damagedInput('retry-in.jsonl');
    const out = join(dir, 'retry.jsonl');
    assert.equal((await runCli(['narrate', '-q', '--input', input.path, '-o', out])).code, 2);
    const fixed = join(dir, 'fixed.failed.jsonl');
    const entries = await lines(`${out}.failed.jsonl`);
    await writeFile(fixed, entries.map((e) => JSON.stringify({ ...e, record: sample[Number(e.index)] })).join('\n'));
    const again = join(dir, 'retried.jsonl');
    const res = await runCli(['narrate', '-q', '--retry-failed', fixed, '-o', again]);
    assert.equal(res.code, 0, res.stderr);
    assert.deepEqual((await lines(again)).map((r) => r.id), entries.map((e) => sample[Number(e.index)].id));
  });

  it('a CSV input names the record by its number in the file', async () => {
    const csv = join(dir, 'in.csv');
    assert.equal((await runCli(['write', '-q', '--input', join(dir, 'write-in.jsonl'), '-o', join(dir, 'good.csv')])).code, 2);
    // good.csv holds the records that passed; damage one of them in the CSV itself.
    const text = (await readFile(join(dir, 'good.csv'), 'utf8')).replace(/,female,/, ',alien,');
    await writeFile(csv, text);
    const out = join(dir, 'from-csv.jsonl');
    const res = await runCli(['write', '-q', '--input', csv, '-o', out]);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_RECORD');
    const [failure] = await lines(`${out}.failed.jsonl`);
    assert.match((failure.error as { message: string }).message, new RegExp(`^${csv.replace(/[.]/g, '\\.')}: record \\d+: sex: `));
    assert.equal((await lines(out)).length + 1, text.trimEnd().split('\r\n').length - 1, 'records out + failures = rows in');
  });
});

describe('the record schemas', () => {
  it('accept every record the generator writes, for the Moldova census and an inline one', async () => {
    const toy = await readFile(new URL('../../../fixtures/toy-census.json', import.meta.url), 'utf8');
    for (const [config, args] of [[{}, []], [JSON.parse(toy), []]] as const) {
      const loaded = loadConfig(config);
      const records = parseLines((await runCli(['sample', '-q', '-n', '300', ...args], JSON.stringify(config))).stdout);
      const schema = personaSchema(loaded.model);
      const schemaOf = writeSchemaOf(loaded.model);
      for (const r of records) {
        assert.equal(recordIssues(schema, r), null, JSON.stringify(r));
        assert.equal(recordIssues(schemaOf(r), r), null);
        const { sex: _, ...noSex } = r;
        assert.match(recordIssues(schemaOf(noSex), noSex) ?? '', /^sex: missing$/, 'write takes a persona as a persona');
      }
    }
  });

  it('write: a Persona Hub record by its schema, any other record by its id', () => {
    const schemaOf = writeSchemaOf(loadConfig({}).model);
    const hub = { id: 'h', persona: 'p', domain: 'd', synth_method: 'text_to_persona', confidence_score: 1, source_id: 's', parent_id: null, relation: null, depth: 0, domain_raw: 'D', model: 'm' };
    assert.equal(schemaOf(hub), hubSchema);
    assert.equal(recordIssues(hubSchema, hub), null);
    assert.match(recordIssues(hubSchema, { ...hub, synth_method: 'guess', depth: 0.5 }) ?? '', /^synth_method: .*; depth: /);
    assert.match(recordIssues(hubSchema, { ...hub, parent_id: undefined }) ?? '', /^parent_id: missing$/);
    assert.equal(recordIssues(schemaOf({ id: 'a', note: 'x' }), { id: 'a', note: 'x' }), null);
    assert.equal(recordIssues(schemaOf({ note: 'x' }), { note: 'x' }), 'id: missing');
    assert.match(recordIssues(schemaOf({ id: '' }), { id: '' }) ?? '', /^id: /);
  });

  it('the compiled check agrees with zod on every record, and on each with one field removed or given a wrong value', async () => {
    const toy = JSON.parse(await readFile(new URL('../../../fixtures/toy-census.json', import.meta.url), 'utf8'));
    const WRONG: unknown[] = [null, '', 'alien', -4, 0, 1.5, 200, true, [], {}, { openness: { t_score: 50, label: 'high' } }];
    const hub = { id: 'h', persona: 'p', domain: 'd', synth_method: 'text_to_persona', confidence_score: 1, source_id: 's', parent_id: null, relation: null, depth: 0, domain_raw: 'D', model: 'm' };
    let compared = 0;
    const agree = (schema: RecordSchema, fits: (v: unknown) => boolean, r: Record<string, unknown>) => {
      assert.equal(fits(r), schema.safeParse(r).success, JSON.stringify(r));
      compared++;
    };
    for (const config of [{}, toy]) {
      const schema = personaSchema(loadConfig(config).model);
      const fits = predicateOf(schema);
      const records = parseLines((await runCli(['sample', '-q', '-n', '20'], JSON.stringify(config))).stdout);
      for (const r of records) {
        agree(schema, fits, r);
        for (const key of Object.keys(r)) {
          const { [key]: _, ...without } = r;
          agree(schema, fits, without);
          for (const w of WRONG) agree(schema, fits, { ...r, [key]: w });
        }
        const five = r.big_five as Record<string, Record<string, unknown>>;
        for (const w of WRONG) agree(schema, fits, { ...r, big_five: { ...five, openness: { ...five.openness, t_score: w } } });
      }
    }
    const fits = predicateOf(hubSchema);
    for (const key of Object.keys(hub)) for (const w of [undefined, ...WRONG]) agree(hubSchema, fits, { ...hub, [key]: w });
    assert.ok(compared > 5000, `${compared} records compared`);
  });

  it('a schema the compiled check cannot hold whole is refused when it compiles (E_INTERNAL), never half-checked', () => {
    assert.throws(() => predicateOf(z.looseObject({ id: z.string().refine((s) => s !== 'x') })), { code: 'E_INTERNAL' });
    assert.throws(() => predicateOf(z.looseObject({ id: z.string().regex(/^a/) })), { code: 'E_INTERNAL' });
  });
});
