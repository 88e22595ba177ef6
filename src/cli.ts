import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runDedup, runMain, runStream } from './run/run-plan.js';
import { loadConfig, parseJsonText } from './config.js';
import { GenStreamError, UsageError } from './errors.js';
import { BATCH_MODES, type BatchMode, readManifest } from './batch/manifest.js';
import { runMetadata } from './run/run-metadata.js';
import { shardOutputs } from './run/outputs.js';
import { resolveShard, shardTag } from './run/shard.js';

const HELP: Record<string, string> = {
  main: `Usage: gen-stream [command] [options] < config.json > personas.jsonl

Generates census-grounded synthetic personas with narratives, as JSONL, one per line.

Commands:
  (none)    run the whole configured pipeline: generator, calibration, narratives
  sample    only the generator and online calibration: structured personas (first stage of a pipe)
  narrate   add narratives to personas read as JSONL from stdin (a pipe stage)
  write     write JSONL records from stdin to the outputs (a pipe stage; JSONL, CSV, Arrow, Parquet)
  dedup     drop exact and near-duplicate records (MinHash LSH) from JSONL on stdin, keeping the first
  text-to-persona     Persona Hub: one persona per text of a corpus (JSONL or a JSON array) on stdin (needs llm)
  persona-to-persona  Persona Hub: related personas (colleague, client, …) of personas on stdin (needs llm)
  batch-export  write OpenAI Batch API request files for narrate or text-to-persona (50 % cheaper, offline)
  batch-import  merge Batch API output and error files back into the normal outputs and failure file
  card      write a Hugging Face dataset card (README.md) for a directory of outputs
  validate  check a dataset (JSONL, CSV, Arrow, Parquet) against the census: fidelity, narratives, gates
  describe  print the run's metadata (census, sources, modelled tables, constraints) as JSON
  help      show this help

Options:
  -c, --config FILE      read the config from FILE instead of stdin
  -n, --count N          number of personas (overrides "count")
      --seed S           master seed, a non-negative integer (overrides "seed")
  -o, --out FILE|DIR|-   output, repeatable: .jsonl .csv .arrows, a .parquet dataset directory, "-" stdout
      --format F         jsonl|csv|arrow|parquet, for outputs whose extension does not say it
      --failed FILE      failure file (default <out>.failed.jsonl, or gen-stream.failed.jsonl for stdout)
      --checkpoint FILE  checkpoint file (default <first file output>.checkpoint.json)
      --resume           continue an interrupted run from its checkpoint (same config and outputs)
      --continue         resume when this run's checkpoint exists, else start afresh (for job engines that
                         restart a failed task with the same command)
      --force            with --resume: accept a changed config
      --start-offset N   emit records from input position N on (resuming a pipe to stdout)
      --shard i/n        run only shard i (0-based) of n: a contiguous block of the index range (generator), or
                         every n-th input record (narrate, text-to-persona, persona-to-persona); outputs carry
                         the shard in their names. The generator also reads JOB_COMPLETION_INDEX +
                         GEN_STREAM_SHARDS (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID/_MIN/_COUNT (Slurm)
      --llm-base-url URL OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1 (overrides llm.baseUrl)
      --llm-model NAME   model name (overrides llm.model)
      --concurrency N    requests in flight at most (overrides llm.concurrency)
      --max-cost X       stop taking records once the estimated cost reaches X (overrides llm.maxCost)
  -q, --quiet            no progress or summary on stderr
  -h, --help             show help for the command

Without an llm block the offline template narrator writes the narratives (no key needed). API keys come only
from the environment variable named by llm.apiKeyEnv (default OPENAI_API_KEY).
With no --config and stdin a terminal or empty, the built-in default config is used.
Exit codes: 0 ok, 1 run failure (e.g. the API rejected the key), 2 bad input or config, 130 interrupted.`,
  sample: `Usage: gen-stream sample [options] < config.json > skeletons.jsonl

Runs only the census generator and online IPF calibration: structured personas without narratives.
Options: -c, -n, --seed, -o, -q, -h as for gen-stream.`,
  narrate: `Usage: gen-stream sample < config.json | gen-stream narrate --config config.json > personas.jsonl
       gen-stream narrate --config config.json --retry-failed personas.jsonl.failed.jsonl >> personas.jsonl

Adds the narrative fields to persona records read as JSONL (stdin, or --input FILE), keeping their order.
Records whose narratives cannot be obtained go to the failure file with the error and the attempts;
--retry-failed FILE narrates the records of such a file again (new failures go to FILE.retry.jsonl).
Options: --config FILE (the config; stdin carries the records), --input FILE, --retry-failed FILE, -o, --failed,
--llm-base-url, --llm-model, --concurrency, --max-cost, -q, -h.`,
  write: `Usage: gen-stream sample < c.json | gen-stream narrate -c c.json | gen-stream write -c c.json --out personas.parquet

Writes JSONL records from stdin (or --input FILE) to every --out: JSONL, CSV (RFC 4180), Arrow IPC stream
(.arrows) or a Parquet dataset directory of rolling parts; checkpoints every checkpoint.every records and
resumes with --resume like the all-in-one command.`,
  validate: `Usage: gen-stream validate FILE|DIR [--config config.json] [--report DIR] [--format F]

Reads a dataset as a stream (JSONL, CSV, Arrow IPC or a Parquet dataset directory) and reports, for every
controlled marginal, target, observed share, difference in points, chi-square and Cramér's V; for the census
joints, the total variation distance to the calibrated model's conditionals; constraint violations; and
narrative quality (lengths, names, language, duplicates). --report DIR writes stats.json, stats.md and
report.html. Gates (config "validate"): every marginal within 0.5 points, every chi-square p > 0.01 at
n >= 1,000, no constraint violation, no empty narrative field. Exit 1 when a gate fails.`,
  dedup: `Usage: gen-stream dedup [--config c.json] [--field F] [--out FILE] [--removed FILE] < records.jsonl

Keeps the first of every group of duplicates, in order. Exact duplicates: same text after normalising case,
accents, punctuation and spacing. Near duplicates: MinHash (dedup.permutations, default 128) over word
shingles (dedup.shingle, default 1-grams) with LSH (dedup.bands, default 16), each candidate verified against
dedup.threshold (default Jaccard 0.9). Removed ids go to --removed (default <out>.removed.jsonl) with the id
they duplicate. Compares the field dedup.field (default "persona"; --field).`,
  'text-to-persona': `Usage: gen-stream text-to-persona --config config.json [--out personas.parquet] < corpus.jsonl

Asks the model, for every text of a corpus, who is likely to read, write, like or dislike it, and writes one
Persona Hub record per text: id, persona, domain, synth_method "text_to_persona", confidence_score, source_id
(and the other compact-schema columns). The corpus is JSONL (one {"id","text"} object or JSON string per line)
or one JSON array, streamed. Texts are cut to hub.maxInputTokens. Blank, malformed or textless lines go to
the failure file with their file:line. Domains are normalised (domains.synonyms) and capped
(domains.maxPerDomain); the domain table goes to <out>.domains.json. Checkpoints and --resume as usual.
--retry-failed FILE asks again for the texts of a failure file (same ids as a first success would have had;
new failures go to FILE.retry.jsonl).
Options: --config FILE, --input FILE, --retry-failed FILE, -o, --failed, --checkpoint, --resume, --shard i/n,
--llm-base-url, --llm-model, --concurrency, --max-cost, -q.`,
  'persona-to-persona': `Usage: gen-stream persona-to-persona --config config.json [--out related.parquet] < personas.jsonl

For every persona read (a Persona Hub record's "persona", or a census persona's summary and facts), asks for
hub.perPersona related personas through relations drawn from hub.relations (family_member, colleague,
supervisor, subordinate, client, mentor, neighbour, …), hub.depth levels deep. Records carry
synth_method "persona_to_persona", parent_id, relation, depth, and the parent's domain (hub.domainFrom
"inherit") or the model's ("infer"). Options as for text-to-persona.`,
  'batch-export': `Usage: gen-stream sample < c.json | gen-stream batch-export narrate --config c.json --batch DIR
       gen-stream batch-export text-to-persona --config hub.json --input corpus.jsonl --batch DIR

Writes the requests the online path would send, as OpenAI Batch API files: DIR/requests-00000.jsonl, … (lines
{custom_id, method, url, body}), each within batch.maxRequests (50,000) lines and batch.maxBytes (200 MB),
plus DIR/inputs-*.jsonl and DIR/manifest.json for the import. Needs llm.model, no endpoint and no key.
--retry-failed FILE exports the records (or corpus texts) of a failure file, each keeping its place in the
first run's input, so the records come out as the first run would have made them. DIR must not exist
(--force replaces it).`,
  'batch-import': `Usage: gen-stream batch-import --batch DIR --out personas.parquet RESULTS.jsonl [ERRORS.jsonl ...]

Merges the batches' output and error files (any order, any split) back by custom_id: the same records as the
online path, in input order, to every --out, checkpointed (--resume works). Requests without a result
(E_BATCH_MISSING), failed at the provider (E_LLM_REQUEST) or answered invalidly (E_LLM_INVALID: a batch gets
no second try) go to the failure file. The config is the export's unless --config is given (it must ask the
same requests). Cost uses llm.prices × batch.priceFactor (0.5).`,
  card: `Usage: gen-stream card DIR [--config config.json] [--license ID]

Writes DIR/README.md: a dataset card with Hugging Face YAML front matter (license, size category, features
and dtypes), the generation settings, the census sources (modelled tables flagged), the validation summary
and the limitations. DIR holds gen-stream outputs and their .meta.json sidecar. --license defaults to cc-by-4.0.`,
  describe: `Usage: gen-stream describe [--config FILE] < config.json

Prints what a run with this config would be made of, as JSON: the census and the source of every table
(modelled ones flagged), the targets, the constraints, the settings and the config fingerprint. The same
document is written beside every file output as <out>.meta.json.`,
};

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  count: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o', multiple: true },
  format: { type: 'string' },
  failed: { type: 'string' },
  checkpoint: { type: 'string' },
  resume: { type: 'boolean' },
  continue: { type: 'boolean' },
  force: { type: 'boolean' },
  'start-offset': { type: 'string' },
  input: { type: 'string' },
  'retry-failed': { type: 'string' },
  'llm-base-url': { type: 'string' },
  'llm-model': { type: 'string' },
  concurrency: { type: 'string' },
  'max-cost': { type: 'string' },
  report: { type: 'string' },
  license: { type: 'string' },
  field: { type: 'string' },
  removed: { type: 'string' },
  shard: { type: 'string' },
  batch: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function integerFlag(name: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw) || Number(raw) < min || !Number.isSafeInteger(Number(raw))) {
    throw new UsageError(`--${name}: expected an integer >= ${min}, received "${raw}"`);
  }
  return Number(raw);
}

