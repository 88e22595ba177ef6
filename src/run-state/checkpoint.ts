import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { CheckpointError } from '../errors.js';
import { writeFileAtomic } from '../io/files.js';
import { FORMATS } from '../io/formats.js';
import type { IpfState } from '../generator/online-ipf.js';

const positionSchema = z.strictObject({
  format: z.enum(FORMATS),
  path: z.string(),
  bytes: z.number().int().nonnegative().optional(),
  parts: z.array(z.string()).optional(),
  /**
   * Arrow: where the batch cut short by the run's stop starts (its bytes end at `bytes`), and their SHA-256. A
   * resume takes its rows back into the open batch, so the file is cut into batches as an uninterrupted run's.
   */
  tail: z.strictObject({ at: z.number().int().nonnegative(), sha256: z.string() }).optional(),
});

export const checkpointSchema = z.strictObject({
  version: z.literal(1),
  /** configFingerprint of the run (run-metadata.ts): a resume with another config is refused. */
  fingerprint: z.string(),
  /** Every input position before this is settled: in the outputs or in the failure file. */
  offset: z.number().int().nonnegative(),
  /**
   * The input position the first run of these outputs started at (0, a shard's first index, --start-offset):
   * where records map one to one, `offset − first = written + failed` (a resume cross-checks it). Absent in
   * checkpoints of earlier versions.
   */
  first: z.number().int().nonnegative().optional(),
  /**
   * Commands that read records: the SHA-256 of the input read up to `input.index` ≤ offset (InputDigest); a
   * resume re-reads that much and refuses another input. Absent for the generator (no input) and in
   * checkpoints of earlier versions (a resume then warns that it cannot check its input).
   */
  input: z.strictObject({ index: z.number().int().nonnegative(), positions: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
  written: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  /** True once the run finished: a resume has nothing left to do. */
  complete: z.boolean(),
  outputs: z.array(positionSchema),
  failures: z.strictObject({ path: z.string(), bytes: z.number().int().nonnegative() }).nullable(),
  ipf: z.unknown().nullable(),
  /** Persona Hub runs: records per domain bucket in the outputs up to `offset` (caps and the domain table resume from it). */
  domains: z.record(z.string(), z.number().int().nonnegative()).optional(),
  totals: z.strictObject({
    requests: z.number(),
    retries: z.number(),
    promptTokens: z.number(),
    completionTokens: z.number(),
    cost: z.number(),
  }),
  savedAt: z.string(),
});
/** `ipf`: calibration state at position `at` ≤ offset; a resume regenerates from `at` and skips to offset. */
export type Checkpoint = z.output<typeof checkpointSchema> & { ipf: { at: number; state: IpfState } | null };

/** Temp file, fsync, rename, fsync the directory: a checkpoint on disk is always whole. */
export async function writeCheckpoint(path: string, checkpoint: Checkpoint): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(checkpoint)}\n`);
}

export async function readCheckpoint(path: string): Promise<Checkpoint> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CheckpointError(`cannot read checkpoint ${path} (${(err as NodeJS.ErrnoException).code}); nothing to resume`);
  }
  if (text.trim() === '') throw new CheckpointError(`checkpoint ${path} is empty; refusing to guess where the run stopped`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CheckpointError(`checkpoint ${path} is corrupt (not JSON)`);
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success) throw new CheckpointError(`checkpoint ${path} is corrupt: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data as Checkpoint;
}

/** Every byte or part a checkpoint claims must be on disk; a checkpoint ahead of its data is an error. */
export async function verifyAgainstDisk(path: string, checkpoint: Checkpoint): Promise<void> {
  const size = async (p: string) => {
    try {
      return (await stat(p)).size;
    } catch {
      return -1;
    }
  };
  for (const o of checkpoint.outputs) {
    if (o.path === '-') continue;
    if (o.bytes !== undefined && (await size(o.path)) < o.bytes) {
      throw new CheckpointError(`checkpoint ${path} is ahead of the data: it claims ${o.bytes} bytes of ${o.path}, which holds ${Math.max(0, await size(o.path))}`);
    }
    for (const part of o.parts ?? []) {
      if ((await size(`${o.path}/${part}`)) < 0) throw new CheckpointError(`checkpoint ${path} is ahead of the data: part ${o.path}/${part} is missing`);
    }
  }
  const f = checkpoint.failures;
  if (f && f.bytes > 0 && (await size(f.path)) < f.bytes) throw new CheckpointError(`checkpoint ${path} is ahead of the data: ${f.path} is shorter than ${f.bytes} bytes`);
}
