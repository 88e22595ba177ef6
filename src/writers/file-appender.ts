import { type FileHandle, open, truncate } from 'node:fs/promises';
import { InternalError, UsageError } from '../errors.js';

/**
 * Appends to a file and knows its length. Opening for a resume first cuts the file back to the checkpointed
 * length (what lies beyond was never claimed by a checkpoint). stdout is written with backpressure instead.
 */
export class FileAppender {
  readonly path: string;
  bytes: number;
  private fh: FileHandle | null = null;
  private aborted = false;
  /** A regular file: fsync makes it durable. A device or FIFO (`/dev/null`, a pipe) cannot be synced (EINVAL). */
  private syncable = false;

  private constructor(path: string, bytes: number) {
    this.path = path;
    this.bytes = bytes;
  }

  static async open(path: string, resumeBytes: number | null): Promise<FileAppender> {
    const appender = new FileAppender(path, resumeBytes ?? 0);
    if (path === '-') return appender;
    try {
      if (resumeBytes !== null) await truncate(path, resumeBytes);
      appender.fh = await open(path, resumeBytes !== null ? 'a' : 'w');
      appender.syncable = (await appender.fh.stat()).isFile();
    } catch (err) {
      throw new UsageError(`cannot open output ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return appender;
  }

  async write(data: Buffer): Promise<void> {
    // Without this, a write after abort would find no handle and go to stdout.
    if (this.aborted) throw new InternalError(`write to aborted output ${this.path}`);
    this.bytes += data.length;
    if (this.fh) {
      await this.fh.write(data);
      return;
    }
    if (!process.stdout.write(data)) await new Promise<void>((resolve, reject) => {
      const done = (err?: Error) => {
        process.stdout.off('drain', done);
        process.stdout.off('error', done);
        if (err) reject(err);
        else resolve();
      };
      process.stdout.once('drain', done);
      process.stdout.once('error', done);
    });
  }

  async sync(): Promise<void> {
    if (this.syncable) await this.fh?.sync();
  }

  async close(): Promise<void> {
    await this.sync();
    await this.fh?.close();
    this.fh = null;
  }

  /**
   * Closes the file without syncing it (a failed run). Bytes past the last sync are left as the OS has them:
   * a resume cuts the file back to its checkpoint, and a run without checkpoints keeps what it wrote, as before.
   * stdout is not ours to close.
   */
  async abort(): Promise<void> {
    this.aborted = true;
    const fh = this.fh;
    this.fh = null;
    await fh?.close();
  }
}
