import type { Readable } from 'node:stream';
import type { InputDigest } from '../run-state/input-digest.js';
import { createInputSource, type InputSourceOptions } from '../streams/input-source.js';
import type { RunOptions } from './run-options.js';
import { type HeadContext, stopAtBadInput } from './run-plan.js';

/** What the record-reading plans share of their input source; `extra` adds a mode's own (corpus, batch size, check). */
type Extra = Omit<InputSourceOptions, 'name' | 'failures' | 'signal' | 'skip' | 'stripe' | 'onEnd' | 'onInputError' | 'digest'>;

/**
 * The head of a plan that reads records (narrate, write, the Persona Hub modes, judge): the opened input as a
 * source that skips what an earlier run took, takes its shard's stripe (every n-th record), hashes what it reads
 * for the resume check, reports its end, and stops the run at a bad input line.
 */
export function recordHead(input: { stream: Readable; name: string; failures: boolean }, options: Pick<RunOptions, 'shard'>, startOffset: number, digest: InputDigest | undefined, extra: Extra = {}) {
  return ({ signal, report }: HeadContext) => [
    createInputSource(input.stream, {
      name: input.name,
      failures: input.failures,
      signal,
      skip: startOffset,
      // A shard of a stream command takes every n-th record (a Shard is the stripe: index of count).
      stripe: options.shard ?? undefined,
      onEnd: (n) => report({ taken: n }),
      onInputError: stopAtBadInput(report),
      digest,
      ...extra,
    }),
  ];
}
