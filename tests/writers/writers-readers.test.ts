import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, watch, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tableFromIPC, Vector } from 'apache-arrow';
import pl from 'nodejs-polars';
import * as pw from 'parquet-wasm/node';
import { BIN, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';

/**
 * Every Parquet and Arrow output read by readers independent of the writer and every value of every column
 * (lists and the big_five struct included) compared with the JSONL of the same run: Parquet by DuckDB and
 * polars; Arrow by polars and apache-arrow's file reader (through our footer), the stream also by arrow-rs.
 * (DuckDB reads Arrow IPC only with the nanoarrow extension, a download: not available to the tests.)
 */
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-readers-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeConfig(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(value));
  return path;
}

/** DuckDB: rows of `a` not in `b` and of `b` not in `a` (multisets, every column, nested types included). */
async function differences(a: string, b: string): Promise<number> {
  const [[x]] = await query(`select count(*) from ((${a}) except all (${b}))`);
  const [[y]] = await query(`select count(*) from ((${b}) except all (${a}))`);
  return Number(x) + Number(y);
}

const parquetOf = (p: string) => `select * from read_parquet('${p}/*.parquet')`;
const jsonOf = (p: string) => `select * from read_json('${p}', format='newline_delimited')`;
const idsOf = async (p: string) => (await query(`select id from read_parquet('${p}/*.parquet', filename=true, file_row_number=true) order by filename, file_row_number`)).map((r) => r[0]);

/** polars: the JSONL read by polars (its own type inference) equals the other frame, every value and type. */
async function polarsEqual(jsonl: string, other: pl.DataFrame, what: string): Promise<void> {
  const expected = pl.readJSON(await readFile(jsonl), { format: 'lines' });
  assert.deepEqual(other.shape, expected.shape, `${what}: shape`);
  assert.equal(String(other.schema), String(expected.schema), `${what}: schema`);
  assert.ok(other.frameEqual(expected), `${what}: polars reads values different from the JSONL`);
}

/** apache-arrow's file reader (through the footer: the block index we write) → plain records. */
function arrowFileRecords(bytes: Buffer): Record<string, unknown>[] {
  const fix = (v: unknown): unknown => {
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof Vector) return [...v].map(fix);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries((v as { toJSON(): object }).toJSON()).map(([k, x]) => [k, fix(x)]));
    return v;
  };
  const table = tableFromIPC(bytes);
  return table.toArray().map((r) => fix(r) as Record<string, unknown>);
}

