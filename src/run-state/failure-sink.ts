import { type FileHandle, open } from 'node:fs/promises';

export interface FailureEntry {
  /** Position of the record in this run's input. */
  index: number;
  /** Its place in the whole input, when that differs (a shard's every n-th record, a retried failure). */
  position?: number;
  record: Readonly<Record<string, unknown>>;
  error: { code: string; message: string };
  /** HTTP requests spent on it. */
  attempts: number;
}

/**
 * The failure file (`<out>.failed.jsonl`): one JSON line per record that could not be narrated, with the error
 * and the attempts, in input order. Created on the first failure. It remembers the byte offset after each
 * entry since the last checkpoint, so a checkpoint can record exactly the entries of the records it covers,
 * and a resume can cut the file back to them. `gen-stream narrate --retry-failed FILE` reads it.
 */
export class FailureSink {
  readonly path: string;
  count = 0;
  /** Bytes the file will hold once queued writes land. */
  private bytes: number;
  private base: number;
  private marks: Array<[number, number]> = [];
  /** Entries of records before the last settled position (those of the checkpoint resumed included). */
  private settledCount: number;
  private fh: FileHandle | null = null;
  private chain: Promise<void> = Promise.resolve();
  /** The first write that failed: every later write and sync throws it, so the run stops at once, not at the end. */
  private failure: Error | null = null;
  private readonly append: boolean;

  /** `resumeBytes`, `resumeCount`: continue a file already cut back to this length and number of entries. */
  constructor(path: string, resumeBytes = 0, resumeCount = 0) {
    this.path = path;
    this.settledCount = resumeCount;
    this.bytes = resumeBytes;
    this.base = resumeBytes;
    this.append = resumeBytes > 0;
  }

  write(entry: FailureEntry): void {
    if (this.failure) throw this.failure;
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
    this.count++;
    this.bytes += line.length;
    this.marks.push([entry.index, this.bytes]);
    this.chain = this.chain.then(async () => {
      this.fh ??= await open(this.path, this.append ? 'a' : 'w');
      await this.fh.write(line);
    }).catch((err: Error) => {
      this.failure ??= err;
    });
  }

  /** Length of the file holding exactly the entries of records before input position `k`. */
  bytesBefore(k: number): number {
    let end = this.base;
    for (const [index, bytes] of this.marks) {
      if (index >= k) break;
      end = bytes;
    }
    return end;
  }

  /** Entries of records before input position `k`: what a checkpoint at `k` may claim. */
  countBefore(k: number): number {
    return this.settledCount + this.marks.filter(([index]) => index < k).length;
  }

  /** Makes every queued entry durable. */
  async sync(): Promise<void> {
    await this.chain;
    if (this.failure) throw this.failure;
    await this.fh?.sync();
  }

  /** Forgets offsets before `k` (a checkpoint covers them). */
  settle(k: number): void {
    this.base = this.bytesBefore(k);
    this.settledCount = this.countBefore(k);
    this.marks = this.marks.filter(([index]) => index >= k);
  }

  async close(): Promise<void> {
    try {
      await this.sync();
    } finally {
      await this.fh?.close();
      this.fh = null;
    }
  }
}
