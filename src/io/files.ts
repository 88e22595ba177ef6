/** Small file helpers shared by the commands. */
import { promises as fs, statSync } from 'node:fs';
import { dirname } from 'node:path';

export function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** Whether anything (file, directory, device) stands at `path`. */
export const pathExists = (path: string): Promise<boolean> => fs.stat(path).then(() => true, () => false);

/**
 * Writes a small file atomically and durably: temp file, fsync, rename, fsync of the directory (so the rename
 * itself survives a crash). The one atomic write of the project: checkpoints, sidecars, manifests, tables.
 */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const tmp = `${path}.tmp-${process.pid}`;
  const fh = await fs.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.rename(tmp, path);
  await fsyncPath(dirname(path));
}

/** fsync of a file or a directory by path (a directory: so that a rename in it is durable). */
export async function fsyncPath(path: string): Promise<void> {
  const fh = await fs.open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
