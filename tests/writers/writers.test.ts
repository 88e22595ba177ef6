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

describe('writers, read back by DuckDB and Arrow (every column of every row: writers-readers.test.ts)', () => {
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
    // `n`, not `age`: a record with a census field is a census persona, and write checks it as one.
    const records = tricky.map((text, i) => ({ id: `r${i}`, n: 20 + i, note: text, list: [text, 'x'], nested: { k: text } }));
    const out = join(dir, 'tricky.csv');
    const res = await runCli(['write', '-q', '--out', out], records.map((r) => JSON.stringify(r)).join('\n'));
    assert.equal(res.code, 0, res.stderr);
    const rows = await query(`select id, n, note, list, nested from read_csv('${out}', header=true, all_varchar=true, strict_mode=true, allow_quoted_nulls=false) order by cast(substr(id, 2) as integer)`);
    assert.deepEqual(
      rows,
      records.map((r) => [r.id, String(r.n), r.note, JSON.stringify(r.list), JSON.stringify(r.nested)]),
    );
    assert.ok((await readFile(out, 'utf8')).startsWith('id,n,note,list,nested\r\n'));
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
    assert.equal(String(table.getChild('age')!.type), 'Int64');
    assert.equal(String(table.getChild('hobbies_and_interests_list')!.type), 'List<Utf8>');
    assert.equal(String(table.getChild('big_five')!.type).startsWith('Struct<{openness:Struct<{t_score:Int64, label:Utf8}>'), true, String(table.getChild('big_five')!.type));
    assert.deepEqual(table.getChild('id')!.toArray(), jsonl.map((r) => r.id));
    assert.deepEqual([...table.getChild('hobbies_and_interests_list')!.get(7)!], jsonl[7].hobbies_and_interests_list);
    const pq = await query(`select id, skills_and_expertise_list from read_parquet('${outs[3]}/*.parquet', filename=true, file_row_number=true) order by filename, file_row_number`);
    assert.deepEqual(pq.map((r) => r[0]), jsonl.map((r) => r.id));
    assert.deepEqual((pq[3][1] as { items: unknown[] }).items, jsonl[3].skills_and_expertise_list);
    assert.deepEqual(await readdir(outs[3]), ['personas-part-00000.parquet'], 'one part for 1,500 rows, whatever checkpoint.every');
  });

  it('an output that cannot be opened is a clear error, exit 2', async () => {
    // Missing parent directories are made; a place where none can be made (under /proc) is E_IO.
    const res = await runCli(['-q', '-n', '10', '--out', '/proc/nonexistent/dir/p.jsonl']);
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_IO');
    const bad = await runCli(['-q', '-n', '10', '--out', join(dir, 'p.txt')]);
    assert.equal(bad.code, 2);
    assert.equal(errorCode(bad.stderr), 'E_USAGE');
  });

  it('a device output (/dev/null) takes the narrated run: a device is written, never fsynced (EINVAL)', async () => {
    const res = await runCli(['-q', '-n', '20', '--format', 'jsonl', '--out', '/dev/null']);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stderr, '');
    // A device has no extension to read: JSONL, as stdout, unless --format says otherwise.
    for (const command of [[], ['sample']]) {
      const plain = await runCli([...command, '-q', '-n', '20', '--out', '/dev/null']);
      assert.equal(plain.code, 0, plain.stderr);
    }
  });
});