function numberFlag(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(`--${name}: expected a positive number, received "${raw}"`);
  return n;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readConfig(file: string | undefined, stdinIsData: boolean): Promise<{ value: unknown; source: string }> {
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(`--config ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return { value: parseJsonText(text, file), source: file };
  }
  if (stdinIsData) return { value: {}, source: 'defaults' };
  const text = await readStdin();
  // An empty stdin (a terminal, /dev/null) means "the built-in default".
  return { value: text.trim() === '' ? {} : parseJsonText(text, '<stdin>'), source: '<stdin>' };
}

interface Overrides {
  count?: number;
  seed?: number;
  out?: string[];
  format?: string;
  llmBaseUrl?: string;
  llmModel?: string;
  concurrency?: number;
  maxCost?: number;
  dedupField?: string;
}

function withOverrides(value: unknown, flags: Overrides): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (flags.count !== undefined) copy.count = flags.count;
  if (flags.seed !== undefined) copy.seed = flags.seed;
  if (flags.out !== undefined) copy.out = flags.out.length === 1 ? flags.out[0] : flags.out;
  if (flags.format !== undefined) copy.format = flags.format;
  if (flags.dedupField !== undefined) copy.dedup = { ...(copy.dedup as object | undefined), field: flags.dedupField };
  const llmFlags = [flags.llmBaseUrl, flags.llmModel, flags.concurrency, flags.maxCost].some((f) => f !== undefined);
  if (llmFlags) {
    const llm: Record<string, unknown> = typeof copy.llm === 'object' && copy.llm !== null ? { ...(copy.llm as Record<string, unknown>) } : {};
    if (flags.llmBaseUrl !== undefined) {
      llm.baseUrl = flags.llmBaseUrl;
      delete llm.baseUrls; // one endpoint given on the command line replaces the configured list
    }
    if (flags.llmModel !== undefined) llm.model = flags.llmModel;
    if (flags.concurrency !== undefined) llm.concurrency = flags.concurrency;
    if (flags.maxCost !== undefined) llm.maxCost = flags.maxCost;
    copy.llm = llm;
  }
  return copy;
}

/** Runs the CLI and resolves to the process exit code. Never calls process.exit (piped output would be cut). */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const { values, positionals } = parsed;
    const command = positionals[0] ?? 'main';
    const maxPositionals = command === 'validate' || command === 'card' || command === 'batch-export' ? 2 : command === 'batch-import' ? Infinity : 1;
    if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument "${positionals[maxPositionals]}"`);
    if (command === 'help' || values.help) {
      process.stdout.write(`${HELP[command === 'help' ? 'main' : command] ?? HELP.main}\n`);
      return 0;
    }
    const hubCommand = command === 'text-to-persona' || command === 'persona-to-persona';
    const batchExport = command === 'batch-export';
    const batchImport = command === 'batch-import';
    if (!['main', 'sample', 'narrate', 'write', 'dedup', 'validate', 'card', 'describe', 'batch-export', 'batch-import'].includes(command) && !hubCommand) {
      throw new UsageError(`unknown command "${command}" (try --help)`);
    }
    const batchMode = positionals[1];
    if (batchExport && !BATCH_MODES.includes(batchMode as BatchMode)) throw new UsageError(`batch-export needs what to export: ${BATCH_MODES.join(' or ')} (try --help)`);
    if ((batchExport || batchImport) && !values.batch) throw new UsageError(`${command} needs --batch DIR (the batch directory)`);
    if (values.batch !== undefined && !batchExport && !batchImport) throw new UsageError('--batch belongs to the batch-export and batch-import commands');
    const retryFailed = values['retry-failed'];
    if (retryFailed && command !== 'narrate' && !hubCommand && !batchExport) throw new UsageError('--retry-failed belongs to the narrate, text-to-persona, persona-to-persona and batch-export commands');
    if (values.input && !['narrate', 'write', 'dedup', 'batch-export'].includes(command) && !hubCommand) {
      throw new UsageError('--input belongs to the narrate, write, dedup, text-to-persona, persona-to-persona and batch-export commands');
    }
    if (retryFailed && values.failed && resolve(retryFailed) === resolve(values.failed)) throw new UsageError('--failed must differ from --retry-failed');
    // A missing input file is a usage error named by its flag, before anything starts (not a stream error later).
    for (const [flag, path] of [['--input', values.input], ['--retry-failed', retryFailed]] as const) {
      if (path !== undefined) {
        await access(path, constants.R_OK).catch((err: NodeJS.ErrnoException) => {
          throw new UsageError(`${flag} ${path}: cannot read (${err.code ?? err.message})`);
        });
      }
    }
    const flags: Overrides = {
      count: integerFlag('count', values.count, 1),
      seed: integerFlag('seed', values.seed, 0),
      out: values.out,
      format: values.format,
      llmBaseUrl: values['llm-base-url'],
      llmModel: values['llm-model'],
      concurrency: integerFlag('concurrency', values.concurrency, 1),
      maxCost: numberFlag('max-cost', values['max-cost']),
      dedupField: values.field,
    };
    // narrate and write read records on stdin unless they come from a file, so their config comes from --config.
    const stdinIsData =
      ((['narrate', 'write', 'dedup', 'batch-export'].includes(command) || hubCommand) && !retryFailed && !values.input) || ['validate', 'card', 'batch-import'].includes(command);
    // batch-import runs with the config the export stored, unless one is given.
    const { value, source } =
      batchImport && values.config === undefined
        ? { value: (await readManifest(values.batch as string)).config, source: `${values.batch}/manifest.json (the export's config)` }
        : await readConfig(values.config, stdinIsData);
    const configValue = withOverrides(value, flags);
    let loaded = loadConfig(configValue, source);
    // Shards split the generator's index range into blocks, and the input of the LLM stream commands into stripes
    // (every n-th record: their input's length is not known up front). Other commands read their input whole
    // (and ignore job-array variables).
    const generator = command === 'main' || command === 'sample';
    const shardable = generator || command === 'narrate' || hubCommand;
    if (values.shard !== undefined && !shardable) throw new UsageError('--shard belongs to gen-stream, sample, narrate, text-to-persona and persona-to-persona');
    // Stream commands take --shard only: in a job array a stage of `sample | narrate` must not split again what
    // the generator already split by the job's variables.
    const shard = generator ? resolveShard(values.shard) : shardable ? resolveShard(values.shard, {}) : null;
    if (shard && generator && shard.count > loaded.config.count) throw new UsageError(`${shard.source}: ${shard.count} shards for ${loaded.config.count} records leaves some shards empty`);
    if (shard) loaded = { ...loaded, config: shardOutputs(loaded.config, shardTag(shard)) };
    const quiet = values.quiet ?? false;
    const options = {
      quiet,
      failedPath: values.failed,
      checkpointPath: values.checkpoint,
      resume: values.resume ?? false,
      continueIfAny: values.continue ?? false,
      force: values.force ?? false,
      startOffset: integerFlag('start-offset', values['start-offset'], 0),
      shard,
    };
    if (command === 'describe') {
      process.stdout.write(`${JSON.stringify(runMetadata(loaded), null, 2)}\n`);
      return 0;
    }
    if (command === 'validate') {
      const target = positionals[1];
      if (!target) throw new UsageError('validate needs the file or dataset directory to check (try --help)');
      const { validateDataset } = await import('./validate/run-validate.js');
      const report = await validateDataset(loaded, target, { format: loaded.config.format, report: values.report });
      if (!quiet) for (const g of report.gates) process.stdout.write(`${g.passed ? 'pass' : 'FAIL'}  ${g.name}: ${g.detail}\n`);
      const failed = report.gates.filter((g) => !g.passed).map((g) => g.name);
      process.stderr.write(`gen-stream: ${report.records} records: ${failed.length ? `gates failed: ${failed.join(', ')}` : 'all gates passed'}\n`);
      return failed.length ? 1 : 0;
    }
    if (command === 'card') {
      if (!positionals[1]) throw new UsageError('card needs the dataset directory (try --help)');
      const { writeCard } = await import('./validate/card.js');
      const path = await writeCard(positionals[1], { config: values.config ? loaded : undefined, license: values.license ?? 'cc-by-4.0' });
      if (!quiet) process.stderr.write(`gen-stream: wrote ${path}\n`);
      return 0;
    }
    if (batchExport) {
      const { runBatchExport } = await import('./commands/batch.js');
      return await runBatchExport(
        loaded,
        { batchDir: values.batch as string, input: values.input, retryFailed, force: options.force, quiet, configValue },
        batchMode as BatchMode,
      );
    }
    if (batchImport) {
      const { runBatchImport } = await import('./commands/batch.js');
      return await runBatchImport(loaded, { ...options, batchDir: values.batch as string, resultFiles: positionals.slice(1) });
    }
    if (hubCommand) {
      const { runHub } = await import('./commands/hub.js');
      return await runHub(loaded, { ...options, input: values.input, retryFailed }, command);
    }
    if (command === 'dedup') return await runDedup(loaded, { ...options, input: values.input, removedPath: values.removed });
    if (command === 'sample') return await runMain(loaded, options, false);
    if (command === 'narrate' || command === 'write') return await runStream(loaded, { ...options, input: values.input, retryFailed }, command === 'narrate');
    return await runMain(loaded, options);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // `| head` closed our stdout: that is the reader's choice, not a failure.
    if (e?.code === 'EPIPE') return 0;
    if (err instanceof GenStreamError) {
      process.stderr.write(`gen-stream: error ${err.code}: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`gen-stream: unexpected error: ${e?.stack ?? String(err)}\n`);
    return 1;
  }
}
