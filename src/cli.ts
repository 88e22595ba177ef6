import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type Command, FLAGS, type FlagName, type FlagValues, runsThroughRunner } from './commands/command.js';
import { commandHelp, mainHelp } from './commands/help.js';
import { usageErrorOf } from './commands/parse-errors.js';
import { COMMANDS, commandNamed } from './commands/table.js';
import { GenStreamError, UsageError } from './errors.js';
import { systemError } from './io/system-errors.js';
import { releaseSetup, trapSetup } from './run/signals.js';

/** parseArgs' options, from the flag table. */
const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, spec]) => [name, { type: spec.type, ...('short' in spec ? { short: spec.short } : {}), ...('multiple' in spec ? { multiple: true } : {}) }]),
) as { [K in FlagName]: { type: (typeof FLAGS)[K]['type']; short?: string; multiple?: boolean } };

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string };
  return `${pkg.name} ${pkg.version}`;
}

/** Refuses flags the command does not take: a flag given in vain is a mistake the user should hear of. */
function checkFlags(command: Command, values: FlagValues): void {
  for (const name of Object.keys(values) as FlagName[]) {
    if (values[name] !== undefined && name !== 'version' && !command.flags.includes(name)) {
      const where = command.name === 'main' ? 'gen-stream without a command' : `gen-stream ${command.name}`;
      throw new UsageError(`--${name} does not apply to ${where} (see gen-stream help ${command.name === 'main' ? '' : command.name})`.replace(/ \)$/, ')'));
    }
  }
}

/** Control characters (binary input echoed back, ANSI escapes) shown as escapes, so a message cannot garble the terminal. */
const printable = (text: string): string => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** Runs the CLI and resolves to the process exit code. Never calls process.exit (piped output would be cut). */
export async function main(argv: readonly string[]): Promise<number> {
  // `| head` may close stdout while a command still prints (validate's gate lines): the reader's choice, not a
  // crash. Pipelines to stdout see the same EPIPE as their own error, handled below.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: PARSE_OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
      throw usageErrorOf(err as NodeJS.ErrnoException, argv);
    }
    const values = parsed.values as FlagValues;
    const [name = 'main', ...args] = parsed.positionals;
    if (values.version) {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (name === 'help') {
      const topic = args[0] === undefined ? undefined : commandNamed(args[0]);
      if (args[0] !== undefined && !topic) throw new UsageError(`unknown command "${args[0]}" (try --help)`);
      process.stdout.write(`${topic && topic.name !== 'main' ? commandHelp(topic) : mainHelp(COMMANDS)}\n`);
      return 0;
    }
    const command = commandNamed(name);
    if (!command) throw new UsageError(`unknown command "${name}" (try --help)`);
    if (values.help) {
      process.stdout.write(`${command.name === 'main' ? mainHelp(COMMANDS) : commandHelp(command)}\n`);
      return 0;
    }
    if (args.length > command.args.max) throw new UsageError(`unexpected argument "${args[command.args.max]}"`);
    checkFlags(command, values);
    // A run's first signal must never meet Node's default action, not even while its config is read.
    const setupStop = runsThroughRunner(command) ? trapSetup(values.quiet ?? false) : null;
    // The context is loaded only to run a command: help and --version never pay for the config, the census or zod.
    const context = import('./commands/context.js').then(({ buildContext }) => buildContext(command, values, args));
    const ctx = await unlessStopped(context, setupStop);
    return ctx === null ? 130 : await command.run(ctx);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // `| head` closed our stdout: that is the reader's choice, not a failure.
    if (e?.code === 'EPIPE') return 0;
    const known = err instanceof GenStreamError ? err : systemError(err);
    if (known) {
      process.stderr.write(`gen-stream: error ${known.code}: ${printable(known.message)}\n`);
      return known.exitCode;
    }
    process.stderr.write(`gen-stream: unexpected error: ${e?.stack ?? String(err)}\n`);
    return 1;
  } finally {
    releaseSetup();
  }
}

/**
 * The set-up's result, or null once `stop` aborts first (a signal during set-up). The set-up may wait for a
 * config on stdin that never comes: stdin is let go, and whatever the abandoned set-up ends with goes unheard.
 */
async function unlessStopped<T>(setup: Promise<T>, stop: AbortSignal | null): Promise<T | null> {
  if (!stop) return setup;
  const stopped = new Promise<null>((resolve) => {
    if (stop.aborted) resolve(null);
    else stop.addEventListener('abort', () => resolve(null), { once: true });
  });
  const first = await Promise.race([setup, stopped]);
  if (first !== null) return first;
  setup.catch(() => undefined);
  process.stdin.destroy();
  return null;
}
