import { createWriteStream, promises as fs, statSync } from 'node:fs';
import type { Writable } from 'node:stream';

/**
 * File writes are asynchronous (libuv thread pool): with the default 16 KiB buffer every 40 KB chunk filled
 * it and the whole pipeline idled through each write (15 % idle measured). 1 MiB keeps generating while a
 * write is in flight, and still bounds memory.
 */
const WRITE_BUFFER = 1 << 20;

export interface Output {
  stream: Writable;
  /** Makes a completed file visible under its final name (no-op for stdout). */
  commit(): Promise<void>;
  /** Removes what a failed run wrote (no-op for stdout). */
  abort(): Promise<void>;
}

/**
 * "-" is stdout. A file is written under a temporary name beside the target and renamed on success, so a
 * failed run never leaves a truncated file under the name the user asked for.
 */
export function openOutput(path: string): Output {
  if (path === '-') return { stream: process.stdout, commit: async () => {}, abort: async () => {} };
  // Devices and FIFOs (/dev/null, a named pipe) are written in place: there is nothing to rename.
  if (isSpecialFile(path)) return { stream: createWriteStream(path, { flags: 'a', highWaterMark: WRITE_BUFFER }), commit: async () => {}, abort: async () => {} };
  const tmp = `${path}.tmp-${process.pid}`;
  const stream = createWriteStream(tmp, { flags: 'w', highWaterMark: WRITE_BUFFER });
  return {
    stream,
    async commit() {
      const fh = await fs.open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      await fs.rename(tmp, path);
    },
    async abort() {
      await fs.rm(tmp, { force: true });
    },
  };
}

export function isSpecialFile(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

/** Writes a small file atomically: temp file, fsync, rename. */
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
}
