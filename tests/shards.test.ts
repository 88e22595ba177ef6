import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.js';
import { resolveShard, shardPath, shardRange } from '../src/shard.js';
import { BIN, parseLines, runCli } from './helpers/cli.js';
import { query } from './helpers/duckdb.js';

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
    for (let i = 0; i < 4; i++) assert.ok(parts.some((p) => p.startsWith(`shard-0000${i}-of-00004-part-`)), `parts of shard ${i}`);

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
    const wrong = await runCli(['--config', config, '--out', ds, '--out', jsonl, '--shard', '0/2', '--resume', '--checkpoint', `${ds}.shard-00001-of-00002.checkpoint.json`]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /E_CHECKPOINT/);
  });

  it('the deploy/ Kubernetes ConfigMap holds a valid config, and the Slurm script passes bash -n', async () => {
    const manifest = await readFile(new URL('../../deploy/kubernetes/indexed-job.yaml', import.meta.url), 'utf8');
    const block = /config\.json: \|\n((?: {4}.*\n)+)/.exec(manifest);
    assert.ok(block, 'config.json block');
    const text = block[1].replace(/^ {4}/gm, '');
    loadConfig(JSON.parse(text), 'indexed-job.yaml');
    const completions = /completions: (\d+)/.exec(manifest)?.[1];
    assert.equal(/GEN_STREAM_SHARDS\n\s+value: "(\d+)"/.exec(manifest)?.[1], completions, 'GEN_STREAM_SHARDS = completions');
    const bashCheck = spawnSync('bash', ['-n', fileURLToPath(new URL('../../deploy/slurm/gen-stream.sbatch', import.meta.url))]);
    assert.equal(bashCheck.status, 0, String(bashCheck.stderr));
  });

  it('reads --shard, Kubernetes and Slurm variables, and refuses bad ones', () => {
    assert.deepEqual(resolveShard('2/4', {}), { index: 2, count: 4, source: '--shard' });
    assert.equal(resolveShard(undefined, {}), null);
    assert.equal(resolveShard(undefined, { JOB_COMPLETION_INDEX: '3', GEN_STREAM_SHARDS: '8' })?.index, 3);
    assert.equal(resolveShard(undefined, { SLURM_ARRAY_TASK_ID: '5', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' })?.index, 4);
    assert.throws(() => resolveShard('4/4', {}), /index must be an integer from 0 to 3/);
    assert.throws(() => resolveShard('1-4', {}), /expected i\/n/);
    assert.throws(() => resolveShard(undefined, { JOB_COMPLETION_INDEX: '0' }), /GEN_STREAM_SHARDS/);
    assert.throws(() => resolveShard(undefined, { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_STEP: '2' }), /contiguous/);
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
