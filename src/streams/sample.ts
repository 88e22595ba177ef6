import { Readable } from 'node:stream';
import type { OnlineIpf } from '../generator/online-ipf.js';
import { applyFactors } from '../generator/calibration.js';
import { Stream, rngFor } from '../generator/rng.js';
import type { Sampler } from '../generator/sampler.js';
import type { PersonChunk } from './person-chunk.js';

export interface SampleOptions {
  sampler: Sampler;
  /** When given, each chunk waits until the calibration stage has seen every earlier record (see below). */
  ipf: OnlineIpf | null;
  seed: number;
  /** Output index of the first record to produce, and one past the last. */
  start: number;
  end: number;
  /** Records per chunk when calibration is off; with calibration, chunks follow its update boundaries. */
  chunkSize: number;
  /** The run's stop: once aborted the stream ends before its next chunk. */
  signal?: AbortSignal;
}

/**
 * The generator: a Readable of PersonChunks. Record i draws only from its own random stream (seed, i);
 * what else it depends on is the calibration factors in force, which are a function of records < i.
 *
 * Determinism under any scheduling: a chunk never crosses a calibration boundary, and the next chunk is
 * drawn only after the calibration stage has observed everything before it (`whenObserved`). The two
 * stages therefore advance in lock-step whatever the buffering between them, and the output is
 * byte-identical for the same config and seed. Backpressure is untouched: if nobody reads, the
 * calibration stage observes nothing and the generator draws nothing.
 */
export function createSample(options: SampleOptions): Readable {
  const { sampler, ipf, seed, end } = options;
  const width = sampler.width;
  let next = options.start;
  const every = ipf ? ipf.options.every : options.chunkSize;

  const produce = (stream: Readable): void => {
    try {
      const count = Math.min(every - (next % every), end - next);
      if (ipf) applyFactors(sampler, ipf);
      const codes = new Uint16Array(count * width);
      for (let i = 0; i < count; i++) sampler.sample(rngFor(seed, Stream.person, next + i), codes, i * width);
      const chunk: PersonChunk = { start: next, count, codes };
      next += count;
      stream.push(chunk);
    } catch (err) {
      stream.destroy(err as Error);
    }
  };

  return new Readable({
    objectMode: true,
    highWaterMark: 2,
    read() {
      if (next >= end || options.signal?.aborted) {
        this.push(null);
        return;
      }
      if (!ipf) return produce(this);
      // The waiter fires from inside the calibration stage's transform: defer so the push does not
      // re-enter that stream's machinery.
      ipf.whenObserved(next, () => process.nextTick(produce, this));
    },
  });
}
