import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { UsageError } from '../errors.js';
import { arrowRecords } from '../readers/arrow.js';
import { csvRecords } from '../readers/csv.js';
import { checkRecordFile, inputFormatFlag, inputFormatOf, recordBatches } from '../readers/read-records.js';
import { recordInput } from '../readers/record-input.js';
import { retryFailuresPathOf } from './artifacts.js';
import type { InputOptions } from './run-options.js';

/** `--input-format F`: how `--input` (or stdin) is read when its name does not say. */
export type InputFileOptions = InputOptions & { inputFormat?: string };

/**
 * Where a record-reading command reads: the failure file being retried (always JSONL), `--input` (JSONL, CSV,
 * Arrow or Parquet, by `--input-format` or its extension; any other name is JSONL), or stdin (JSONL, or CSV or
 * an Arrow stream when `--input-format` says so). The file is checked here, synchronously, before the plan
 * opens any output: one that is not what its format says is an InputError naming it (exit 2).
 */
export function openInput(options: InputFileOptions): { stream: Readable; name: string; failures: boolean } {
  const format = inputFormatFlag(options.inputFormat);
  if (options.retryFailed) return { stream: createReadStream(options.retryFailed), name: options.retryFailed, failures: true };
  const path = options.input;
  if (path === undefined) {
    const name = '<stdin>';
    // A terminal on stdin is a user who forgot the pipe: say what is expected rather than wait for typed JSON.
    if (process.stdin.isTTY) throw new UsageError('the records are read from stdin, and stdin is a terminal: pipe them in (gen-stream sample -n 10 | gen-stream narrate) or give --input FILE');
    if (format === 'parquet') throw new UsageError('--input-format parquet needs --input FILE: a Parquet file cannot be read from stdin (its footer is at the end)');
    if (format === 'csv') return { stream: recordInput((g) => csvRecords(process.stdin, name, g)), name, failures: false };
    if (format === 'arrow') return { stream: recordInput((g) => arrowRecords(process.stdin, name, g)), name, failures: false };
    return { stream: process.stdin, name, failures: false };
  }
  const f = inputFormatOf(path, format, 'jsonl');
  checkRecordFile(path, f);
  return { stream: f === 'jsonl' ? createReadStream(path) : recordInput((g) => recordBatches(path, f, g)), name: path, failures: false };
}

/** A retry's failures go beside the retried file unless `--failed` says otherwise. */
export function failedPathFor(failedPath: string | undefined, options: InputOptions): string | undefined {
  return failedPath ?? (options.retryFailed ? retryFailuresPathOf(options.retryFailed) : undefined);
}
