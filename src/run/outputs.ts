import { access, constants } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Checkpoint } from '../run-state/checkpoint.js';
import { type Config, loadConfig } from '../config.js';
import { configFingerprint, runMetadata } from './run-metadata.js';
import { UsageError } from '../errors.js';
import { formatOf } from '../io/formats.js';
import { isSpecialFile, makeDirectories } from '../io/files.js';
import { shardPath } from './shard.js';
import type { Column } from '../writers/columns.js';
import type { RecordSink, SinkPosition } from '../writers/sink.js';

export { type Format, formatOf } from '../io/formats.js';

/** Which Arrow IPC format a path gets: the stream format only for `.arrows` and stdout. */
export function arrowVariantOf(path: string): 'file' | 'stream' {
  return path === '-' || /\.arrows$/i.test(path) ? 'stream' : 'file';
}

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

/**
 * The key-value metadata every columnar output carries (Parquet footer, Arrow schema): generator and version,
 * census, config fingerprint, LLM model and narrative provider. From the config alone (openSinks' callers pass
 * the config, not the loaded census): the census is resolved again by loadConfig to fingerprint it.
 */
export function outputMetadata(config: Config): Map<string, string> {
  const loaded = loadConfig(config);
  const { generator } = runMetadata(loaded);
  const narrative = config.llm ? `llm:${config.llm.model}` : config.narrative.enabled ? 'template' : 'none';
  return new Map([
    ['gen-stream.generator', generator.name],
    ['gen-stream.version', generator.version],
    ['gen-stream.census', loaded.census.name],
    ['gen-stream.config_fingerprint', configFingerprint(loaded)],
    ['gen-stream.llm_model', config.llm?.model ?? ''],
    ['gen-stream.narrative_provider', narrative],
  ]);
}

/**
 * Opens every output; on resume each continues from the position the checkpoint recorded for it.
 * `columns`: a declared columnar schema (the Persona Hub schema); otherwise inferred from the first record.
 */
export async function openSinks(config: Config, resume: Checkpoint | null, columns: readonly Column[] | null = null, partPrefix = ''): Promise<RecordSink[]> {
  const sinks: RecordSink[] = [];
  let metadata: Map<string, string> | null = null;
  const meta = () => (metadata ??= outputMetadata(config));
  // Every output's place is made and checked writable before any is opened: a second output that cannot be
  // written must not cost the first one its old content.
  for (const path of outputsOf(config)) if (path !== '-' && !isSpecialFile(path)) await writablePlace(path);
  try {
    for (const path of outputsOf(config)) sinks.push(await openSink(config, path, resume, columns, partPrefix, meta));
  } catch (err) {
    // One output could not be opened: release the ones that were, so no handle or `.tmp` part is left behind.
    await Promise.allSettled(sinks.map((s) => s.abort()));
    throw err;
  }
  return sinks;
}

/** Makes an output's missing parent directories (as `mkdir -p`) and checks that the output can be written there. */
async function writablePlace(path: string): Promise<void> {
  await makeDirectories(dirname(path));
  await access(path, constants.W_OK).catch(async (err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
    await access(dirname(path), constants.W_OK);
  });
}

/** Rows turned into one Arrow batch at a time on the way to Parquet (the JavaScript-side buffer). */
const PARQUET_BATCH_ROWS = 4096;

async function openSink(config: Config, path: string, resume: Checkpoint | null, columns: readonly Column[] | null, partPrefix: string, meta: () => Map<string, string>): Promise<RecordSink> {
  const format = formatOf(path, config.format);
  const position = resume?.outputs.find((o) => o.path === path && o.format === format) ?? null;
  if (resume && !position && path !== '-') throw new UsageError(`--resume: the checkpoint has no position for output ${path} (${format}); the outputs must be those of the interrupted run`);
  const fixed = columns ? { columns } : {};
  // Each writer is loaded when an output needs it: a JSONL run never pays for Arrow and Parquet at start-up.
  if (format === 'jsonl') return (await import('../writers/jsonl-sink.js')).openJsonlSink(path, position);
  if (format === 'csv') return (await import('../writers/csv-sink.js')).openCsvSink(path, position, config.writers.csv);
  if (format === 'arrow') return (await import('../writers/arrow-sink.js')).openArrowSink(path, position, { variant: arrowVariantOf(path), batchSize: config.writers.arrow.batchSize, metadata: meta(), ...fixed });
  if (path === '-') throw new UsageError('Parquet cannot be written to stdout: give a dataset directory, e.g. --out personas.parquet');
  const p = config.writers.parquet;
  return (await import('../writers/parquet-sink.js')).openParquetSink(path, position, resume?.written ?? 0, {
    compression: p.compression,
    rowGroupRows: p.rowGroupSize,
    rowGroupBytes: p.rowGroupBytes,
    partRows: p.partRows,
    partBytes: p.partBytes,
    batchRows: Math.min(p.rowGroupSize, PARQUET_BATCH_ROWS),
    createdBy: `${meta().get('gen-stream.generator')} version ${meta().get('gen-stream.version')}`,
    metadata: meta(),
    prefix: partPrefix,
    ...fixed,
  });
}
