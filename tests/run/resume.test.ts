import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile, readdir, mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';
import { MockLlm } from '../helpers/mock-llm.js';
import { exists, runAndSignalWhen } from './resume-harness.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-resume-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Starts the CLI; kills it with `signal` after `afterMs` unless it ended first. Resolves to its exit code. */
function runAndKill(args: string[], config: string, afterMs: number, signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c));
    const timer = setTimeout(() => child.kill(signal), afterMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
    child.stdin.end(config);
  });
}

/** Runs to completion through SIGKILLs at the given moments, resuming each time. */
async function killAndResume(args: string[], config: string, delays: number[]): Promise<number> {
  let kills = 0;
  let resume = false;
  for (let attempt = 0; attempt < 40; attempt++) {
    const delay = delays[attempt] ?? 60_000;
    const { code, stderr } = await runAndKill([...args, ...(resume ? ['--resume'] : [])], config, delay);
    if (code === 0) return kills;
    // Text kept beside the code: of the E_CHECKPOINT refusals only "cannot read" (no checkpoint yet) means the
    // kill came before the first checkpoint; an empty or corrupt one after a kill is a failure to report.
    if (code === 2 && errorCode(stderr) === 'E_CHECKPOINT' && /cannot read checkpoint/.test(stderr)) {
      resume = false; // killed before the first checkpoint: nothing to resume, start again
      continue;
    }
    assert.equal(code, null, `unexpected exit ${code}: ${stderr}`);
    kills++;
    resume = true;
  }
  throw new Error('the run never completed');
}

const config = JSON.stringify({ seed: 42, checkpoint: { every: 1000 } });

