import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { retryFailuresPathOf } from './artifacts.js';
import type { InputOptions } from './run-options.js';

/** Where a record-reading command reads: the failure file being retried, `--input`, or stdin. */
export function openInput(options: InputOptions): { stream: Readable; name: string; failures: boolean } {
  const path = options.retryFailed ?? options.input;
  return { stream: path ? createReadStream(path) : process.stdin, name: path ?? '<stdin>', failures: options.retryFailed !== undefined };
}

/** A retry's failures go beside the retried file unless `--failed` says otherwise. */
export function failedPathFor(failedPath: string | undefined, options: InputOptions): string | undefined {
  return failedPath ?? (options.retryFailed ? retryFailuresPathOf(options.retryFailed) : undefined);
}