describe('Parquet and Arrow read identically by DuckDB and polars', () => {
  for (const n of [4095, 4096, 4097]) {
    it(`${n} structured rows (row groups and batches of 4,096): every value equals the JSONL`, async () => {
      const cfg = await writeConfig(`c${n}.json`, { writers: { parquet: { rowGroupSize: 4096 }, arrow: { batchSize: 4096 } } });
      const base = join(dir, `s${n}`);
      const sample = await runCli(['sample', '-q', '-n', String(n), '--seed', '3']);
      assert.equal(sample.code, 0, sample.stderr);
      const res = await runCli(['write', '-q', '--config', cfg, '--out', `${base}.jsonl`, '--out', `${base}.parquet`, '--out', `${base}.arrow`, '--out', `${base}.arrows`], sample.stdout);
      assert.equal(res.code, 0, res.stderr);
      const records = parseLines(await readFile(`${base}.jsonl`, 'utf8'));
      assert.equal(records.length, n);
      assert.equal(await differences(parquetOf(`${base}.parquet`), jsonOf(`${base}.jsonl`)), 0);
      assert.deepEqual(await idsOf(`${base}.parquet`), records.map((r) => r.id));
      const [[groups, maxRows]] = await query(`select count(distinct row_group_id), max(row_group_num_rows) from parquet_metadata('${base}.parquet/*.parquet')`);
      assert.deepEqual([Number(groups), Number(maxRows)], [Math.ceil(n / 4096), Math.min(n, 4096)]);
      await polarsEqual(`${base}.jsonl`, pl.readParquet(`${base}.parquet/personas-part-00000.parquet`), 'Parquet');
      await polarsEqual(`${base}.jsonl`, pl.readIPC(await readFile(`${base}.arrow`)), 'Arrow file');
      await polarsEqual(`${base}.jsonl`, pl.readIPCStream(await readFile(`${base}.arrows`)), 'Arrow stream');
      assert.deepEqual(arrowFileRecords(await readFile(`${base}.arrow`)), records);
      const rs = pw.Table.fromIPCStream(await readFile(`${base}.arrows`));
      assert.equal(rs.recordBatches().reduce((a, b) => a + b.numRows, 0), n, 'arrow-rs reads the stream');
    });
  }

  it('full personas: narratives, lists and big_five equal in Parquet, Arrow and CSV; one schema everywhere', async () => {
    const base = join(dir, 'full');
    const res = await runCli(['-q', '-n', '1200', '--seed', '9', '--out', `${base}.jsonl`, '--out', `${base}.parquet`, '--out', `${base}.feather`, '--out', `${base}.csv`]);
    assert.equal(res.code, 0, res.stderr);
    const records = parseLines(await readFile(`${base}.jsonl`, 'utf8'));
    assert.equal(await differences(parquetOf(`${base}.parquet`), jsonOf(`${base}.jsonl`)), 0);
    await polarsEqual(`${base}.jsonl`, pl.readParquet(`${base}.parquet/personas-part-00000.parquet`), 'Parquet');
    await polarsEqual(`${base}.jsonl`, pl.readIPC(await readFile(`${base}.feather`)), 'Arrow file');
    assert.deepEqual(arrowFileRecords(await readFile(`${base}.feather`)), records);
    const types = Object.fromEntries((await query(`describe ${parquetOf(`${base}.parquet`)}`)).map((r) => [r[0], r[1]]));
    assert.equal(types.age, 'BIGINT');
    assert.equal(types.skills_and_expertise_list, 'VARCHAR[]');
    assert.match(String(types.big_five), /^STRUCT\(openness STRUCT\(t_score BIGINT, "label" VARCHAR\)/);
    // Nullability: required columns, lists required too (3-level LIST); the footer says who wrote it, with a version.
    const schema = await query(`select name, repetition_type, converted_type from parquet_schema('${base}.parquet/personas-part-00000.parquet')`);
    const rep = Object.fromEntries(schema.map((r) => [r[0], r[1]]));
    assert.equal(rep.id, 'REQUIRED');
    assert.equal(rep.skills_and_expertise_list, 'REQUIRED');
    assert.equal(rep.list, 'REPEATED');
    assert.equal(rep.element, 'REQUIRED');
    assert.ok(schema.some((r) => r[0] === 'skills_and_expertise_list' && r[2] === 'LIST'));
    const [[createdBy]] = await query(`select created_by from parquet_file_metadata('${base}.parquet/personas-part-00000.parquet')`);
    assert.match(String(createdBy), /^gen-stream version \d+\.\d+\.\d+$/);
    const kv = Object.fromEntries((await query(`select decode(key), decode(value) from parquet_kv_metadata('${base}.parquet/personas-part-00000.parquet')`)).map((r) => [r[0], r[1]]));
    assert.ok(kv['ARROW:schema']);
    assert.equal(kv['gen-stream.census'], 'moldova-2024');
    assert.equal(kv['gen-stream.narrative_provider'], 'template');
    assert.match(String(kv['gen-stream.config_fingerprint']), /^[0-9a-f]{64}$/);
    // Dictionary encoding on the low-cardinality columns, ZSTD by default.
    const enc = Object.fromEntries((await query(`select path_in_schema, encodings, compression from parquet_metadata('${base}.parquet/personas-part-00000.parquet')`)).map((r) => [r[0], [r[1], r[2]]]));
    assert.match(String(enc.region[0]), /RLE_DICTIONARY/);
    assert.equal(enc.region[1], 'ZSTD');
    // Arrow file format: magic at both ends.
    const bytes = await readFile(`${base}.feather`);
    assert.equal(bytes.subarray(0, 6).toString(), 'ARROW1');
    assert.equal(bytes.subarray(bytes.length - 6).toString(), 'ARROW1');
    // CSV: lists and big_five as JSON text, read back equal.
    const csv = await query(`select id, skills_and_expertise_list, big_five, age from read_csv('${base}.csv', header=true, all_varchar=true)`);
    assert.deepEqual(
      csv,
      records.map((r) => [r.id, JSON.stringify(r.skills_and_expertise_list), JSON.stringify(r.big_five), String(r.age)]),
    );
  });

  it('250,000 rows: parts of 100,000 by default, every value equal (DuckDB, polars), memory in flat parts', async () => {
    const base = join(dir, 'big');
    const res = await runCli(['sample', '-q', '-n', '250000', '--seed', '11', '--out', `${base}.jsonl`, '--out', `${base}.parquet`]);
    assert.equal(res.code, 0, res.stderr);
    const parts = (await readdir(`${base}.parquet`)).sort();
    assert.deepEqual(parts, ['personas-part-00000.parquet', 'personas-part-00001.parquet', 'personas-part-00002.parquet']);
    assert.equal(await differences(parquetOf(`${base}.parquet`), jsonOf(`${base}.jsonl`)), 0);
    const ids = await idsOf(`${base}.parquet`);
    assert.equal(ids.length, 250_000);
    // Every JSONL line starts with {"id":"<36 characters>"
    const jsonIds = (await readFile(`${base}.jsonl`, 'utf8')).split('\n').filter(Boolean).map((l) => l.slice(7, 43));
    assert.deepEqual(ids, jsonIds);
    await polarsEqual(`${base}.jsonl`, pl.concat(parts.map((p) => pl.readParquet(join(`${base}.parquet`, p)))), 'Parquet dataset');
  });

  it('CSV: null is an empty field, the empty string "" ; writers.csv.bom starts the file with a BOM', async () => {
    const cfg = await writeConfig('bom.json', { writers: { csv: { bom: true } } });
    const out = join(dir, 'bom.csv');
    const input = [{ id: 'a', note: '', other: null }, { id: 'b', note: 'x', other: 'y' }].map((r) => JSON.stringify(r)).join('\n');
    const res = await runCli(['write', '-q', '--config', cfg, '--out', out], input);
    assert.equal(res.code, 0, res.stderr);
    const text = await readFile(out, 'utf8');
    assert.equal(text, '\ufeffid,note,other\r\na,"",\r\nb,x,y\r\n');
    // DuckDB reads "" as null unless told not to (allow_quoted_nulls=false); pandas likewise (keep_default_na=False).
    assert.deepEqual(await query(`select id, note, other from read_csv('${out}', header=true, all_varchar=true, allow_quoted_nulls=false) order by id`), [
      ['a', '', null],
      ['b', 'x', 'y'],
    ]);
  });

  it('a record that does not fit the schema is an input error naming the column', async () => {
    const out = join(dir, 'bad.parquet');
    // `n`, not a census field such as `age`: a record holding one is a census persona, checked as one (E_RECORD).
    const input = [{ id: 'a', n: 3 }, { id: 'b', n: 'old' }].map((r) => JSON.stringify(r)).join('\n');
    const res = await runCli(['write', '-q', '--out', out], input);
    assert.equal(res.code, 2, res.stderr);
    assert.match(res.stderr, /column n: expected an integer, received "old"/);
  });
});

/** Resolves once the checkpoint file says `offset` ≥ `at` (woken by the directory's change events). */
async function checkpointReaches(path: string, at: number): Promise<void> {
  const ac = new AbortController();
  const reached = async () => {
    try {
      return (JSON.parse(await readFile(path, 'utf8')) as { offset: number }).offset >= at;
    } catch {
      return false;
    }
  };
  try {
    if (await reached()) return;
    for await (const _ of watch(dirname(path), { signal: ac.signal })) if (await reached()) return;
  } finally {
    ac.abort();
  }
}

describe('Parquet parts and the spool', () => {
  it('SIGKILL inside a part after a checkpoint: --resume replays the spool, same Parquet rows, byte-identical JSONL, a whole Arrow file', { timeout: 300_000 }, async () => {
    const cfg = await writeConfig('spool.json', { checkpoint: { every: 500 }, writers: { parquet: { partRows: 1700, rowGroupSize: 600 } } });
    const sample = (await runCli(['sample', '-q', '-n', '5000', '--seed', '4'])).stdout;
    const lines = sample.split('\n').filter(Boolean);
    const ref = join(dir, 'sref');
    assert.equal((await runCli(['write', '-q', '--config', cfg, '--out', `${ref}.jsonl`, '--out', `${ref}.parquet`], sample)).code, 0);
    const out = join(dir, 'skilled');
    const args = ['write', '-q', '--config', cfg, '--out', `${out}.jsonl`, '--out', `${out}.parquet`, '--out', `${out}.arrow`];
    // Feed 3,100 records and hold stdin open: the run checkpoints at 2,500 (and 3,000 if the stages upstream pass
    // on more before waiting for input) with part 0 closed at 1,700 and part 1 open, its rows in the spool; then
    // it is killed. (Fewer lines may stay buffered upstream and never reach the 2,500 boundary.)
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    const exited = new Promise((resolve) => child.on('close', resolve));
    child.stdin.write(`${lines.slice(0, 3100).join('\n')}\n`);
    await checkpointReaches(`${out}.jsonl.checkpoint.json`, 2500);
    child.kill('SIGKILL');
    await exited;
    const names = (await readdir(`${out}.parquet`)).sort();
    assert.deepEqual(names, ['personas-part-00000.parquet', 'personas-part-00001.parquet.spool', 'personas-part-00001.parquet.tmp']);
    const resumed = await runCli([...args, '--resume'], sample);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual((await readdir(`${out}.parquet`)).sort(), ['personas-part-00000.parquet', 'personas-part-00001.parquet', 'personas-part-00002.parquet']);
    assert.ok((await readFile(`${out}.jsonl`)).equals(await readFile(`${ref}.jsonl`)), 'the resumed JSONL differs');
    assert.deepEqual(await idsOf(`${out}.parquet`), await idsOf(`${ref}.parquet`));
    assert.equal(await differences(parquetOf(`${out}.parquet`), parquetOf(`${ref}.parquet`)), 0);
    // The Arrow file was cut back to the checkpoint and continued: its footer lists the batches of both runs.
    await polarsEqual(`${out}.jsonl`, pl.readIPC(await readFile(`${out}.arrow`)), 'resumed Arrow file');
    assert.deepEqual(arrowFileRecords(await readFile(`${out}.arrow`)), parseLines(await readFile(`${out}.jsonl`, 'utf8')));
  });
});
