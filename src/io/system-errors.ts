/**
 * Node's system errors (ENOENT, EACCES, ENOSPC, …) as messages a user can act on, with a stable code. A path
 * the user can fix is bad input (exit 2); a full or failing disk is a run failure (exit 1) that a resume
 * continues once it is fixed, since a checkpoint never claims what was not durably written.
 */
import { GenStreamError } from '../errors.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
};

const RUN_FAILURES = new Set(['ENOSPC', 'EDQUOT', 'EIO', 'EMFILE']);

/** The GenStreamError for a system error, or null when `err` is not one. */
export function systemError(err: unknown): GenStreamError | null {
  const e = err as NodeJS.ErrnoException | null;
  const code = e?.code;
  if (!code || !(code in REASONS) || typeof e?.syscall !== 'string') return null;
  const where = e.path ? `${e.path}: ` : '';
  const hint = RUN_FAILURES.has(code) ? '; free space or fix the device, then run again with --resume (the last checkpoint is consistent)' : '';
  return new GenStreamError('E_IO', `${where}cannot ${e.syscall} (${REASONS[code]}, ${code})${hint}`, RUN_FAILURES.has(code) ? 1 : 2);
}
