import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type BatchMode, type BatchManifest, MANIFEST_FILE, MANIFEST_FORMAT, readManifest, requestFingerprint } from '../batch/manifest.js';
import { type BatchCodec, batchCodec } from '../batch/modes.js';
import { checkResults, spoolResults } from '../batch/results.js';
import { loadResume, nothingToResume, runPlan, type RunOptions, startOf } from '../run/run-plan.js';
import type { LoadedConfig } from '../config.js';
import { BatchMissingError, LlmError, UsageError } from '../errors.js';
import { hubDomains } from './hub.js';
import { HUB_COLUMNS } from '../hub/records.js';
import { fsyncPath, pathExists, writeFileAtomic } from '../io/files.js';
import { RunStats } from '../run-state/run-stats.js';
import { createBatchFilesSink, type BatchFilesSummary } from '../streams/batch-files-sink.js';
import { BATCH_RESULTS, createBatchJoin, type JoinedInput } from '../streams/batch-join.js';
import { createInputSource } from '../streams/input-source.js';
import { createLlmMap, type LlmWork } from '../streams/llm-map.js';

export interface BatchExportOptions {
  batchDir: string;
  input?: string;
  /** Export the records of a failure file (narrate). */
  retryFailed?: string;
  force: boolean;
  quiet: boolean;
  /** The config value as given (after flags), stored in the manifest for import. */
  configValue: unknown;
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
  await mkdir(tmp, { recursive: true });
  const removeTmp = () => void rm(tmp, { recursive: true, force: true }).finally(() => process.exit(130));
  process.once('SIGINT', removeTmp);
  process.once('SIGTERM', removeTmp);
  const startedAt = Date.now();
  const name = options.retryFailed ?? options.input ?? '<stdin>';
  const input = options.retryFailed || options.input ? createReadStream(name) : process.stdin;
  const { batch, hub } = config;
  const summary: BatchFilesSummary = { parts: [], inputs: 0, requests: 0, withoutRequest: 0, estimatedPromptTokens: 0 };
  try {
    const source = createInputSource(input, {
      name,
      failures: options.retryFailed !== undefined,
      corpus: mode === 'text-to-persona' ? { textField: hub.textField, idField: hub.idField } : undefined,
    });
    await pipeline(source, createBatchFilesSink({ dir: tmp, codec, name, url: batch.url, maxRequests: batch.maxRequests, maxBytes: batch.maxBytes }, summary));
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
    process.off('SIGINT', removeTmp);
    process.off('SIGTERM', removeTmp);
  }
  if (!options.quiet) {
    const files = summary.parts.filter((p) => p.requests).length;
    const mb = summary.parts.reduce((s, p) => s + p.bytes, 0) / 1e6;
    process.stderr.write(
      `gen-stream: ${summary.requests} requests for ${summary.inputs} inputs in ${files} request file(s), ${mb.toFixed(1)} MB, ` +
        `~${summary.estimatedPromptTokens} input tokens (estimated), in ${((Date.now() - startedAt) / 1000).toFixed(2)} s → ${dir}` +
        `${summary.withoutRequest ? `; ${summary.withoutRequest} unusable inputs need no request (they fail with E_INPUT at import)` : ''}\n` +
        `gen-stream: upload each ${dir}/requests-*.jsonl (purpose "batch"), create one batch per file (endpoint ${batch.url}, completion_window 24h), ` +
        `then: gen-stream batch-import --batch ${dir} --out OUT <output and error files>\n`,
    );
  }
  return 0;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Spool directories of imports that were killed (their process is gone); a running import's is left alone. */
async function removeStaleSpools(batchDir: string): Promise<void> {
  for (const name of await readdir(batchDir)) {
    const m = /^\.import-(\d+)$/.exec(name);
    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) await rm(join(batchDir, name), { recursive: true, force: true });
  }
}

