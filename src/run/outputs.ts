import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Checkpoint } from '../run-state/checkpoint.js';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { formatOf } from '../io/formats.js';
import { isSpecialFile } from '../io/files.js';
import { shardPath } from './shard.js';
import { openArrowSink } from '../writers/arrow-sink.js';
import { openCsvSink } from '../writers/csv-sink.js';
import { openJsonlSink } from '../writers/jsonl-sink.js';
import { openParquetSink } from '../writers/parquet-sink.js';
import type { Column } from '../writers/columns.js';
import type { RecordSink, SinkPosition } from '../writers/sink.js';

export { type Format, formatOf } from '../io/formats.js';

export function outputsOf(config: Config): string[] {
  return Array.isArray(config.out) ? config.out : [config.out];
}

/** The files a run writes to (stdout and devices excluded). */
export function fileOutputs(config: Config): string[] {
  return outputsOf(config).filter((p) => p !== '-' && !isSpecialFile(p));
}

/** A shard's outputs: files carry the tag; a Parquet dataset directory is shared (its parts carry the tag). */
export function shardOutputs(config: Config, tag: string): Config {
  const outs = outputsOf(config).map((p) => (p === '-' || isSpecialFile(p) || formatOf(p, config.format) === 'parquet' ? p : shardPath(p, tag)));
  return { ...config, out: outs.length === 1 ? outs[0] : outs };
}

/** Opens every output; on resume each continues from the position the checkpoint recorded for it. */
/** `columns`: a fixed columnar layout (the Persona Hub schema); otherwise inferred from the first record. */
export async function openSinks(config: Config, resume: Checkpoint | null, columns: readonly Column[] | null = null, partPrefix = ''): Promise<RecordSink[]> {
  const sinks: RecordSink[] = [];
  try {
    for (const path of outputsOf(config)) sinks.push(await openSink(config, path, resume, columns, partPrefix));
  } catch (err) {
    // One output could not be opened: release the ones that were, so no handle or `.tmp` part is left behind.
    await Promise.allSettled(sinks.map((s) => s.abort()));
    throw err;
  }
  return sinks;
}

async function openSink(config: Config, path: string, resume: Checkpoint | null, columns: readonly Column[] | null, partPrefix: string): Promise<RecordSink> {
  const format = formatOf(path, config.format);
  const position = resume?.outputs.find((o) => o.path === path && o.format === format) ?? null;
  if (resume && !position && path !== '-') throw new UsageError(`--resume: the checkpoint has no position for output ${path} (${format}); the outputs must be those of the interrupted run`);
  // An output's missing parent directories are made, as `mkdir -p` would (`--out out/p.jsonl` in a fresh clone).
  if (path !== '-' && !isSpecialFile(path)) await mkdir(dirname(path), { recursive: true });
  if (format === 'jsonl') return openJsonlSink(path, position);
  if (format === 'csv') return openCsvSink(path, position);
  if (format === 'arrow') return openArrowSink(path, position, config.writers.arrow.batchSize, columns);
  if (path === '-') throw new UsageError('Parquet cannot be written to stdout: give a dataset directory, e.g. --out personas.parquet');
  return openParquetSink(path, position, { ...config.writers.parquet, partRows: Math.min(config.writers.parquet.partRows, config.checkpoint.every), prefix: partPrefix, ...(columns ? { columns } : {}) });
}
