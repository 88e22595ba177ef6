import { type FileHandle, open, truncate } from 'node:fs/promises';
import { UsageError } from '../errors.js';

/**
 * Appends to a file and knows its length. Opening for a resume first cuts the file back to the checkpointed
 * length (what lies beyond was never claimed by a checkpoint). stdout is written with backpressure instead.
 */
export class FileAppender {
  readonly path: string;
  bytes: number;
  private fh: FileHandle | null = null;

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
    } catch (err) {
      throw new UsageError(`cannot open output ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
    return appender;
  }

  async write(data: Buffer): Promise<void> {
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
    await this.fh?.sync();
  }

  async close(): Promise<void> {
    await this.sync();
    await this.fh?.close();
    this.fh = null;
  }
}
