/** Help text, derived from the command table and the flag table: what parses the flags also documents them. */
import { type Command, FLAGS, type FlagName } from './command.js';

function flagLine(name: FlagName): string {
  const spec = FLAGS[name];
  const short = 'short' in spec ? `-${spec.short}, ` : '    ';
  const arg = 'arg' in spec ? ` ${spec.arg}` : '';
  return `  ${short}--${name}${arg}`.padEnd(28) + ` ${spec.help}`;
}

/** One command's help: usage, description, every flag it takes. */
export function commandHelp(command: Command): string {
  const [first, ...rest] = command.usage;
  const usage = [`Usage: ${first}`, ...rest.map((u) => `       ${u}`)].join('\n');
  return `${usage}\n\n${command.description}\n\nOptions:\n${command.flags.map(flagLine).join('\n')}`;
}

/** The main help: the bare command's help, with the list of commands. */
export function mainHelp(commands: readonly Command[]): string {
  const main = commands.find((c) => c.name === 'main')!;
  const list = commands
    .filter((c) => c !== main)
    .map((c) => `  ${c.name.padEnd(19)} ${c.summary}`)
    .join('\n');
  const [first] = main.usage;
  return `Usage: ${first}\n\n${main.description}\n\nCommands:\n  (none)              ${main.summary}\n${list}\n  help [COMMAND]      show this help, or a command's\n\nOptions:\n${main.flags.map(flagLine).join('\n')}\n  (each command's own: gen-stream help COMMAND)`;
}
