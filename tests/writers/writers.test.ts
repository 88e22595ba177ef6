import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tableFromIPC } from 'apache-arrow';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-writers-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}

describe('writers, read back by DuckDB and Arrow', () => {
  for (const n of [4095, 4096, 4097, 100_000]) {
    it(`Parquet dataset of ${n} rows reads back exactly`, async () => {
      const sample = await runCli(['sample', '-q', '-n', String(n), '--seed', '5']);
      const cfg = await writeConfig(`pq${n}.json`, { checkpoint: { every: 50_000 } });
      const out = join(dir, `p${n}.parquet`);
      const res = await runCli(['write', '-q', '--config', cfg, '--out', out], sample.stdout);
      assert.equal(res.code, 0, res.stderr);
      const parts = (await readdir(out)).sort();
      assert.ok(parts.every((p) => /^part-\d{5}\.parquet$/.test(p)), parts.join(','));
      assert.equal(parts.length, Math.ceil(n / 50_000));
      const glob = `'${out}/*.parquet'`;
      const [[count, distinct]] = await query(`select count(*), count(distinct id) from read_parquet(${glob})`);
      assert.equal(Number(count), n);
      assert.equal(Number(distinct), n);
      const ids = (await query(`select id from read_parquet(${glob}, filename=true, file_row_number=true) order by filename, file_row_number`)).map((r) => r[0]);
      assert.deepEqual(ids, parseLines(sample.stdout).map((r) => r.id));
      const types = Object.fromEntries((await query(`describe select age, big_five_openness_t_score, big_five_openness_label from read_parquet(${glob})`)).map((r) => [r[0], r[1]]));
      assert.deepEqual(types, { age: 'INTEGER', big_five_openness_t_score: 'INTEGER', big_five_openness_label: 'VARCHAR' });
      if (n === 4097) {
        const rows = parseLines(sample.stdout);
        const back = await query(`select name, district, age from read_parquet(${glob}, filename=true, file_row_number=true) order by filename, file_row_number limit 3 offset 4094`);
        assert.deepEqual(back, rows.slice(4094).map((r) => [r.name, r.district, r.age]));
      }
    });
  }

  it('CSV with commas, quotes and newlines inside narratives reads back exactly', async () => {
    const tricky = [
      'plain',
      'a, comma',
      'a "quoted" word',
      'two\nlines',
      'crlf\r\nline',
      '"starts with a quote',
      'ends with a quote"',
      'mixed, "all"\nof, it',
      'diacritics: ș ț ă â î — Găgăuzia',
      '',
    ];
    const records = tricky.map((text, i) => ({ id: `r${i}`, age: 20 + i, note: text, list: [text, 'x'], nested: { k: text } }));
    const out = join(dir, 'tricky.csv');
    const res = await runCli(['write', '-q', '--out', out], records.map((r) => JSON.stringify(r)).join('\n'));
    assert.equal(res.code, 0, res.stderr);
    const rows = await query(`select id, age, note, list, nested from read_csv('${out}', header=true, all_varchar=true, strict_mode=true) order by cast(substr(id, 2) as integer)`);
    assert.deepEqual(
      rows,
      records.map((r) => [r.id, String(r.age), r.note === '' ? null : r.note, JSON.stringify(r.list), JSON.stringify(r.nested)]),
    );
    assert.ok((await readFile(out, 'utf8')).startsWith('id,age,note,list,nested\r\n'));
  });

  it('one run writes JSONL, CSV, Arrow and Parquet with the same records', async () => {
    const base = join(dir, 'multi');
    const outs = ['.jsonl', '.csv', '.arrows', '.parquet'].map((e) => `${base}${e}`);
    const res = await runCli(['-q', '-n', '1500', ...outs.flatMap((o) => ['--out', o])]);
    assert.equal(res.code, 0, res.stderr);
    const jsonl = parseLines(await readFile(outs[0], 'utf8'));
    assert.equal(jsonl.length, 1500);
    const csv = await query(`select id, cultural_background from read_csv('${outs[1]}', header=true, all_varchar=true)`);
    assert.deepEqual(csv, jsonl.map((r) => [r.id, r.cultural_background]));
    const table = tableFromIPC(await readFile(outs[2]));
    assert.equal(table.numRows, 1500);
    assert.equal(String(table.getChild('age')!.type), 'Int32');
    assert.equal(String(table.getChild('hobbies_and_interests_list')!.type), 'List<Utf8>');
    assert.deepEqual(table.getChild('id')!.toArray(), jsonl.map((r) => r.id));
    assert.deepEqual([...table.getChild('hobbies_and_interests_list')!.get(7)!], jsonl[7].hobbies_and_interests_list);
    const pq = await query(`select id, skills_and_expertise_list from read_parquet('${outs[3]}/*.parquet', filename=true, file_row_number=true) order by filename, file_row_number`);
    assert.deepEqual(pq.map((r) => r[0]), jsonl.map((r) => r.id));
    assert.deepEqual((pq[3][1] as { items: unknown[] }).items, jsonl[3].skills_and_expertise_list);
  });

  it('an output that cannot be opened is a clear error, exit 2', async () => {
    const res = await runCli(['-q', '-n', '10', '--out', '/nonexistent/dir/p.jsonl']);
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
    const bad = await runCli(['-q', '-n', '10', '--out', join(dir, 'p.txt')]);
    assert.equal(bad.code, 2);
    assert.equal(errorCode(bad.stderr), 'E_USAGE');
  });
});
