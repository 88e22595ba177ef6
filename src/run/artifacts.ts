/**
 * Every path a run derives from its outputs, in one place: checkpoint, failure file, metadata sidecars, the
 * Persona Hub domain table, dedup's removed-ids file, a retry's failure file. All of them start from one base:
 * the first file output, with the shard tag when a shard's outputs do not carry it already (a Parquet dataset
 * directory is shared by shards); `gen-stream` when the run writes only to stdout.
 */
import type { Config } from '../config.js';
import { fileOutputs } from './outputs.js';
import { shardPath } from './shard.js';

/** The name the run's own files are derived from, or null for an unsharded run to stdout only. */
export function artifactBase(config: Config, tag: string | null): string | null {
  const first = fileOutputs(config)[0]?.replace(/\/+$/, '');
  if (!first) return tag ? `gen-stream.${tag}` : null;
  return tag && !first.includes(tag) ? `${first}.${tag}` : first;
}

const baseOrDefault = (config: Config, tag: string | null): string => artifactBase(config, tag) ?? 'gen-stream';

/** `--checkpoint`, else `checkpoint.path` (tagged for a shard), else `<base>.checkpoint.json`; null without file outputs. */
export function checkpointPathOf(config: Config, flag: string | undefined, tag: string | null = null): string | null {
  if (flag) return flag;
  if (config.checkpoint.path) return tag ? shardPath(config.checkpoint.path, tag) : config.checkpoint.path;
  const base = artifactBase(config, tag);
  return base && fileOutputs(config).length ? `${base}.checkpoint.json` : null;
}

/** `--failed`, else `<base>.failed.jsonl`. */
export function failuresPathOf(config: Config, flag: string | undefined, tag: string | null = null): string {
  return flag ?? `${baseOrDefault(config, tag)}.failed.jsonl`;
}

/** The failure file of a `--retry-failed FILE` run: new failures go beside the old ones, not over them. */
export const retryFailuresPathOf = (retryFailed: string): string => `${retryFailed}.retry.jsonl`;

/** The metadata sidecar written beside one file output. */
export const metaPathOf = (output: string): string => `${output.replace(/\/+$/, '')}.meta.json`;

/** The Persona Hub domain table: `<base>.domains.json`. */
export const domainTablePathOf = (config: Config, tag: string | null): string => `${baseOrDefault(config, tag)}.domains.json`;

/** dedup's removed ids: `--removed`, else `<base>.removed.jsonl` (dedup runs unsharded). */
export const removedPathOf = (config: Config, flag: string | undefined): string => flag ?? `${baseOrDefault(config, null)}.removed.jsonl`;
