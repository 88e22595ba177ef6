import { UsageError } from '../errors.js';
import { CONFIG_FLAGS, type Command, RUN_FLAGS } from './command.js';

export const batchImport: Command = {
  name: 'batch-import',
  summary: 'merge Batch API output and error files back into the normal outputs and failure file',
  usage: ['gen-stream batch-import --batch DIR --out personas.parquet RESULTS.jsonl [ERRORS.jsonl ...]'],
  description: `Merges the batches' output and error files (any order, any split) back by custom_id: the same records as the
online path, in input order, to every --out, checkpointed (--resume works). Requests without a result
(E_BATCH_MISSING), failed at the provider (E_LLM_REQUEST) or answered invalidly (E_LLM_INVALID: a batch gets
no second try) go to the failure file. The config is the export's unless --config is given (it must ask the
same requests). Cost uses llm.prices × batch.priceFactor (0.5).`,
  flags: [...CONFIG_FLAGS, ...RUN_FLAGS, 'batch'],
  args: { max: Infinity },
  stdinIsData: () => true,
  // batch-import runs with the config the export stored, unless one is given.
  async configWithout(values) {
    if (!values.batch) throw new UsageError('batch-import needs --batch DIR (the batch directory)');
    const { readManifest } = await import('../batch/manifest.js');
    return { value: (await readManifest(values.batch)).config, source: `${values.batch}/manifest.json (the export's config)` };
  },
  async run({ loaded, options, values, args }) {
    if (!values.batch) throw new UsageError('batch-import needs --batch DIR (the batch directory)');
    const { runBatchImport } = await import('../run/batch-import-plan.js');
    return runBatchImport(loaded, { ...options, batchDir: values.batch, resultFiles: args });
  },
};
