/**
 * Every path a run derives from its outputs, in one place: checkpoint, failure file, metadata sidecars, the
 * Persona Hub domain table, dedup's removed-ids file, a retry's failure file. All of them start from one base:
 * the first file output, with the shard tag when a shard's outputs do not carry it already (a Parquet dataset
 * directory is shared by shards); `gen-stream` when the run writes only to stdout.
 */
import type { Config } from '../config.js';
import { formatOf } from '../io/formats.js';
import { fileOutputs } from './outputs.js';
import { type Shard, shardPath, shardTag } from './shard.js';

/** What the derived paths depend on: the flags that name them, the shard, the kind of records. */
export interface ArtifactOptions {
  checkpointPath?: string;
  failedPath?: string;
  shard?: Shard | null;
  family?: DatasetFamily;
}

/**
 * The name the run's own files are derived from, or null for an unsharded run to stdout only: the first file
 * output (for a Parquet dataset directory, which several kinds of records may share, with the family), with
 * the shard tag when the output does not carry it already.
 */
function artifactBase(config: Config, tag: string | null, family: DatasetFamily): string | null {
  const out = fileOutputs(config)[0];
  if (!out) return tag ? `gen-stream.${tag}` : null;
  const first = out.replace(/\/+$/, '') + (formatOf(out, config.format) === 'parquet' ? `.${family}` : '');
  return tag && !first.includes(tag) ? `${first}.${tag}` : first;
}

/** Every path a run derives, from its config and options. */
export function artifactsOf(config: Config, options: ArtifactOptions) {
  const tag = options.shard ? shardTag(options.shard) : null;
  const family = options.family ?? 'personas';
  const base = artifactBase(config, tag, family);
  const named = base ?? 'gen-stream';
  const checkpoint = options.checkpointPath ?? (config.checkpoint.path ? (tag ? shardPath(config.checkpoint.path, tag) : config.checkpoint.path) : fileOutputs(config).length ? `${base}.checkpoint.json` : null);
  return {
    /** `--checkpoint`, else `checkpoint.path` (tagged for a shard), else `<base>.checkpoint.json`; null without file outputs. */
    checkpoint,
    /** `--failed`, else `<base>.failed.jsonl`. */
    failures: options.failedPath ?? `${named}.failed.jsonl`,
    /** The Persona Hub domain table. */
    domainTable: `${named}.domains.json`,
    /** dedup's removed ids (`--removed` overrides). */
    removed: `${named}.removed.jsonl`,
    /** The part-name prefix of the run's Parquet parts. */
    partPrefix: partPrefixOf(family, tag),
    /** The metadata sidecar of one output. */
    meta: (output: string) => metaPathOf(output, formatOf(output, config.format) === 'parquet' ? family : null),
  };
}

/** The failure file of a `--retry-failed FILE` run: new failures go beside the old ones, not over them. */
export const retryFailuresPathOf = (retryFailed: string): string => `${retryFailed}.retry.jsonl`;

/**
 * The metadata sidecar written beside one output: `<file>.meta.json`; for a Parquet dataset directory, which
 * several kinds of data may share (text-to-persona and persona-to-persona side by side), one per kind:
 * `<dir>.<family>.meta.json`.
 */
export const metaPathOf = (output: string, family: DatasetFamily | null): string => `${output.replace(/\/+$/, '')}${family ? `.${family}` : ''}.meta.json`;

/** What kind of records a run writes; Parquet part names and dataset sidecars carry it. */
export type DatasetFamily = 'personas' | 'dedup' | 'text-to-persona' | 'persona-to-persona' | 'judge';

/** The part-name prefix of a run's Parquet parts: its family, and its shard. */
export const partPrefixOf = (family: DatasetFamily, tag: string | null): string => `${family}-${tag ? `${tag}-` : ''}`;

/** Names gen-stream gives the files it writes inside a Parquet dataset directory (parts, their spools and a resume's recovered rows, of any family and shard). */
export const OWN_PART = /^(personas|dedup|text-to-persona|persona-to-persona|judge)-(shard-\d{5}-of-\d{5}-)?(part-\d{5}\.parquet(\.tmp|\.spool)?|resume\.recover(\.tmp)?)$/;

