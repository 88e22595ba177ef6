import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { importWork } from '../batch/import-work.js';
import { readManifest, requestFingerprint } from '../batch/manifest.js';
import { batchCodec } from '../batch/modes.js';
import { checkResults, spoolResults } from '../batch/results.js';
import { removeStaleSpools } from '../batch/spools.js';
import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { HUB_COLUMNS } from '../hub/records.js';
import { JUDGE_COLUMNS } from '../llm/judge-record.js';
import { makeDirectories, pathExists } from '../io/files.js';
import { createBatchJoin } from '../streams/batch-join.js';
import { createLlmMap, IMPORT_CONCURRENCY, IMPORT_WINDOW } from '../streams/llm-map.js';
import { artifactsOf } from './artifacts.js';
import { hubDomains } from './hub-domains.js';
import { loadResume, nothingToResume, startOf } from './resume.js';
import type { RunOptions } from './run-options.js';
import { runPlan } from './run-plan.js';

export interface BatchImportOptions extends RunOptions {
  batchDir: string;
  resultFiles: readonly string[];
}

/** Refuses results that cannot be this export's before anything is written. */
async function checkImport(loaded: LoadedConfig, options: BatchImportOptions) {
  if (!options.resultFiles.length) throw new UsageError('batch-import needs the result files (the batches\' output and error files) as arguments');
  const manifest = await readManifest(options.batchDir);
  if (requestFingerprint(loaded.config, manifest.mode) !== manifest.fingerprint && !options.force) {
    throw new UsageError(
      `the config differs from the export's in what the requests say (model, temperature, max tokens, response format, language, grouping, seed or corpus settings); ` +
        `leave out --config to use the export's own config, or give --force`,
    );
  }
  for (const f of options.resultFiles) if (!(await pathExists(f))) throw new UsageError(`result file ${f} does not exist`);
  return manifest;
}

/**
 * `gen-stream batch-import`: the provider's output and error files merged back by custom_id into the normal
 * outputs and failure file, in input order, through the same checkpointing tee (so `--resume` works). Every
 * exported input ends as its record(s) or a failure: no result (E_BATCH_MISSING), failed at the provider
 * (E_LLM_REQUEST), invalid answer (E_LLM_INVALID), unusable corpus line (E_INPUT), over a domain cap.
 */
export async function runBatchImport(loaded: LoadedConfig, given: BatchImportOptions): Promise<number> {
  const { config } = loaded;
  const manifest = await checkImport(loaded, given);
  const options = { ...given, family: manifest.mode === 'text-to-persona' ? ('text-to-persona' as const) : manifest.mode === 'judge' ? ('judge' as const) : ('personas' as const) };
  const resume = await loadResume(loaded, options);
  if (resume?.complete) return nothingToResume(options.quiet);
  await removeStaleSpools(options.batchDir);
  const spoolDir = join(options.batchDir, `.import-${process.pid}`);
  await makeDirectories(spoolDir);
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
    const startOffset = startOf(resume, options);
    const codec = batchCodec(config, manifest.mode);
    const domains = manifest.mode === 'text-to-persona' ? hubDomains(loaded, resume, artifactsOf(config, options).domainTable) : null;
    const price = config.llm?.prices[manifest.model];
    const factor = config.batch.priceFactor;
    return await runPlan(loaded, options, resume, {
      startOffset,
      total: manifest.inputs,
      model: manifest.model,
      ipf: null,
      columns: domains ? HUB_COLUMNS : manifest.mode === 'judge' ? JUDGE_COLUMNS : undefined,
      onWritten: domains?.onWritten,
      domains: domains?.domains,
      head: ({ signal, report }) => [
        createBatchJoin({ manifest, batchDir: options.batchDir, spoolDir, signal, skip: startOffset, onEnd: (n) => report({ taken: n }) }),
      ],
      // The ordered LLM stage without requests: in-order emission, failures at their turn, domain caps, tallies.
      stage: ({ failures, signal, costSoFar }) => ({
        stage: createLlmMap({
          work: importWork(codec),
          redact: (text) => text,
          concurrency: IMPORT_CONCURRENCY,
          window: IMPORT_WINDOW,
          failures,
          price: price && { input: price.input * factor, output: price.output * factor },
          costSoFar,
          admit: domains?.admit,
          signal,
        }),
        close: async () => {},
      }),
      finish: domains ? () => domains.finish(options.quiet, () => '') : undefined,
    });
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}