describe('crash safety: SIGKILL at random moments, then --resume', () => {
  it('template narrator, 20,000 records: JSONL byte-identical, Parquet the same rows (DuckDB)', async () => {
    const ref = join(dir, 'ref');
    const refRun = await runCli(['-q', '-n', '20000', '--out', `${ref}.jsonl`, '--out', `${ref}.parquet`], config);
    assert.equal(refRun.code, 0, refRun.stderr);
    const out = join(dir, 'killed');
    const kills = await killAndResume(['-q', '-n', '20000', '--out', `${out}.jsonl`, '--out', `${out}.parquet`], config, [1200, 1700, 1400, 2100, 1600]);
    assert.ok(kills >= 3, `only ${kills} kills landed mid-run`);
    const [a, b] = await Promise.all([readFile(`${ref}.jsonl`), readFile(`${out}.jsonl`)]);
    assert.equal(a.length, b.length);
    assert.ok(a.equals(b), 'the resumed JSONL differs from the uninterrupted run');
    const ids = async (p: string) => (await query(`select id from read_parquet('${p}.parquet/*.parquet', filename=true, file_row_number=true) order by filename, file_row_number`)).map((r) => r[0]);
    const [refIds, outIds] = await Promise.all([ids(ref), ids(out)]);
    assert.equal(outIds.length, 20_000);
    assert.equal(new Set(outIds).size, 20_000, 'duplicates in the Parquet dataset');
    assert.deepEqual(outIds, refIds);
    assert.deepEqual(outIds, parseLines(b.toString('utf8')).map((r) => r.id));
  });

  it('mock LLM, 1,500 records: ids, order and structured fields as an uninterrupted run', async () => {
    const mock = new MockLlm({ medianMs: 8, sigma: 0.3 });
    const url = await mock.listen();
    try {
      const cfg = JSON.stringify({ seed: 42, checkpoint: { every: 100 }, llm: { baseUrl: url, model: 'mock', concurrency: 16, grouping: 'single' } });
      const out = join(dir, 'llm.jsonl');
      const kills = await killAndResume(['-q', '-n', '1500', '--out', out], cfg, [900, 1300, 1100]);
      assert.ok(kills >= 2, `only ${kills} kills landed mid-run`);
      const records = parseLines(await readFile(out, 'utf8'));
      const expected = parseLines((await runCli(['sample', '-q', '-n', '1500', '--seed', '42'])).stdout);
      assert.equal(records.length, 1500);
      records.forEach((r, i) => {
        for (const [k, v] of Object.entries(expected[i])) assert.deepEqual(r[k], v, `record ${i} field ${k}`);
        assert.ok(String(r.cultural_background).includes(`[ref ${String(r.name)}|`), `record ${i} narrative`);
      });
    } finally {
      await mock.close();
    }
  });

  it('mock LLM, SIGKILL inside an open Parquet part: --resume asks only for the records past the checkpoint', async () => {
    const n = 3000;
    const cfg = (url: string) => JSON.stringify({ seed: 42, checkpoint: { every: 500 }, writers: { parquet: { partRows: 1700 } }, llm: { baseUrl: url, model: 'mock', concurrency: 8, grouping: 'single' } });
    const runWith = async <T>(f: (mock: MockLlm, config: string) => Promise<T>): Promise<T> => {
      const mock = new MockLlm({ medianMs: 15, sigma: 0.2 });
      const url = await mock.listen();
      try {
        return await f(mock, cfg(url));
      } finally {
        await mock.close();
      }
    };
    const ref = join(dir, 'llm-ref');
    const refRequests = await runWith(async (mock, c) => {
      const res = await runCli(['-q', '-n', String(n), '--out', `${ref}.jsonl`, '--out', `${ref}.parquet`], c);
      assert.equal(res.code, 0, res.stderr);
      return mock.stats.requests;
    });
    assert.equal(refRequests, n, 'one request a record when nothing fails');
    const out = join(dir, 'llm-killed');
    const args = ['-q', '-n', String(n), '--out', `${out}.jsonl`, '--out', `${out}.parquet`];
    const checkpoint = `${out}.jsonl.checkpoint.json`;
    const offsetOf = async () => (JSON.parse(await readFile(checkpoint, 'utf8')) as { offset: number; complete: boolean });
    // Killed once the checkpoint is past the first part (closed at the first batch past 1,700 rows, 2,000): part 1 open, its rows in the spool.
    const killed = await runWith((_, c) => runAndSignalWhen(args, c, () => offsetOf().then((cp) => cp.offset >= 2500, () => false), 'SIGKILL'));
    assert.equal(killed.code, null, killed.stderr);
    const cp = await offsetOf();
    assert.equal(cp.complete, false);
    const names = await readdir(`${out}.parquet`);
    assert.ok(names.some((f) => f.endsWith('part-00000.parquet')) && names.some((f) => f.endsWith('.spool')), `parts at the kill: ${names.join(', ')}`);
    const resumedRequests = await runWith(async (mock, c) => {
      const res = await runCli([...args, '--resume'], c);
      assert.equal(res.code, 0, res.stderr);
      return mock.stats.requests;
    });
    assert.equal(resumedRequests, n - cp.offset, `checkpoint at ${cp.offset}: the resume asked for ${resumedRequests} narratives`);
    assert.ok((await readFile(`${out}.jsonl`)).equals(await readFile(`${ref}.jsonl`)), 'the resumed JSONL differs from the uninterrupted run');
    const rows = (p: string) => query(`select * exclude (filename, file_row_number) from read_parquet('${p}.parquet/*.parquet', filename=true, file_row_number=true) order by filename, file_row_number`);
    const [a, b] = await Promise.all([rows(ref), rows(out)]);
    assert.equal(b.length, n);
    assert.deepEqual(b, a);
  });

  it('SIGINT drains, checkpoints, exits 130; the resume completes the same output', async () => {
    const ref = await runCli(['-q', '-n', '15000'], config);
    const out = join(dir, 'int.jsonl');
    const first = await runAndSignalWhen(['-q', '-n', '15000', '--out', out], config, () => exists(`${out}.checkpoint.json`), 'SIGINT');
    assert.equal(first.code, 130, first.stderr);
    const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8'));
    assert.equal(cp.complete, false);
    assert.ok(cp.offset > 0 && cp.offset < 15000, `offset ${cp.offset}`);
    assert.equal(parseLines(await readFile(out, 'utf8')).length, cp.written, 'the checkpoint matches the output after a drain');
    const second = await runCli(['-q', '-n', '15000', '--out', out, '--resume'], config);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(await readFile(out, 'utf8'), ref.stdout);
  });

  it('refuses a changed config (unless --force), an empty, corrupt or ahead-of-data checkpoint', async () => {
    const out = join(dir, 'refuse.jsonl');
    const first = await runAndSignalWhen(['-q', '-n', '15000', '--out', out], config, () => exists(`${out}.checkpoint.json`), 'SIGINT');
    assert.equal(first.code, 130, first.stderr);
    const saved = await readFile(`${out}.checkpoint.json`, 'utf8');
    const other = await runCli(['-q', '-n', '15000', '--out', out, '--resume', '--seed', '7'], config);
    assert.equal(other.code, 2);
    assert.equal(errorCode(other.stderr), 'E_CHECKPOINT');
    for (const content of ['', '{"version":1,', '{"version":1}']) {
      await writeFile(`${out}.checkpoint.json`, content);
      const res = await runCli(['-q', '-n', '15000', '--out', out, '--resume'], config);
      assert.equal(res.code, 2, content);
      assert.equal(errorCode(res.stderr), 'E_CHECKPOINT', content);
    }
    await writeFile(`${out}.checkpoint.json`, saved);
    const cp = JSON.parse(saved);
    await truncate(out, cp.outputs[0].bytes - 10);
    const ahead = await runCli(['-q', '-n', '15000', '--out', out, '--resume'], config);
    assert.equal(ahead.code, 2);
    assert.equal(errorCode(ahead.stderr), 'E_CHECKPOINT');
    const missing = await runCli(['-q', '-n', '100', '--out', join(dir, 'none.jsonl'), '--resume'], config);
    assert.equal(missing.code, 2);
    assert.equal(errorCode(missing.stderr), 'E_CHECKPOINT');
  });

  it('--start-offset N emits records from N on, identical to the tail of a full run', async () => {
    const full = parseLines((await runCli(['sample', '-q', '-n', '3000'], config)).stdout);
    const tail = parseLines((await runCli(['sample', '-q', '-n', '3000', '--start-offset', '1234'], config)).stdout);
    assert.deepEqual(tail, full.slice(1234));
    const narrated = await runCli(['-q', '-n', '300'], config);
    const piped = await runCli(['narrate', '-q', '--start-offset', '120'], (await runCli(['sample', '-q', '-n', '300'], config)).stdout);
    assert.deepEqual(parseLines(piped.stdout), parseLines(narrated.stdout).slice(120));
  });
});
