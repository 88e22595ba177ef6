import { createHash, type Hash } from 'node:crypto';
import { CheckpointError } from '../errors.js';

/**
 * What a checkpoint says of the input it consumed: the SHA-256 of the first `positions` input positions (each
 * position's text — a JSONL line, a corpus line or array element, a CSV/Arrow/Parquet record as JSON —
 * followed by a newline), taken at `index` records of this run's input (≤ the checkpoint's offset).
 */
export interface InputMark {
  index: number;
  positions: number;
  sha256: string;
}

interface Snapshot {
  index: number;
  positions: number;
  hash: Hash | null;
  sha256?: string;
}

export interface InputDigestOptions {
  /** Checkpoint interval: a mark at every multiple of it, so a boundary checkpoint covers its input exactly. */
  every: number;
  /** The resumed checkpoint's mark: the re-read input must hash to it before any record is emitted. */
  expect?: InputMark | null;
  /** Named in the refusal: the checkpoint file. */
  checkpoint?: string;
  /** Named in the refusal: `<stdin>` or the input file. */
  name?: string;
}

/**
 * A running SHA-256 of the input, one position at a time, so a resume can tell its input from another one. The
 * source queues each position's text as it reads it (`push`), and the batching stage hashes it as it counts it
 * (`take`): the hash always stands exactly at a position the batcher knows. Snapshots (a copy of the hash
 * state, ~0.3 KB) are taken at every checkpoint boundary and batch end; a checkpoint at offset k gets the last
 * one at or before k (`at`), so what it claims was read once, never guessed. Memory: one queued input group,
 * and the snapshots since the last checkpoint (every ÷ batch size of them).
 */
export class InputDigest {
  private hash = createHash('sha256');
  private queue: string[] = [];
  private head = 0;
  private positions = 0;
  private snapshots: Snapshot[] = [];
  private readonly every: number;
  private readonly expect: InputMark | null;
  private verdict: { resolve: () => void; reject: (err: Error) => void } | null = null;
  /** Settles once the resumed input is known to be the checkpoint's (at once without a mark to match). */
  readonly checked: Promise<void>;
  private failure: CheckpointError | null = null;

  constructor(private readonly options: InputDigestOptions) {
    this.every = options.every;
    this.expect = options.expect ?? null;
    // The checkpoint's own mark stands for its offset until this run passes it.
    if (this.expect) this.snapshots.push({ index: this.expect.index, positions: this.expect.positions, hash: null, sha256: this.expect.sha256 });
    this.checked = new Promise<void>((resolve, reject) => (this.verdict = { resolve, reject }));
    this.checked.catch(() => undefined);
    if (!this.expect || this.expect.positions === 0) this.settle(null);
  }

  /** True while a resumed input has yet to reach the checkpoint's mark (then nothing may be opened yet). */
  get checking(): boolean {
    return this.verdict !== null;
  }

  /** The source read one input position: its text, hashed when the batcher counts the position. */
  push(text: string): void {
    this.queue.push(text);
  }

  /** The batcher counted the next input position; a refusal (another input than the checkpoint's) throws here. */
  take(): void {
    const text = this.queue[this.head++] ?? '';
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    this.hash.update(text);
    this.hash.update('\n');
    this.positions++;
    if (this.expect && this.positions === this.expect.positions) this.compare();
  }

  /** `index` records of this run's input are counted: a snapshot at each checkpoint boundary. */
  counted(index: number): void {
    if (index % this.every === 0) this.mark(index);
  }

  /** A snapshot at `index` records (a batch end: a stop or the input's end settles there). */
  mark(index: number): void {
    const last = this.snapshots[this.snapshots.length - 1];
    // Up to the resumed offset the checkpoint's own mark stands: this run's marks there would say no more.
    if (this.expect && index <= this.expect.index) return;
    if (last && last.index === index && last.positions === this.positions) return;
    this.snapshots.push({ index, positions: this.positions, hash: this.hash.copy() });
  }

  /** The input ended (or the run stopped, or broke off at a bad record): a resume that never reached its mark. */
  ended(stopped: boolean): void {
    if (this.verdict && this.expect && !stopped) {
      this.settle(
        new CheckpointError(
          `${this.options.name ?? 'the input'} ends (or breaks off) after ${this.positions} records, before the ${this.expect.positions} that checkpoint ${this.options.checkpoint ?? ''} read: it is not the interrupted run's input`,
        ),
      );
    }
    // Stopped (a signal) before the mark: nothing is emitted, the checkpoint's mark stands.
    if (this.verdict) this.settle(null);
  }

  /** The mark a checkpoint at offset k saves: the last snapshot at or before k; older ones are dropped. */
  at(k: number): InputMark | null {
    let i = -1;
    for (let j = 0; j < this.snapshots.length && this.snapshots[j].index <= k; j++) i = j;
    if (i < 0) return null;
    const s = this.snapshots[i];
    this.snapshots.splice(0, i);
    s.sha256 ??= s.hash!.digest('hex');
    s.hash = null;
    return { index: s.index, positions: s.positions, sha256: s.sha256 };
  }

  private compare(): void {
    const sha256 = this.hash.copy().digest('hex');
    if (sha256 === this.expect!.sha256) return this.settle(null);
    this.settle(
      new CheckpointError(
        `${this.options.name ?? 'the input'}: its first ${this.expect!.positions} records are not those checkpoint ${this.options.checkpoint ?? ''} was written from (input SHA-256 differs): resume with the interrupted run's input`,
      ),
    );
    throw this.failure;
  }

  private settle(err: CheckpointError | null): void {
    if (!this.verdict) return;
    const { resolve, reject } = this.verdict;
    this.verdict = null;
    this.failure = err;
    if (err) reject(err);
    else resolve();
  }
}
