/**
 * `write` of Persona Hub records takes the declared Hub schema (HUB_COLUMNS), not types guessed from the first
 * record. Regression: a dataset of both modes, read persona-to-persona parts first, made `parent_id` required
 * and text-to-persona's null `parent_id` an error; a first score of 1 made `confidence_score` an integer.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-write-hub-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hub = (i: number, child: boolean) => ({
  id: `${child ? 'c' : 'p'}${i}`,
  persona: `A person ${i}`,
  domain: 'education',
  synth_method: child ? 'persona_to_persona' : 'text_to_persona',
  confidence_score: child ? 1 : 0.75,
  source_id: `s${i}`,
  parent_id: child ? `p${i}` : null,
  relation: child ? 'colleague' : null,
  depth: child ? 1 : 0,
  domain_raw: 'Education',
  model: 'mock',
});

describe('write of Persona Hub records', () => {
  it('persona-to-persona records first, then text-to-persona ones: Parquet and Arrow keep null parent_id, a float score', async () => {
    const input = join(dir, 'hub.jsonl');
    const records = [...[0, 1, 2].map((i) => hub(i, true)), ...[0, 1, 2].map((i) => hub(i, false))];
    await writeFile(input, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const bytes = await readFile(input);
    const out = join(dir, 'hub.parquet');
    const res = await runCli(['write', '-q', '--input', input, '-o', out, '-o', join(dir, 'hub.arrow')]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(errorCode(res.stderr), null);
    const rows = await query(`select id, parent_id, confidence_score, depth from read_parquet('${out}/*.parquet') order by id`);
    assert.deepEqual(rows, records.map((r) => [r.id, r.parent_id, r.confidence_score, r.depth]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    const types = Object.fromEntries((await query(`select column_name, column_type from (describe select * from read_parquet('${out}/*.parquet'))`)) as Array<[string, string]>);
    assert.equal(types.confidence_score, 'DOUBLE');
    assert.equal(types.depth, 'INTEGER');
    // Read back, the dataset is the input again (records out = lines in), and the input is untouched.
    const back = await runCli(['write', '-q', '--input', out, '-o', '-']);
    assert.equal(back.code, 0, back.stderr);
    assert.deepEqual(parseLines(back.stdout), records);
    assert.deepEqual(await readFile(input), bytes);
  });
});
