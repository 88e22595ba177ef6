import { Worker } from 'node:worker_threads';
import { type GenStreamError, InternalError } from '../errors.js';
import { systemError } from '../io/system-errors.js';
import type { PartProperties } from './parquet-part.js';
import type { PartReply, PartRequest } from './parquet-worker.js';

/**
 * A ParquetPart on the encoder's thread (parquet-worker.ts). `write` posts the batch and resolves
 * once the batch before it is taken: at most two batches are on their way, so memory stays bounded while both
 * threads work. One thread per sink, ended by `end`.
 */
export class PartThread {
  bytes = 0;
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  private inFlight: Promise<void> | null = null;
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(new URL('./parquet-worker.js', import.meta.url));
    this.worker.on('message', (reply: PartReply) => {
      const w = this.waiting.get(reply.id)!;
      this.waiting.delete(reply.id);
      this.bytes = reply.bytes;
      if (reply.error) w.reject(replyError(reply.error));
      else w.resolve();
    });
    const fail = (err: Error) => {
      this.failure ??= err;
      for (const w of this.waiting.values()) w.reject(this.failure);
      this.waiting.clear();
    };
    this.worker.on('error', (err) => fail(systemError(err) ?? new InternalError(`Parquet writer thread: ${err.message}`)));
    // A thread that ends with requests unanswered fails them: a caller never waits on a dead thread.
    this.worker.on('exit', (code) => fail(new InternalError(`Parquet writer thread exited (code ${code})`)));
  }

  private call(req: DistributiveOmit<PartRequest, 'id'>): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id });
    });
  }

  open(path: string, props: PartProperties): Promise<void> {
    return this.call({ op: 'open', path, props });
  }

  /** `ipc` is copied to the thread (the spool still reads it). */
  async write(ipc: Uint8Array): Promise<void> {
    const previous = this.inFlight;
    this.inFlight = this.call({ op: 'write', ipc });
    this.inFlight.catch(() => undefined);
    await previous;
  }

  async close(): Promise<void> {
    await this.inFlight;
    this.inFlight = null;
    await this.call({ op: 'close' });
  }

  async abort(): Promise<void> {
    await this.inFlight?.catch(() => undefined);
    this.inFlight = null;
    await this.call({ op: 'abort' }).catch(() => undefined);
  }

  async end(): Promise<void> {
    await this.worker.terminate();
  }
}

/**
 * A failure the thread reported: a system error (a full disk, a path that cannot be written) is the user's
 * `E_IO` as on the main thread; anything else is the encoder's, a bug of ours.
 */
function replyError(error: NonNullable<PartReply['error']>): GenStreamError {
  return systemError(Object.assign(new Error(error.message), error)) ?? new InternalError(`Parquet writer: ${error.message}`);
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
