/**
 * The removed-ids file belongs to the dedup stage: opened once the runner's refusals passed, appended a batch at
 * a time and awaited, closed or aborted with the stage. Regressions: `dedup --out x.parquet` crashed with EBADF
 * (removed ids still queued when the file was closed under a failed run), and the collision check ran twice.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-dedup-removed-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** n records whose texts repeat every `distinct` records (so most are exact duplicates); `change` overrides record `at`. */
function records(n: number, distinct: number, at = 0, change: Record<string, unknown> = {}): string {
  const out = Array.from({ length: n }, (_, i) => ({ id: `r${i}`, persona: `text ${i % distinct} about the same things`, x: 1 }));
  Object.assign(out[at], change);
  return `${out.map((r) => JSON.stringify(r)).join('\n')}\n`;
}

describe('dedup: the removed-ids file', () => {
  it('dedup --out x.parquet: kept rows in the dataset, removed ids beside it, kept + removed = read', async () => {
    const out = join(dir, 'x.parquet');
    const res = await runCli(['dedup', '-q', '--out', out], records(3000, 700));
    assert.equal(res.code, 0, res.stderr);
    const removed = parseLines(await readFile(`${out}.dedup.removed.jsonl`, 'utf8'));
    const [[rows]] = await query(`select count(*) from read_parquet('${out}/*.parquet')`);
    assert.equal(Number(rows), 700);
    assert.equal(Number(rows) + removed.length, 3000);
  });

  it('a record the Parquet output refuses after many removals: exit 2 (E_INPUT), not a crash on a closed file', async () => {
    const out = join(dir, 'bad.parquet');
    // Record 1,000 is new text (kept) whose x does not fit the int64 column the first record fixed; the dedup
    // stage runs batches ahead of the writer, so removals after it were still queued when the run failed.
    const res = await runCli(['dedup', '-q', '--out', out], records(6000, 700, 1000, { persona: 'a text of its own', x: 'a' }));
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_INPUT');
    // Every removal before the failing record is in the file: appended and awaited batch by batch.
    const removed = parseLines(await readFile(`${out}.dedup.removed.jsonl`, 'utf8'));
    assert.ok(removed.length >= 300, `${removed.length} removed ids`);
  });

  it('a dedup run refused before it starts leaves an earlier removed-ids file byte for byte', async () => {
    const out = join(dir, 'foreign.parquet');
    await mkdir(out);
    await writeFile(join(out, 'precious.parquet'), 'not ours');
    const removedPath = join(dir, 'kept-removed.jsonl');
    await writeFile(removedPath, 'EARLIER RUN\n');
    const res = await runCli(['dedup', '-q', '--out', out, '--removed', removedPath], records(10, 5));
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
    assert.equal(await readFile(removedPath, 'utf8'), 'EARLIER RUN\n');
    assert.equal(await readFile(join(out, 'precious.parquet'), 'utf8'), 'not ours');
  });
});