/** The import's "LLM work": no request, the results that came back, validated and built as online. */
function importWork(codec: BatchCodec): LlmWork {
  return async (record, index, tally) => {
    const joined = record as JoinedInput;
    const results = joined[BATCH_RESULTS] ?? [];
    delete joined[BATCH_RESULTS]; // the failure file and the outputs get the record, not its results
    for (const { result } of results) {
      if (!result) continue;
      tally.requests++;
      if (result.ok) {
        tally.usage.promptTokens += result.usage[0];
        tally.usage.completionTokens += result.usage[1];
      }
    }
    const answers: string[] = [];
    for (const { id, result } of results) {
      if (!result) throw new BatchMissingError(`no result for request ${id} in the result files`);
      if (!result.ok) throw new LlmError('E_LLM_REQUEST', `request ${id} failed at the provider: ${result.message} (${result.where})`, result.status);
      answers.push(result.content);
    }
    return codec.build(record, index, answers);
  };
}

export interface BatchImportOptions extends RunOptions {
  batchDir: string;
  resultFiles: readonly string[];
}

/**
 * `gen-stream batch-import`: the provider's output and error files merged back by custom_id into the normal
 * outputs and failure file, in input order, through the same checkpointing tee (so `--resume` works). Every
 * exported input ends as its record(s) or a failure: no result (E_BATCH_MISSING), failed at the provider
 * (E_LLM_REQUEST), invalid answer (E_LLM_INVALID), unusable corpus line (E_INPUT), over a domain cap.
 */
export async function runBatchImport(loaded: LoadedConfig, options: BatchImportOptions): Promise<number> {
  const { config } = loaded;
  if (!options.resultFiles.length) throw new UsageError('batch-import needs the result files (the batches\' output and error files) as arguments');
  const manifest = await readManifest(options.batchDir);
  const mode = manifest.mode;
  if (requestFingerprint(config, mode) !== manifest.fingerprint && !options.force) {
    throw new UsageError(
      `the config differs from the export's in what the requests say (model, temperature, max tokens, response format, language, grouping, seed or corpus settings); ` +
        `leave out --config to use the export's own config, or give --force`,
    );
  }
  for (const f of options.resultFiles) if (!(await pathExists(f))) throw new UsageError(`result file ${f} does not exist`);
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume();
  await removeStaleSpools(options.batchDir);
  const spoolDir = join(options.batchDir, `.import-${process.pid}`);
  await mkdir(spoolDir, { recursive: true });
  try {
    await spoolResults(options.resultFiles, manifest, spoolDir);
    const check = await checkResults(manifest, options.batchDir, spoolDir);
    if (check.requests > 0 && check.answered + check.failed === 0) {
      throw new UsageError(`none of the ${check.requests} requests of ${options.batchDir} has a result in the files given`);
    }
    if (!options.quiet) {
      process.stderr.write(
        `gen-stream: results for ${check.answered + check.failed} of ${check.requests} requests: ${check.answered} answered, ${check.failed} failed at the provider, ` +
          `${check.missing} missing${check.duplicates ? `, ${check.duplicates} duplicate results ignored` : ''}\n`,
      );
    }
    const stats = new RunStats();
    const startOffset = startOf(resume, options);
    stats.taken = startOffset;
    stats.total = manifest.inputs;
    const codec = batchCodec(config, mode);
    const domains = mode === 'text-to-persona' ? hubDomains(loaded, resume) : null;
    const price = config.llm?.prices[manifest.model];
    const factor = config.batch.priceFactor;
    return await runPlan(loaded, options, stats, resume, {
      startOffset,
      ipf: null,
      columns: domains ? HUB_COLUMNS : undefined,
      onWritten: domains?.onWritten,
      domains: domains?.domains,
      head: (shouldStop) => [
        createBatchJoin({ manifest, batchDir: options.batchDir, spoolDir, shouldStop, skip: startOffset, onEnd: (n) => (stats.taken = Math.max(stats.taken, n)) }),
      ],
      // The ordered LLM stage without requests: in-order emission, failures at their turn, domain caps, tallies.
      stage: (failures, onStop, stopSignal) => ({
        stage: createLlmMap({
          work: importWork(codec),
          redact: (text) => text,
          concurrency: 64,
          window: 512,
          failures,
          stats,
          price: price && { input: price.input * factor, output: price.output * factor },
          admit: domains?.admit,
          onStop,
          stopSignal,
        }),
        close: async () => {},
      }),
      finish: domains ? () => domains.finish(options.quiet, () => '') : undefined,
    });
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}
