/**
 * What a command is, as data: its name, help, the flags it takes, its arguments, what stdin carries, and how
 * it runs. The CLI's parsing, help and dispatch are all derived from the table of these (table.ts), so a
 * command's facts live in its own file and nowhere else.
 */
import type { LoadedConfig } from '../config.js';
import type { RunOptions } from '../run/run-options.js';

interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** The value's name in help (string flags). */
  arg?: string;
  help: string;
}

/** Every flag of the CLI, once. A command lists the ones it takes; any other is refused. */
export const FLAGS = {
  config: { type: 'string', short: 'c', arg: 'FILE', help: 'read the config from FILE (else stdin, when stdin does not carry data)' },
  count: { type: 'string', short: 'n', arg: 'N', help: 'number of personas (overrides "count")' },
  seed: { type: 'string', arg: 'S', help: 'master seed, a non-negative integer (overrides "seed")' },
  out: { type: 'string', short: 'o', multiple: true, arg: 'FILE|DIR|-', help: 'output, repeatable: .jsonl .csv .arrows, a .parquet dataset directory, "-" stdout' },
  format: { type: 'string', arg: 'F', help: 'jsonl|csv|arrow|parquet, for outputs whose extension does not say it' },
  failed: { type: 'string', arg: 'FILE', help: 'failure file (default <out>.failed.jsonl, or gen-stream.failed.jsonl for stdout)' },
  checkpoint: { type: 'string', arg: 'FILE', help: 'checkpoint file (default <first file output>.checkpoint.json)' },
  resume: { type: 'boolean', help: 'continue an interrupted run from its checkpoint (same config and outputs)' },
  continue: { type: 'boolean', help: 'resume when this run\'s checkpoint exists, else start afresh (for job engines that rerun a task)' },
  force: { type: 'boolean', help: 'with --resume: accept a changed config; a fresh run: write into a dataset directory holding files gen-stream did not write (never deleting them); batch-export: replace the batch directory' },
  'start-offset': { type: 'string', arg: 'N', help: 'emit records from input position N on (resuming a pipe to stdout)' },
  input: { type: 'string', arg: 'FILE', help: 'read the records (or corpus) from FILE instead of stdin: JSONL, CSV, Arrow, or a Parquet file or dataset directory' },
  'input-format': { type: 'string', arg: 'F', help: 'jsonl|csv|arrow|parquet: how --input (or stdin: jsonl, csv, arrow) is read when its extension does not say' },
  'retry-failed': { type: 'string', arg: 'FILE', help: 'redo the records of a failure file (new failures go to FILE.retry.jsonl)' },
  'llm-base-url': { type: 'string', arg: 'URL', help: 'OpenAI-compatible API root, e.g. http://127.0.0.1:8000/v1 (overrides llm.baseUrl)' },
  'llm-model': { type: 'string', arg: 'NAME', help: 'model name (overrides llm.model)' },
  concurrency: { type: 'string', arg: 'N', help: 'requests in flight at most (overrides llm.concurrency)' },
  'max-cost': { type: 'string', arg: 'X', help: 'stop taking records once the estimated cost reaches X (overrides llm.maxCost)' },
  report: { type: 'string', arg: 'DIR', help: 'write stats.json, stats.md and report.html to DIR' },
  judge: { type: 'string', arg: 'FILE', help: 'summarise this judge side file (gen-stream judge output) in the report' },
  license: { type: 'string', arg: 'ID', help: 'the dataset\'s license (default cc-by-4.0)' },
  field: { type: 'string', arg: 'F', help: 'the text field compared (overrides dedup.field, default "persona")' },
  removed: { type: 'string', arg: 'FILE', help: 'removed ids (default <out>.removed.jsonl)' },
  shard: {
    type: 'string',
    arg: 'i/n',
    help: 'run only shard i (0-based) of n: a contiguous block of the index range (generator), or every n-th input record (stream commands); outputs carry the shard in their names',
  },
  batch: { type: 'string', arg: 'DIR', help: 'the batch directory' },
  port: { type: 'string', arg: 'N', help: 'port to listen on (default 8000; 0 = any free port, printed on the ready line)' },
  host: { type: 'string', arg: 'HOST', help: 'address to listen on (default 127.0.0.1: this machine only)' },
  'median-ms': { type: 'string', arg: 'MS', help: 'median wait before each answer, in ms (default 0)' },
  sigma: { type: 'string', arg: 'S', help: 'spread of the wait: lognormal sigma (default 0: every answer waits --median-ms)' },
  'rate-429': { type: 'string', arg: 'P', help: 'share 0-1 of requests answered 429 rate_limit_exceeded with retry-after-ms (default 0)' },
  'rate-500': { type: 'string', arg: 'P', help: 'share 0-1 of requests answered 500 server_error (default 0)' },
  'rate-reset': { type: 'string', arg: 'P', help: 'share 0-1 of requests whose connection is reset without an answer (default 0)' },
  'rate-invalid-json': { type: 'string', arg: 'P', help: 'share 0-1 of answers whose content is cut in half: not JSON, as a model cut off (default 0)' },
  'require-key': { type: 'string', arg: 'KEY', help: 'answer 401 invalid_api_key unless a request carries "Authorization: Bearer KEY" (a made-up key)' },
  'drain-timeout': {
    type: 'string',
    arg: 'S',
    help: 'after the first SIGINT/SIGTERM, seconds the LLM requests in flight may take before they are aborted and their records left for --resume (default 20)',
  },
  quiet: { type: 'boolean', short: 'q', help: 'nothing on stderr but errors (no progress, summary or notices)' },
  help: { type: 'boolean', short: 'h', help: 'show help for the command' },
  version: { type: 'boolean', help: 'print the version' },
} as const satisfies Record<string, FlagSpec>;

