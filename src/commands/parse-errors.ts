/** parseArgs' own errors turned into messages a user can act on: the nearest flag, the value that was given. */
import { UsageError } from '../errors.js';
import { FLAGS, type FlagName } from './command.js';

/** Edit distance, for "did you mean" (flags are short: the quadratic table is nothing). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The closest flag name within 2 edits (or a prefix of one), if any. */
export function nearestFlag(typed: string): FlagName | null {
  let best: FlagName | null = null;
  let bestDistance = 3;
  for (const name of Object.keys(FLAGS) as FlagName[]) {
    const d = name.startsWith(typed) ? 1 : distance(typed, name);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  return best;
}

/** The long name of a flag given as `-n` or `--count`. */
function longName(given: string): FlagName | null {
  if (given.startsWith('--')) return given.slice(2) in FLAGS ? (given.slice(2) as FlagName) : null;
  const short = given.slice(1);
  return (Object.keys(FLAGS) as FlagName[]).find((n) => 'short' in FLAGS[n] && (FLAGS[n] as { short?: string }).short === short) ?? null;
}

const INTEGER_FLAGS: Partial<Record<FlagName, number>> = { count: 1, seed: 0, concurrency: 1, 'start-offset': 0, port: 0 };

/** A UsageError for what parseArgs refused in `argv`. */
export function usageErrorOf(err: NodeJS.ErrnoException, argv: readonly string[]): UsageError {
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = /'(-[^']+)'/.exec(err.message)?.[1] ?? '';
    const near = nearestFlag(typed.replace(/^-+/, '').split('=')[0]);
    return new UsageError(`unknown option ${typed}${near ? `; did you mean --${near}?` : ''} (gen-stream help lists the options)`);
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const given = /Option '(-[^',]+)/.exec(err.message)?.[1] ?? '';
    const name = longName(given);
    const at = argv.indexOf(given);
    const value = at >= 0 ? argv[at + 1] : undefined;
    if (name && value !== undefined && INTEGER_FLAGS[name] !== undefined) return new UsageError(`--${name}: expected an integer >= ${INTEGER_FLAGS[name]}, received "${value}"`);
    if (name && value !== undefined) return new UsageError(`--${name}: a value starting with "-" must be written --${name}=${value}`);
    if (name) return new UsageError(`--${name} needs a value`);
  }
  return new UsageError(err.message.split('\n')[0]);
}
