/**
 * gen-stream judge against the loopback mock: one rubric row per narrated record, keyed by id, in input order,
 * in every output format; records it cannot score go to the failure file; rows + failures = records in.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { JUDGE_CRITERIA } from '../../src/prompts/judge.js';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';
import { type MockOptions, MockLlm } from '../helpers/mock-llm.js';

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-judge-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function judge(input: string, outs: string[], mockOptions: Partial<MockOptions> = {}) {
  const mock = new MockLlm(mockOptions);
  const url = await mock.listen();
  try {
    const config = join(dir, `judge-${Math.random().toString(36).slice(2)}.json`);
    await writeFile(config, JSON.stringify({ llm: { baseUrl: url, model: 'mock-judge', concurrency: 8, retryBaseMs: 5, retryMaxMs: 50 } }));
    const res = await runCli(['judge', '--config', config, '-q', '--input', input, ...outs.flatMap((o) => ['--out', o])]);
    return { ...res, requests: mock.stats.requests };
  } finally {
    await mock.close();
  }
}

describe('gen-stream judge', () => {
  it('scores every narrated record 1-5 with a reason per criterion, keyed by id in input order, JSONL and Parquet alike', async () => {
    const personas = join(dir, 'narrated.jsonl');
    assert.equal((await runCli(['-q', '-n', '40', '--out', personas])).code, 0);
    const records = parseLines(await readFile(personas, 'utf8'));
    const res = await judge(personas, [join(dir, 'scores.jsonl'), join(dir, 'scores.parquet')], { rateInvalidJson: 0.2 });
    assert.equal(res.code, 0, res.stderr);
    const rows = parseLines(await readFile(join(dir, 'scores.jsonl'), 'utf8'));
    assert.deepEqual(rows.map((r) => r.id), records.map((r) => r.id));
    for (const row of rows) {
      assert.equal(row.judge_model, 'mock-judge');
      for (const { name } of JUDGE_CRITERIA) {
        assert.ok(Number.isInteger(row[name]) && Number(row[name]) >= 1 && Number(row[name]) <= 5, `${name}: ${String(row[name])}`);
        assert.ok(String(row[`${name}_reason`]).length > 0);
      }
    }
    // Invalid answers were asked again (more requests than records), and none was lost.
    assert.ok(res.requests > records.length);
    const parquet = await query(`SELECT id, coherence, language_correctness_reason FROM read_parquet('${join(dir, 'scores.parquet')}/*.parquet') ORDER BY id`);
    const expected = [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id))).map((r) => [r.id, BigInt(Number(r.coherence)), r.language_correctness_reason]);
    assert.deepEqual(parquet, expected);
  });

  it('validate --judge summarises the side file: means and 1-5 distributions per criterion in stats.json, stats.md and report.html', async () => {
    const report = join(dir, 'judged-report');
    const res = await runCli(['validate', join(dir, 'narrated.jsonl'), '--judge', join(dir, 'scores.parquet'), '--report', report]);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /^judge {2}40 rows, mean coherence \d\.\d\d/m);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8'));
    assert.equal(stats.judge.rows, 40);
    const rows = parseLines(await readFile(join(dir, 'scores.jsonl'), 'utf8'));
    for (const c of stats.judge.criteria) {
      const scores = rows.map((r) => Number(r[c.criterion]));
      assert.equal(c.scored, 40);
      assert.ok(Math.abs(c.mean - scores.reduce((a, b) => a + b, 0) / 40) < 1e-9);
      assert.deepEqual(c.distribution, [1, 2, 3, 4, 5].map((k) => scores.filter((s) => s === k).length));
    }
    assert.match(await readFile(join(report, 'stats.md'), 'utf8'), /## LLM judge/);
    assert.match(await readFile(join(report, 'report.html'), 'utf8'), /<h2>LLM judge<\/h2>/);
  });

  it('records it cannot score (no narratives, no id) go to the failure file with E_INPUT: rows + failures = records in', async () => {
    const mixed = join(dir, 'mixed.jsonl');
    const narrated = parseLines((await runCli(['-q', '-n', '6'])).stdout);
    const bare = parseLines((await runCli(['sample', '-q', '-n', '3', '--seed', '5'])).stdout);
    const { id: _id, ...noId } = narrated[5];
    const lines = [...narrated.slice(0, 5), ...bare, noId];
    await writeFile(mixed, lines.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const out = join(dir, 'mixed-scores.jsonl');
    const res = await judge(mixed, [out]);
    // 4 of 9 failed: under llm.maxFailureRate (0.5), so the run itself succeeds.
    assert.equal(res.code, 0, res.stderr);
    const rows = parseLines(await readFile(out, 'utf8'));
    const failures = parseLines(await readFile(`${out}.failed.jsonl`, 'utf8'));
    assert.equal(rows.length + failures.length, lines.length);
    assert.deepEqual(rows.map((r) => r.id), narrated.slice(0, 5).map((r) => r.id));
    assert.deepEqual(failures.map((f) => (f.error as { code: string }).code), ['E_INPUT', 'E_INPUT', 'E_INPUT', 'E_INPUT']);
  });

  it('without an llm block it is refused, nothing written', async () => {
    const res = await runCli(['judge', '-q', '--input', join(dir, 'narrated.jsonl'), '--out', join(dir, 'never.jsonl')], '{}');
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
    await assert.rejects(readFile(join(dir, 'never.jsonl')));
  });
});
