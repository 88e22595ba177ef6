import { createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';

export interface FailureEntry {
  /** Position of the record in this run's input. */
  index: number;
  record: Readonly<Record<string, unknown>>;
  error: { code: string; message: string };
  /** HTTP requests spent on it. */
  attempts: number;
}

/**
 * The failure file (`<out>.failed.jsonl`): one JSON line per record that could not be narrated, with the
 * error and the attempts. Created on the first failure only; closed with an fsync so a reported failure is
 * on disk. `gen-stream narrate --retry-failed FILE` reads it back.
 */
export class FailureSink {
  readonly path: string;
  count = 0;
  private stream: WriteStream | null = null;

  constructor(path: string) {
    this.path = path;
  }

  write(entry: FailureEntry): void {
    this.stream ??= createWriteStream(this.path, { flags: 'w' });
    this.count++;
    this.stream.write(`${JSON.stringify(entry)}\n`);
  }

  async close(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
    const fh = await open(this.path, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
  }
}
