import type { BatchMode } from '../batch/manifest.js';
import { UsageError } from '../errors.js';
import { CONFIG_FLAGS, type Command, inputOf, recordsOnStdin } from './command.js';

export const batchExport: Command = {
  name: 'batch-export',
  summary: 'write OpenAI Batch API request files for narrate, text-to-persona or judge (50 % cheaper, offline)',
  usage: [
    'gen-stream sample < c.json | gen-stream batch-export narrate --config c.json --batch DIR',
    'gen-stream batch-export text-to-persona --config hub.json --input corpus.jsonl --batch DIR',
    'gen-stream batch-export judge --config llm.json --input personas.jsonl --batch DIR',
  ],
  description: `Writes the requests the online path would send, as OpenAI Batch API files: DIR/requests-00000.jsonl, … (lines
{custom_id, method, url, body}), each within batch.maxRequests (50,000) lines and batch.maxBytes (200 MB),
plus DIR/inputs-*.jsonl and DIR/manifest.json for the import. Needs llm.model, no endpoint and no key.
--retry-failed FILE exports the records (or corpus texts) of a failure file, each keeping its place in the
first run's input, so the records come out as the first run would have made them. DIR must not exist
(--force replaces it).`,
  flags: [...CONFIG_FLAGS, 'input', 'input-format', 'retry-failed', 'batch', 'force'],
  args: { max: 1 },
  stdinIsData: recordsOnStdin,
  async run({ loaded, options, values, args, configValue }) {
    const mode = args[0];
    const { BATCH_MODES } = await import('../batch/manifest.js');
    if (!BATCH_MODES.includes(mode as BatchMode)) throw new UsageError(`batch-export needs what to export: ${BATCH_MODES.join(' or ')} (try --help)`);
    if (!values.batch) throw new UsageError('batch-export needs --batch DIR (the batch directory)');
    const { runBatchExport } = await import('../run/batch-export.js');
    const exportOptions = { batchDir: values.batch, ...inputOf(values), force: options.force ?? false, quiet: options.quiet, configValue };
    return runBatchExport(loaded, exportOptions, mode as BatchMode);
  },
};
