import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.js';
import { resolveShard, shardPath, shardRange } from '../../src/run/shard.js';
import { BIN, errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-shards-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** One shard as its own process, told its place only by the environment, as a job array would. */
function runShard(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('shards', () => {
  it('4 shard processes write one dataset: N unique rows, the single run’s id set, every marginal within 0.2 points', async () => {
    const N = 100_000;
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ count: N, seed: 5, narrative: { enabled: false }, checkpoint: { every: 25_000 }, validate: { maxMarginalPoints: 0.2 } }));
    const ds = join(dir, 'personas.parquet');
    // Two shards as a Kubernetes Indexed Job would start them, two as a Slurm array numbered from 1.
    const envs: Array<Record<string, string>> = [
      { JOB_COMPLETION_INDEX: '0', GEN_STREAM_SHARDS: '4' },
      { JOB_COMPLETION_INDEX: '1', GEN_STREAM_SHARDS: '4' },
      { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' },
      { SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' },
    ];
    const results = await Promise.all(envs.map((env) => runShard(['--config', config, '--out', ds, '-q'], env)));
    for (const r of results) assert.equal(r.code, 0, r.stderr);
    const parts = (await readdir(ds)).sort();
    for (let i = 0; i < 4; i++) assert.ok(parts.some((p) => p.startsWith(`personas-shard-0000${i}-of-00004-part-`)), `parts of shard ${i}`);

    const [[rows, unique]] = (await query(`SELECT count(*)::INTEGER, count(DISTINCT id)::INTEGER FROM read_parquet('${ds}/*.parquet')`)) as [[number, number]];
    assert.equal(rows, N);
    assert.equal(unique, N);
    const single = await runCli(['sample', '--config', config, '-q']);
    assert.equal(single.code, 0);
    const singleIds = join(dir, 'single-ids.csv');
    await writeFile(singleIds, `id\n${parseLines(single.stdout).map((r) => r.id).join('\n')}\n`);
    const [[missing, extra]] = (await query(
      `SELECT (SELECT count(*) FROM read_csv('${singleIds}') s WHERE s.id NOT IN (SELECT id FROM read_parquet('${ds}/*.parquet')))::INTEGER,
              (SELECT count(*) FROM read_parquet('${ds}/*.parquet') p WHERE p.id NOT IN (SELECT id FROM read_csv('${singleIds}')))::INTEGER`,
    )) as [[number, number]];
    assert.deepEqual([missing, extra], [0, 0], 'the same id set as one process');

    const report = join(dir, 'report');
    const validated = await runCli(['validate', ds, '--config', config, '--report', report, '-q']);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8')) as { records: number; marginals: Array<{ attribute: string; worst: number }> };
    assert.equal(stats.records, N);
    const worst = Math.max(...stats.marginals.map((m) => Math.abs(m.worst)));
    assert.ok(worst <= 0.2, `worst marginal ${worst} points`);
    assert.equal(validated.code, 0, validated.stderr);
  });

  it('a shard resumes on its own after a crash and leaves the other shards’ parts alone', async () => {
    const config = join(dir, 'resume-config.json');
    await writeFile(config, JSON.stringify({ count: 4000, seed: 9, narrative: { enabled: false }, checkpoint: { every: 500 } }));
    const ds = join(dir, 'resume.parquet');
    const jsonl = join(dir, 'resume.jsonl');
    // --continue, as a job engine's restart would run it: no checkpoint yet, so a fresh run.
    for (const i of [0, 1]) assert.equal((await runCli(['--config', config, '--out', ds, '--out', jsonl, '--shard', `${i}/2`, '--continue', '-q'])).code, 0);
    const before = (await readdir(ds)).sort();
    const shard1 = await readFile(shardPath(jsonl, 'shard-00001-of-00002'), 'utf8');
    // Shard 1 runs again from scratch, then resumes a complete checkpoint: shard 0's parts are untouched.
    assert.equal((await runCli(['--config', config, '--out', ds, '--out', jsonl, '--shard', '1/2', '-q'])).code, 0);
    assert.deepEqual((await readdir(ds)).sort(), before);
    assert.equal(await readFile(shardPath(jsonl, 'shard-00001-of-00002'), 'utf8'), shard1, 'a shard is deterministic');
    for (const flag of ['--resume', '--continue']) {
      const resumed = await runCli(['--config', config, '--out', ds, '--out', jsonl, '--shard', '1/2', flag]);
      assert.equal(resumed.code, 0);
      assert.match(resumed.stderr, /nothing to resume/);
    }
    // Another shard's checkpoint is refused.
    const wrong = await runCli(['--config', config, '--out', ds, '--out', jsonl, '--shard', '0/2', '--resume', '--checkpoint', `${ds}.personas.shard-00001-of-00002.checkpoint.json`]);
    assert.equal(wrong.code, 2);
    assert.equal(errorCode(wrong.stderr), 'E_CHECKPOINT');
  });

  it('the deploy/ Kubernetes ConfigMap holds a valid config, and the Slurm script passes bash -n', async () => {
    const manifest = await readFile(new URL('../../../deploy/kubernetes/indexed-job.yaml', import.meta.url), 'utf8');
    const block = /config\.json: \|\n((?: {4}.*\n)+)/.exec(manifest);
    assert.ok(block, 'config.json block');
    const text = block[1].replace(/^ {4}/gm, '');
    loadConfig(JSON.parse(text), 'indexed-job.yaml');
    const completions = /completions: (\d+)/.exec(manifest)?.[1];
    assert.equal(/GEN_STREAM_SHARDS\n\s+value: "(\d+)"/.exec(manifest)?.[1], completions, 'GEN_STREAM_SHARDS = completions');
    const bashCheck = spawnSync('bash', ['-n', fileURLToPath(new URL('../../../deploy/slurm/gen-stream.sbatch', import.meta.url))]);
    assert.equal(bashCheck.status, 0, String(bashCheck.stderr));
  });

  it('reads --shard, Kubernetes and Slurm variables, and refuses bad ones', () => {
    assert.deepEqual(resolveShard('2/4', {}), { index: 2, count: 4, source: '--shard' });
    assert.equal(resolveShard(undefined, {}), null);
    assert.equal(resolveShard(undefined, { JOB_COMPLETION_INDEX: '3', GEN_STREAM_SHARDS: '8' })?.index, 3);
    assert.equal(resolveShard(undefined, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' })?.index, 4);
    assert.throws(() => resolveShard('4/4', {}), { code: 'E_USAGE' });
    assert.throws(() => resolveShard('1-4', {}), { code: 'E_USAGE' });
    assert.throws(() => resolveShard(undefined, { JOB_COMPLETION_INDEX: '0' }), { code: 'E_USAGE' });
    assert.throws(() => resolveShard(undefined, { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_STEP: '2' }), { code: 'E_USAGE' });
    // Ranges tile the index space exactly.
    let next = 0;
    for (let i = 0; i < 7; i++) {
      const [lo, hi] = shardRange({ index: i, count: 7, source: '' }, 100);
      assert.equal(lo, next);
      next = hi;
    }
    assert.equal(next, 100);
    assert.equal(shardPath('out/p.jsonl', 't'), 'out/p.t.jsonl');
  });
});

describe('shards of the stream commands (every n-th input record)', () => {
  /** Runs `args` against one mock server: a single process, then `n` shard processes at once. */
  async function singleAndShards(command: string, config: Record<string, unknown>, args: (out: string) => string[], n: number, env: Record<string, string> = {}) {
    const { MockLlm } = await import('../helpers/mock-llm.js');
    const mock = new MockLlm();
    const url = await mock.listen();
    try {
      const path = join(dir, `${command}-config.json`);
      await writeFile(path, JSON.stringify({ ...config, llm: { model: 'mock', baseUrl: url, concurrency: 4 } }));
      const single = join(dir, `${command}-single.jsonl`);
      const one = await runCli([command, '--config', path, '-q', ...args(single)], undefined, env);
      assert.equal(one.code, 0, one.stderr);
      const out = join(dir, `${command}-sharded.jsonl`);
      const shards = await Promise.all(
        Array.from({ length: n }, (_, i) => runShard([command, '--config', path, '-q', '--shard', `${i}/${n}`, ...args(out)], env)),
      );
      for (const s of shards) assert.equal(s.code, 0, s.stderr);
      return { single, out };
    } finally {
      await mock.close();
    }
  }

  it('text-to-persona in 3 shards: the union is the one-process run, record for record, in JSONL and in one Parquet dataset', async () => {
    const corpus = fileURLToPath(new URL('../../../fixtures/india-corpus.jsonl', import.meta.url));
    const ds = join(dir, 't2p-sharded.parquet');
    const { single, out } = await singleAndShards('text-to-persona', { seed: 3 }, (o) => ['--input', corpus, '--out', o, ...(o.includes('sharded') ? ['--out', ds] : [])], 3);
    const whole = parseLines(await readFile(single, 'utf8'));
    assert.equal(whole.length, 250);
    const parts = await Promise.all([0, 1, 2].map(async (i) => parseLines(await readFile(shardPath(out, `shard-0000${i}-of-00003`), 'utf8'))));
    // Shard i took corpus lines i, i+3, i+6, …: its records are exactly those of the single run, in order.
    for (const [i, part] of parts.entries()) assert.deepEqual(part, whole.filter((_, k) => k % 3 === i));
    assert.deepEqual(await query(`SELECT count(*)::INTEGER, count(DISTINCT id)::INTEGER FROM '${ds}/*.parquet'`), [[250, 250]]);
    // Each shard has its own domain table; together they count the single run's domains.
    const tables = await Promise.all([0, 1, 2].map(async (i) => JSON.parse(await readFile(`${shardPath(out, `shard-0000${i}-of-00003`)}.domains.json`, 'utf8')) as { records: number }));
    assert.equal(tables.reduce((s, t) => s + t.records, 0), 250);
  });

  it('narrate takes --shard but not job-array variables (a stage of `sample | narrate` must not split again)', async () => {
    const input = join(dir, 'narrate-input.jsonl');
    const sample = await runCli(['sample', '-n', '40', '--seed', '2', '-q']);
    await writeFile(input, sample.stdout);
    const env = { JOB_COMPLETION_INDEX: '1', GEN_STREAM_SHARDS: '4' };
    const { single, out } = await singleAndShards('narrate', { seed: 2, narrative: { language: 'en' } }, (o) => ['--input', input, '--out', o], 2, env);
    const whole = parseLines(await readFile(single, 'utf8'));
    assert.equal(whole.length, 40, 'the job-array variables did not shard narrate');
    const union = (await Promise.all([0, 1].map(async (i) => parseLines(await readFile(shardPath(out, `shard-0000${i}-of-00002`), 'utf8'))))).flat();
    assert.deepEqual(union.map((r) => r.id).sort(), whole.map((r) => r.id).sort());
    assert.deepEqual(union.sort((a, b) => String(a.id).localeCompare(String(b.id))), whole.sort((a, b) => String(a.id).localeCompare(String(b.id))));
  });
});
