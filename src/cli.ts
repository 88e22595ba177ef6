import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { type LoadedConfig, loadConfig, parseJsonText } from './config.js';
import { GenStreamError, UsageError } from './errors.js';
import { isSpecialFile, openOutput, writeFileAtomic } from './output.js';
import { runMetadata } from './run-metadata.js';
import { prepareRun } from './prepare-run.js';
import { sampleStages } from './sample-pipeline.js';

const HELP: Record<string, string> = {
  main: `Usage: gen-stream [command] [options] < config.json > personas.jsonl

Generates census-grounded synthetic personas as JSONL, one per line.

Commands:
  (none)    run the whole configured pipeline
  sample    run only the generator and online calibration (the first stage of a pipe)
  describe  print the run's metadata (census, sources, modelled tables, constraints) as JSON
  help      show this help

Options:
  -c, --config FILE   read the config from FILE instead of stdin
  -n, --count N       number of personas (overrides "count")
      --seed S        master seed, a non-negative integer (overrides "seed")
  -o, --out FILE|-    output file, "-" for stdout (overrides "out")
  -q, --quiet         no summary line on stderr
  -h, --help          show help for the command

The config is JSON (see README, "Config reference"). With no --config and stdin a terminal or empty, the
built-in default is used: 1,000 adults of Moldova (census "moldova-2024"), seed 42.
Exit codes: 0 ok, 1 run failure, 2 bad input or config, 130 interrupted.`,
  sample: `Usage: gen-stream sample [options] < config.json > skeletons.jsonl

Runs only the census generator and online IPF calibration: structured personas without narratives.
Options are those of gen-stream (-c, -n, --seed, -o, -q, -h).`,
  describe: `Usage: gen-stream describe [--config FILE] < config.json

Prints what a run with this config would be made of, as JSON: the census and the source of every table
(modelled ones flagged), the targets, the constraints, the settings and the config fingerprint. The same
document is written beside every file output as <out>.meta.json.`,
};

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  count: { type: 'string', short: 'n' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
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

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function readConfig(file: string | undefined): Promise<{ value: unknown; source: string }> {
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new UsageError(`--config ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return { value: parseJsonText(text, file), source: file };
  }
  const text = await readStdin();
  // An empty stdin (a terminal, /dev/null) means "the built-in default".
  return { value: text.trim() === '' ? {} : parseJsonText(text, '<stdin>'), source: '<stdin>' };
}

function withOverrides(value: unknown, flags: { count?: number; seed?: number; out?: string }): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (flags.count !== undefined) copy.count = flags.count;
  if (flags.seed !== undefined) copy.seed = flags.seed;
  if (flags.out !== undefined) copy.out = flags.out;
  return copy;
}

async function runSample(loaded: LoadedConfig, quiet: boolean): Promise<void> {
  const { config, model } = loaded;
  const started = process.hrtime.bigint();
  const run = prepareRun(model, config);
  const stages = sampleStages(run, config, 0, config.count);
  const output = openOutput(config.out);
  try {
    await pipeline([...stages, output.stream]);
    await output.commit();
    if (config.out !== '-' && !isSpecialFile(config.out)) {
      await writeFileAtomic(`${config.out}.meta.json`, `${JSON.stringify(runMetadata(loaded), null, 2)}\n`);
    }
  } catch (err) {
    await output.abort();
    throw err;
  }
  if (!quiet) {
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    const { accepted, proposals } = run.sampler.stats;
    process.stderr.write(
      `gen-stream: ${config.count} records in ${secs.toFixed(2)} s (${Math.round(config.count / secs)} records/s), ` +
        `constraint acceptance ${((100 * accepted) / proposals).toFixed(1)} %\n`,
    );
  }
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
    if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
    if (command === 'help' || values.help) {
      process.stdout.write(`${HELP[command === 'help' ? 'main' : command] ?? HELP.main}\n`);
      return 0;
    }
    if (!['main', 'sample', 'describe'].includes(command)) throw new UsageError(`unknown command "${command}" (try --help)`);
    const flags = { count: integerFlag('count', values.count, 1), seed: integerFlag('seed', values.seed, 0), out: values.out };
    const { value, source } = await readConfig(values.config);
    const loaded = loadConfig(withOverrides(value, flags), source);
    if (command === 'describe') {
      process.stdout.write(`${JSON.stringify(runMetadata(loaded), null, 2)}\n`);
      return 0;
    }
    await runSample(loaded, values.quiet ?? false);
    return 0;
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
