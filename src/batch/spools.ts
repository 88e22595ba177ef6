import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Spool directories of imports that were killed (their process is gone); a running import's is left alone. */
export async function removeStaleSpools(batchDir: string): Promise<void> {
  for (const name of await readdir(batchDir)) {
    const m = /^\.import-(\d+)$/.exec(name);
    if (m && (Number(m[1]) === process.pid || !alive(Number(m[1])))) await rm(join(batchDir, name), { recursive: true, force: true });
  }
}
