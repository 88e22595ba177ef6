import { rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type BatchManifest, type BatchMode, MANIFEST_FILE, MANIFEST_FORMAT, requestFingerprint } from '../batch/manifest.js';
import { batchCodec } from '../batch/modes.js';
import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { fsyncPath, makeDirectories, pathExists, writeFileAtomic } from '../io/files.js';
import { type BatchFilesSummary, createBatchFilesSink } from '../streams/batch-files-sink.js';
import { createInputSource } from '../streams/input-source.js';
import { openInput } from './input.js';
import { readLine, sinceStart, startProgress } from './progress.js';
import { trapSignals } from './signals.js';
import type { InputOptions } from './run-options.js';

export interface BatchExportOptions extends InputOptions {
  batchDir: string;
  force: boolean;
  quiet: boolean;
  /** The config value as given (after flags), stored in the manifest for import. */
  configValue: unknown;
}

/** A signal during an export removes the partial directory, then dies of the signal (nothing half-written stays). */
const removeOnSignal = (tmp: string): (() => void) =>
  trapSignals((_signal, die) => {
    rmSync(tmp, { recursive: true, force: true });
    die();
  });

function printSummary(summary: BatchFilesSummary, dir: string, url: string, secs: number): void {
  const files = summary.parts.filter((p) => p.requests).length;
  const mb = summary.parts.reduce((s, p) => s + p.bytes, 0) / 1e6;
  process.stderr.write(
    `gen-stream: ${summary.requests} requests for ${summary.inputs} inputs in ${files} request file(s), ${mb.toFixed(1)} MB, ` +
      `~${summary.estimatedPromptTokens} input tokens (estimated), in ${secs.toFixed(2)} s → ${dir}` +
      `${summary.withoutRequest ? `; ${summary.withoutRequest} unusable inputs need no request (they fail with E_INPUT at import)` : ''}\n` +
      `gen-stream: upload each ${dir}/requests-*.jsonl (purpose "batch"), create one batch per file (endpoint ${url}, completion_window 24h), ` +
      `then: gen-stream batch-import --batch ${dir} --out OUT <output and error files>\n`,
  );
}

/**
 * `gen-stream batch-export narrate|text-to-persona`: the requests the online path would send first, as OpenAI
 * Batch API files in a directory. Written into a temporary sibling directory and renamed when complete, so a
 * batch directory either holds a whole export (manifest last) or does not exist.
 */
export async function runBatchExport(loaded: LoadedConfig, options: BatchExportOptions, mode: BatchMode): Promise<number> {
  const { config } = loaded;
  if (!config.llm) throw new UsageError(`batch-export ${mode} needs an llm block with at least llm.model (no endpoint is needed to write the files)`);
  const dir = options.batchDir.replace(/\/+$/, '') || options.batchDir;
  if ((await pathExists(dir)) && !options.force) throw new UsageError(`--batch ${dir} already exists; remove it or give --force to replace it`);
  const codec = batchCodec(config, mode);
  const tmp = `${dir}.partial-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await makeDirectories(tmp);
  const offSignals = removeOnSignal(tmp);
  const input = openInput(options);
  const { batch, hub } = config;
  const summary: BatchFilesSummary = { parts: [], inputs: 0, requests: 0, withoutRequest: 0, estimatedPromptTokens: 0 };
  const stopProgress = startProgress(() => readLine(summary.inputs, sinceStart()), !options.quiet);
  try {
    const source = createInputSource(input.stream, {
      name: input.name,
      failures: input.failures,
      corpus: mode === 'text-to-persona' ? { textField: hub.textField, idField: hub.idField } : undefined,
    });
    const sink = createBatchFilesSink({ dir: tmp, codec, name: input.name, url: batch.url, maxRequests: batch.maxRequests, maxBytes: batch.maxBytes }, summary);
    await pipeline(source, sink);
    const manifest: BatchManifest = {
      format: MANIFEST_FORMAT,
      mode,
      fingerprint: requestFingerprint(config, mode),
      model: config.llm.model,
      url: batch.url,
      config: options.configValue,
      inputs: summary.inputs,
      requests: summary.requests,
      withoutRequest: summary.withoutRequest,
      estimatedPromptTokens: summary.estimatedPromptTokens,
      limits: { maxRequests: batch.maxRequests, maxBytes: batch.maxBytes },
      parts: summary.parts,
    };
    await writeFileAtomic(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await fsyncPath(tmp);
    if (await pathExists(dir)) await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    await fsyncPath(dirname(dir));
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    stopProgress();
    offSignals();
  }
  if (!options.quiet) printSummary(summary, dir, batch.url, sinceStart());
  return 0;
}
