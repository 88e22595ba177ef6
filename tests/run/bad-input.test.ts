import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-bad-input-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('bad input: nothing half-written, every line accounted for', () => {
  it('a bad line mid-stream stops the run at a checkpoint (exit 2, E_INPUT); fixed and --resume-d, the output is whole', async () => {
    const records = (await runCli(['sample', '-q', '-n', '4000'])).stdout;
    const lines = records.split('\n').filter(Boolean);
    const bad = `${lines.slice(0, 3000).join('\n')}\ngarbage{\n${lines.slice(3000).join('\n')}\n`;
    const out = join(dir, 'lb');
    const args = ['write', '-q', '-o', `${out}.jsonl`, '-o', `${out}.parquet`];
    const first = await runCli(args, bad);
    assert.equal(first.code, 2, first.stderr);
    assert.equal(errorCode(first.stderr), 'E_INPUT');
    const cp = JSON.parse(await readFile(`${out}.jsonl.checkpoint.json`, 'utf8'));
    assert.equal(cp.complete, false);
    // What was written is exactly the records before the bad line, from the first on, once; no stray part.
    const written = parseLines(await readFile(`${out}.jsonl`, 'utf8'));
    assert.equal(written.length, cp.written);
    assert.ok(cp.written > 0 && cp.written <= 3000, `written ${cp.written}`);
    assert.deepEqual(written, parseLines(lines.slice(0, cp.written).join('\n')));
    assert.deepEqual((await readdir(`${out}.parquet`)).filter((f) => /\.(tmp|spool)$/.test(f)), []);
    const [[rows]] = await query(`select count(*) from read_parquet('${out}.parquet/*.parquet')`);
    assert.equal(Number(rows), cp.written);
    // The line fixed (here: removed), the same command with --resume completes it.
    const resumed = await runCli([...args, '--resume'], records);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(await readFile(`${out}.jsonl`, 'utf8'), records);
    const ids = await query(`select id from read_parquet('${out}.parquet/*.parquet', filename=true, file_row_number=true) order by filename, file_row_number`);
    assert.deepEqual(ids.map((r) => r[0]), parseLines(records).map((r) => r.id));
  });

  it('an output that cannot be written is found before any is opened: the other output keeps its old content', async () => {
    const kept = join(dir, 'k.jsonl');
    await writeFile(kept, 'PRECIOUS\n');
    const res = await runCli(['-q', '-n', '5', '-o', kept, '-o', '/proc/nonexistent/dir/p.csv']);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_IO');
    assert.equal(await readFile(kept, 'utf8'), 'PRECIOUS\n');
    assert.deepEqual((await readdir(dir)).filter((f) => f.startsWith('k.jsonl')), ['k.jsonl']);
  });
});
