import { rm, truncate } from 'node:fs/promises';
import type { LoadedConfig } from '../config.js';
import { CheckpointError, UsageError } from '../errors.js';
import { pathExists } from '../io/files.js';
import { type Checkpoint, readCheckpoint, verifyAgainstDisk } from '../run-state/checkpoint.js';
import { InputDigest } from '../run-state/input-digest.js';
import { artifactsOf } from './artifacts.js';
import { verifyContents } from './resume-contents.js';
import { fileOutputs, formatOf } from './outputs.js';
import { configFingerprint } from './run-metadata.js';
import type { RunOptions } from './run-options.js';
import { shardTag } from './shard.js';

export const tagOf = (options: RunOptions): string | null => (options.shard ? shardTag(options.shard) : null);

/** The config fingerprint, plus the shard: a shard's checkpoint must not resume another shard. */
export function runFingerprint(loaded: LoadedConfig, options: RunOptions): string {
  const tag = tagOf(options);
  return tag ? `${configFingerprint(loaded)}/${tag}` : configFingerprint(loaded);
}

/** Reads and checks the checkpoint of a resume, and cuts the failure file back to what it claims. */
export async function loadResume(loaded: LoadedConfig, options: RunOptions): Promise<Checkpoint | null> {
  if (options.resume && options.continueIfAny) throw new UsageError('--resume and --continue do not go together (--continue resumes when it can)');
  const path = artifactsOf(loaded.config, options).checkpoint;
  if (!options.resume && !options.continueIfAny) {
    await refuseInterrupted(path, options.force ?? false);
    return null;
  }
  if (!path) throw new UsageError(`${options.resume ? '--resume' : '--continue'} needs a checkpoint: give --checkpoint FILE or a file output`);
  // --continue without a checkpoint: nothing to continue, a fresh run (which clears stale files).
  if (options.continueIfAny && !(await pathExists(path))) return null;
  const cp = await readCheckpoint(path);
  if (cp.fingerprint !== runFingerprint(loaded, options) && !options.force) {
    throw new CheckpointError(`checkpoint ${path} was written for another config (different census, seed, count or narrative settings); resume with the same config, or --force`);
  }
  await verifyAgainstDisk(path, cp);
  if (!cp.complete) {
    refuseLeftOut(path, cp, loaded);
    await verifyContents(path, cp, options.family ?? 'personas');
  }
  return cp;
}

/**
 * The digest a record-reading command hashes its input into. Resumed, it holds the checkpoint's mark: the
 * runner re-reads that much of the input and refuses another one before it opens anything. A checkpoint of an
 * earlier version has no mark: the resume goes on (its input unchecked, said once on stderr unless -q), and
 * its own checkpoints carry one from then on. None without a checkpoint (a run to stdout only).
 */
export function inputDigestFor(loaded: LoadedConfig, options: RunOptions, resume: Checkpoint | null, name: string): InputDigest | undefined {
  const checkpoint = artifactsOf(loaded.config, options).checkpoint ?? undefined;
  // No checkpoint, nothing to fingerprint for (and no one to take the marks).
  if (!checkpoint) return undefined;
  if (resume && !resume.input && resume.offset > 0 && !options.quiet) {
    process.stderr.write(`gen-stream: warning: checkpoint ${checkpoint} predates input fingerprints: ${name} cannot be checked against the interrupted run's input\n`);
  }
  return new InputDigest({ every: loaded.config.checkpoint.every, expect: resume?.input ?? null, checkpoint, name });
}

/**
 * A fresh run over an interrupted one (a checkpoint that says `complete: false`) would throw its work away —
 * with an LLM stage, money spent: refused unless --force. A complete checkpoint, or one that cannot be read
 * (nothing to resume from), is replaced as before.
 */
async function refuseInterrupted(path: string | null, force: boolean): Promise<void> {
  if (!path || force || !(await pathExists(path))) return;
  const cp = await readCheckpoint(path).catch(() => null);
  if (cp && !cp.complete) {
    throw new CheckpointError(`${path}: an interrupted run is there (${cp.offset} input positions settled): --resume to continue, --force to start over`);
  }
}

/**
 * A resume must write every output the interrupted run wrote: one left out would stay cut short for good while
 * the checkpoint moves on (adding one is refused when the outputs are opened). Stdout is not resumable: skipped.
 */
function refuseLeftOut(path: string, cp: Checkpoint, loaded: LoadedConfig): void {
  const now = fileOutputs(loaded.config).map((p) => ({ path: p, format: formatOf(p, loaded.config.format) }));
  const missing = cp.outputs.filter((o) => o.path !== '-' && !now.some((n) => n.path === o.path && n.format === o.format));
  if (missing.length) {
    throw new CheckpointError(
      `--resume: checkpoint ${path} records outputs this run leaves out: ${missing.map((o) => `${o.path} (${o.format})`).join(', ')}; resume with every output of the interrupted run`,
    );
  }
}

/**
 * A fresh run must not pair an earlier run's checkpoint or failure file with its new outputs; a resume cuts the
 * failure file back to what its checkpoint claims (here, once every refusal is behind: a refused resume
 * touches nothing).
 */
export async function clearStale(loaded: LoadedConfig, options: RunOptions, resume: Checkpoint | null, failuresPath: string): Promise<void> {
  if (resume) {
    const f = resume.failures;
    if (f && (await pathExists(f.path))) await truncate(f.path, f.bytes);
    return;
  }
  const path = artifactsOf(loaded.config, options).checkpoint;
  if (path) await rm(path, { force: true });
  await rm(failuresPath, { force: true });
}

/** A complete checkpoint resumed: exit 0, saying so unless -q. */
export function nothingToResume(quiet: boolean): number {
  if (!quiet) process.stderr.write('gen-stream: the checkpoint says this run is complete; nothing to resume\n');
  return 0;
}

/** Where this run's input starts: the checkpoint's offset, `--start-offset`, or the range's start. */
export function startOf(resume: Checkpoint | null, options: RunOptions, lo = 0): number {
  if (resume && options.startOffset !== undefined) throw new UsageError('--resume and --start-offset do not go together');
  return resume?.offset ?? options.startOffset ?? lo;
}
