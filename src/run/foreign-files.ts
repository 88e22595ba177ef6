import { readdir } from 'node:fs/promises';
import type { Config } from '../config.js';
import { UsageError } from '../errors.js';
import { formatOf } from '../io/formats.js';
import { OWN_PART } from './artifacts.js';
import { outputsOf } from './outputs.js';

const SHOWN = 5;

/**
 * A run touches only what it owns. Before a fresh run writes into a Parquet dataset directory, the files in it
 * that gen-stream did not name (not a part of any family or shard; dotfiles aside) are a user's: the run refuses
 * to mix its parts with them unless `--force`, and even then never deletes them (the sinks remove only their
 * own prefix's parts). Parts of another family or shard are ours and stay, side by side.
 */
export async function refuseForeignFiles(config: Config, force: boolean, warn: (msg: string) => void): Promise<void> {
  for (const out of outputsOf(config)) {
    if (out === '-' || formatOf(out, config.format) !== 'parquet') continue;
    const names = await readdir(out).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return [];
      throw err;
    });
    const foreign = names.filter((n) => !n.startsWith('.') && !OWN_PART.test(n)).sort();
    if (!foreign.length) continue;
    const list = `${foreign.slice(0, SHOWN).join(', ')}${foreign.length > SHOWN ? ` and ${foreign.length - SHOWN} more` : ''}`;
    if (!force) throw new UsageError(`--out ${out} holds files gen-stream did not write (${list}); write into an empty or new directory, or give --force to write beside them (they are never deleted)`);
    warn(`--out ${out}: writing beside ${foreign.length} file(s) gen-stream did not write (${list}); they are left as they are`);
  }
}
