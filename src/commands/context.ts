/** From parsed flags to what a command runs with: the config (flags applied, shard applied) and the run options. */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { loadConfig, parseJsonText } from '../config.js';
import { UsageError } from '../errors.js';
import { shardOutputs } from '../run/outputs.js';
import { resolveShard, shardTag } from '../run/shard.js';
import type { Command, CommandContext, FlagValues } from './command.js';
import { integerFlag, numberFlag } from './flag-values.js';

/** `--drain-timeout S`: seconds (a fraction allowed, 0 = abort at once, at most a day), as ms. */
function drainTimeoutMs(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const s = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || s > 86_400) throw new UsageError(`--drain-timeout: expected seconds between 0 and 86400, received "${raw}"`);
  return Math.round(s * 1000);
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

/** The config with the flags that override it applied (a copy; the value read is not changed). */
function withOverrides(value: unknown, values: FlagValues): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const count = integerFlag('count', values.count, 1);
  const seed = integerFlag('seed', values.seed, 0);
  const concurrency = integerFlag('concurrency', values.concurrency, 1);
  const maxCost = numberFlag('max-cost', values['max-cost']);
  if (count !== undefined) copy.count = count;
  if (seed !== undefined) copy.seed = seed;
  if (values.out !== undefined) copy.out = values.out.length === 1 ? values.out[0] : values.out;
  if (values.format !== undefined) copy.format = values.format;
  if (values.field !== undefined) copy.dedup = { ...(copy.dedup as object | undefined), field: values.field };
  const baseUrl = values['llm-base-url'];
  const model = values['llm-model'];
  if ([baseUrl, model, concurrency, maxCost].some((f) => f !== undefined)) {
    const llm: Record<string, unknown> = typeof copy.llm === 'object' && copy.llm !== null ? { ...(copy.llm as Record<string, unknown>) } : {};
    if (baseUrl !== undefined) {
      llm.baseUrl = baseUrl;
      delete llm.baseUrls; // one endpoint given on the command line replaces the configured list
    }
    if (model !== undefined) llm.model = model;
    if (concurrency !== undefined) llm.concurrency = concurrency;
    if (maxCost !== undefined) llm.maxCost = maxCost;
    copy.llm = llm;
  }
  return copy;
}

/**
 * Input files are checked before anything starts: a missing one is a usage error named by its flag. (`--failed`
 * naming the `--retry-failed` file is the runner's collision check: run/path-collisions.ts.)
 */
async function checkInputs(values: FlagValues): Promise<void> {
  for (const [flag, path] of [['--input', values.input], ['--retry-failed', values['retry-failed']]] as const) {
    if (path !== undefined) {
      await access(path, constants.R_OK).catch((err: NodeJS.ErrnoException) => {
        throw new UsageError(`${flag} ${path}: cannot read (${err.code ?? err.message})`);
      });
    }
  }
}

/** The files the flags name for reading: a run refuses to write over any of them. */
function readsOf(values: FlagValues): Array<{ role: string; path: string }> {
  const named: Array<[string, string | undefined]> = [['--config', values.config], ['--input', values.input], ['--retry-failed', values['retry-failed']]];
  return named.filter((n): n is [string, string] => n[1] !== undefined).map(([role, path]) => ({ role, path }));
}

/** Everything a command runs with, from its flags and arguments. */
export async function buildContext(command: Command, values: FlagValues, args: readonly string[]): Promise<CommandContext> {
  await checkInputs(values);
  const { value, source } =
    values.config === undefined && command.configWithout ? await command.configWithout(values) : await readConfig(values.config, command.stdinIsData(values));
  const configValue = withOverrides(value, values);
  let loaded = loadConfig(configValue, source);
  // Shards split the generator's index range into blocks, and the input of the LLM stream commands into stripes
  // (every n-th record: their input's length is not known up front). Stream commands take --shard only: in a
  // job array a stage of `sample | narrate` must not split again what the generator already split.
  const shard = command.shard === 'blocks' ? resolveShard(values.shard) : command.shard === 'stripes' ? resolveShard(values.shard, {}) : null;
  if (shard && command.shard === 'blocks' && shard.count > loaded.config.count) {
    throw new UsageError(`${shard.source}: ${shard.count} shards for ${loaded.config.count} records leaves some shards empty`);
  }
  if (shard) loaded = { ...loaded, config: shardOutputs(loaded.config, shardTag(shard)) };
  const options = {
    quiet: values.quiet ?? false,
    failedPath: values.failed,
    checkpointPath: values.checkpoint,
    resume: values.resume ?? false,
    continueIfAny: values.continue ?? false,
    force: values.force ?? false,
    startOffset: integerFlag('start-offset', values['start-offset'], 0),
    shard,
    reads: readsOf(values),
    drainTimeoutMs: drainTimeoutMs(values['drain-timeout']),
  };
  return { values, args, loaded, configValue, options };
}
