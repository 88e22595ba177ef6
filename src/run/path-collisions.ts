import { fstatSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { artifactsOf } from './artifacts.js';
import { fileOutputs } from './outputs.js';
import type { RunOptions } from './run-options.js';

/** A path a run reads or writes, with what it is for (named in the refusal). */
export interface RunPath {
  role: string;
  path: string;
  writes: boolean;
}

/** What identifies a file: device and inode where it exists, else the real path of its directory plus its name. */
async function identity(path: string): Promise<{ ids: string[]; directory: boolean }> {
  const abs = resolve(path);
  const ids = [abs];
  try {
    const s = await stat(abs);
    ids.push(`${s.dev}:${s.ino}`);
    if (s.isDirectory()) return { ids, directory: true };
  } catch {
    const dir = await realpath(dirname(abs)).catch(() => null);
    if (dir) ids.push(join(dir, basename(abs)));
  }
  return { ids, directory: false };
}

const nameOf = (p: RunPath) => (p.role === 'stdin' ? 'stdin' : `${p.role} ${p.path}`);

/** stdin as a path when it is a regular file (`< f.jsonl`): its device and inode say which. */
function stdinIdentity(): string[] {
  try {
    const s = fstatSync(0);
    return s.isFile() ? [`${s.dev}:${s.ino}`] : [];
  } catch {
    return [];
  }
}

/**
 * Refuses (E_USAGE, exit 2) a run where one file would be both read and written, or written for two roles —
 * `write --input f.jsonl -o f.jsonl` would truncate its own input, `--checkpoint o.jsonl -o o.jsonl` would put
 * the checkpoint over the records. Checked before anything is opened; paths are compared resolved, through
 * symlinks, and by device and inode where the file exists (so `-o f.jsonl < f.jsonl` is caught too).
 */
export async function refuseCollisions(paths: readonly RunPath[], options: { sideBySide?: boolean } = {}): Promise<void> {
  const known: Array<{ p: RunPath; ids: string[]; directory: boolean }> = [];
  const stdin = stdinIdentity();
  if (stdin.length) known.push({ p: { role: 'stdin', path: '<stdin>', writes: false }, ids: stdin, directory: false });
  for (const p of paths) {
    const { ids, directory } = await identity(p.path);
    for (const k of known) {
      if (!p.writes && !k.p.writes) continue;
      // `sideBySide`: persona-to-persona reading the dataset directory text-to-persona wrote and adding its own
      // family's parts beside them (it removes no other family's). Any other run would remove its input's parts.
      if (options.sideBySide && directory && k.directory && p.writes !== k.p.writes) continue;
      if (ids.some((id) => k.ids.includes(id))) {
        throw new UsageError(`${nameOf(k.p)} and ${nameOf(p)} are the same file: ${p.writes && k.p.writes ? 'two of the run\'s files would overwrite each other' : 'the run would overwrite what it reads'}; name another`);
      }
    }
    known.push({ p, ids, directory });
  }
}

/** Every file a run reads (its flags' files) or writes (outputs, their sidecars, checkpoint, failure file, …). */
export function runPathsOf(config: Config, options: RunOptions, extra: readonly RunPath[] = []): RunPath[] {
  const artifacts = artifactsOf(config, options);
  const family = options.family ?? 'personas';
  const outputs = fileOutputs(config);
  return [
    ...(options.reads ?? []).map((r) => ({ ...r, writes: false })),
    ...outputs.map((path) => ({ role: '--out', path, writes: true })),
    ...outputs.map((out) => ({ role: `the sidecar of ${out}`, path: artifacts.meta(out), writes: true })),
    ...(artifacts.checkpoint ? [{ role: 'the checkpoint', path: artifacts.checkpoint, writes: true }] : []),
    { role: 'the failure file', path: artifacts.failures, writes: true },
    ...(family === 'text-to-persona' || family === 'persona-to-persona' ? [{ role: 'the domain table', path: artifacts.domainTable, writes: true }] : []),
    ...extra,
  ];
}