export type FlagName = keyof typeof FLAGS;

/** The parsed value of each flag: booleans, repeatable strings, strings. */
export type FlagValues = {
  [K in FlagName]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : (typeof FLAGS)[K] extends { multiple: true } ? string[] : string;
};

/** Flags that override the config: every command that loads one takes them. */
export const CONFIG_FLAGS = ['config', 'count', 'seed', 'format', 'llm-base-url', 'llm-model', 'concurrency', 'max-cost', 'quiet', 'help'] as const satisfies readonly FlagName[];
/** Flags of every command that writes outputs through the checkpointing runner. */
export const RUN_FLAGS = ['out', 'failed', 'checkpoint', 'resume', 'continue', 'force', 'start-offset'] as const satisfies readonly FlagName[];

/** Flags of the commands that read records and write them through the runner (narrate and the Persona Hub modes): all make LLM requests. */
export const STREAM_FLAGS = [...CONFIG_FLAGS, ...RUN_FLAGS, 'input', 'input-format', 'retry-failed', 'shard', 'drain-timeout'] as const satisfies readonly FlagName[];
/** Flags of the generator commands. */
export const GENERATOR_FLAGS = [...CONFIG_FLAGS, ...RUN_FLAGS, 'shard'] as const satisfies readonly FlagName[];

/** What a command's run is given: the flags, its arguments, the loaded config (flags applied), the run options. */
export interface CommandContext {
  values: FlagValues;
  /** Positional arguments after the command's name. */
  args: readonly string[];
  loaded: LoadedConfig;
  /** The config value as given, after the flags (batch-export stores it in its manifest). */
  configValue: unknown;
  options: RunOptions;
}

export interface Command {
  /** As typed; `main` is the command run when none is named. */
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Usage lines of the help, without the leading "Usage: ". */
  usage: readonly string[];
  /** The help's paragraph. */
  description: string;
  flags: readonly FlagName[];
  /** Positional arguments after the name: at most `max` (Infinity for a list). */
  args: { max: number };
  /** Whether stdin carries data (records, a corpus) rather than the config, given the flags. */
  stdinIsData: (values: FlagValues) => boolean;
  /** How --shard and job-array variables apply: index blocks (generator), input stripes (stream commands). */
  shard?: 'blocks' | 'stripes';
  /** Where the config comes from when --config is not given, if not stdin (batch-import: the export's manifest). */
  configWithout?: (values: FlagValues) => Promise<{ value: unknown; source: string }>;
  run: (ctx: CommandContext) => Promise<number>;
}

/**
 * Whether the command runs through the checkpointing runner (every such command takes RUN_FLAGS): its first
 * signal stops it gracefully, so its signals are trapped from the start (run/signals.ts trapSetup).
 */
export const runsThroughRunner = (command: Command): boolean => RUN_FLAGS.every((f) => command.flags.includes(f));

/** stdin carries the records unless they come from a file. */
export const recordsOnStdin = (values: FlagValues): boolean => !values.input && !values['retry-failed'];

/** Where a record-reading command's records come from, as the runner takes it. */
export const inputOf = (values: FlagValues): { input?: string; inputFormat?: string; retryFailed?: string } => ({
  input: values.input,
  inputFormat: values['input-format'],
  retryFailed: values['retry-failed'],
});

/** What the generator commands share: no arguments, the config on stdin, index-block shards. */
export const GENERATOR_COMMAND = { flags: GENERATOR_FLAGS, args: { max: 0 }, stdinIsData: () => false, shard: 'blocks' } as const satisfies Partial<Command>;

/** What the record-reading stream commands share: records on stdin (unless --input), input-stripe shards. */
export const STREAM_COMMAND = { flags: STREAM_FLAGS, args: { max: 0 }, stdinIsData: recordsOnStdin, shard: 'stripes' } as const satisfies Partial<Command>;

