/** Small file helpers shared by the commands. */
import { promises as fs, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

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
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
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

/**
 * `mkdir -p` that always ends. Node 20's `mkdir(…, { recursive: true })` never returns where the kernel
 * answers ENOENT for a parent that exists (under /proc, seen here): it retries the parent for ever. Here
 * the missing ancestors are found by `stat` and made one by one, top down; any failure is thrown as is.
 */
export async function makeDirectories(dir: string): Promise<void> {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const st = await fs.stat(at).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return undefined;
      throw err;
    });
    if (st) {
      if (!st.isDirectory()) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR', path: at });
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const path of missing.reverse()) {
    await fs.mkdir(path).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EEXIST') throw err;
    });
  }
}
