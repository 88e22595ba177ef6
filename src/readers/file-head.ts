/**
 * The first or last bytes of a file, read synchronously: a command checks its input is what its extension says
 * before the runner opens any output (the checks run before the plan starts, so an unreadable input never leaves
 * an empty output behind).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';

/** `n` bytes from the start (`from: 'head'`) or the end of `path`; fewer when the file is shorter. */
export function fileBytes(path: string, n: number, from: 'head' | 'tail' = 'head'): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new InputError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    const size = fstatSync(fd).size;
    const length = Math.min(n, size);
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, from === 'head' ? 0 : size - length);
    return buf;
  } finally {
    closeSync(fd);
  }
}

/** Bytes read to sniff a text format (JSONL, CSV): enough for a header line or a first record. */
export const SNIFF_BYTES = 64 * 1024;

/** A text input holds no NUL byte in its first SNIFF_BYTES (binary data — Parquet, Arrow — always does). */
export function checkText(path: string, expected: string): Buffer {
  const head = fileBytes(path, SNIFF_BYTES);
  if (head.includes(0)) throw new InputError(`${path}: not ${expected} (binary data in its first ${head.length} bytes)`);
  return head;
}
