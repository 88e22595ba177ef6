import { UsageError } from '../errors.js';

/** One shard of a run: this process takes part `index` (0-based) of `count`. */
export interface Shard {
  index: number;
  count: number;
  /** Where the shard came from, for messages: `--shard`, or the environment variables read. */
  source: string;
}

const integer = (raw: string | undefined): number | null => (raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null);

function checked(index: number | null, count: number | null, source: string): Shard {
  if (count === null || count < 1) throw new UsageError(`${source}: the shard count must be an integer >= 1`);
  if (index === null || index >= count) throw new UsageError(`${source}: the shard index must be an integer from 0 to ${count - 1}`);
  return { index, count, source };
}

/**
 * The shard of this process: `--shard i/n`; else a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with the
 * count in GEN_STREAM_SHARDS: Kubernetes does not expose `completions` to the pod); else a Slurm array job
 * (SLURM_ARRAY_TASK_ID from SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT tasks); else none.
 */
export function resolveShard(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Shard | null {
  if (flag !== undefined) {
    const m = /^(\d+)\/(\d+)$/.exec(flag.trim());
    if (!m) throw new UsageError(`--shard: expected i/n such as 0/4, received "${flag}"`);
    return checked(Number(m[1]), Number(m[2]), '--shard');
  }
  if (env.JOB_COMPLETION_INDEX !== undefined) {
    if (env.GEN_STREAM_SHARDS === undefined) throw new UsageError('JOB_COMPLETION_INDEX is set (a Kubernetes Indexed Job): set GEN_STREAM_SHARDS to the number of completions too');
    return checked(integer(env.JOB_COMPLETION_INDEX), integer(env.GEN_STREAM_SHARDS), 'JOB_COMPLETION_INDEX/GEN_STREAM_SHARDS');
  }
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    const id = integer(env.SLURM_ARRAY_TASK_ID);
    const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : integer(env.SLURM_ARRAY_TASK_MIN);
    const source = 'SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT';
    if (id === null || min === null) throw new UsageError(`${source}: not integers`);
    // `--array=1-8` numbers tasks from 1; a stepped or sparse array (1-8:2, 1,5,7) cannot be mapped to 0..n-1.
    if (env.SLURM_ARRAY_TASK_STEP !== undefined && integer(env.SLURM_ARRAY_TASK_STEP) !== 1) throw new UsageError(`${source}: use a contiguous array (--array=0-N), not a stepped one`);
    return checked(id - min, integer(env.SLURM_ARRAY_TASK_COUNT), source);
  }
  return null;
}

/** The index range [lo, hi) of a shard: contiguous blocks differing in size by at most one record. */
export function shardRange(shard: Shard, total: number): [number, number] {
  return [Math.floor((shard.index * total) / shard.count), Math.floor(((shard.index + 1) * total) / shard.count)];
}

/** `shard-00002-of-00004`: in the names of everything a shard writes, so shards never touch each other's files. */
export function shardTag(shard: Shard): string {
  return `shard-${String(shard.index).padStart(5, '0')}-of-${String(shard.count).padStart(5, '0')}`;
}

/** A file output of a shard: the tag before the extension (`out/p.jsonl` → `out/p.shard-00002-of-00004.jsonl`). */
export function shardPath(path: string, tag: string): string {
  const m = /^(.*?)(\.[A-Za-z0-9]+)$/.exec(path);
  return m && !m[1].endsWith('/') ? `${m[1]}.${tag}${m[2]}` : `${path}.${tag}`;
}
