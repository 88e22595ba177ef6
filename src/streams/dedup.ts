import { Transform } from 'node:stream';
import type { Deduper } from '../dedup/deduper.js';
import { InputError } from '../errors.js';
import type { Indexed } from '../run-state/record-index.js';

export interface RemovedEntry {
  id: string;
  duplicate_of: string;
  kind: 'exact' | 'near';
  similarity: number;
}

/** The fields holding text in these records (the names a user could have meant), sorted. */
export function textFieldsOf(records: readonly Record<string, unknown>[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const [k, v] of Object.entries(r)) if (typeof v === 'string') names.add(k);
  return [...names].sort();
}

/**
 * The check made on the first batch (the first array of records the stage sees, up to one input chunk): when
 * no record in it has a text at `field`, the field is taken to be wrong, not missing here and there — E_INPUT
 * (exit 2) naming the text fields present. Null when the batch is fine.
 */
export function missingFieldError(records: readonly Record<string, unknown>[], field: string): InstanceType<typeof InputError> | null {
  if (!records.length || records.some((r) => typeof r[field] === 'string')) return null;
  const present = textFieldsOf(records);
  return new InputError(
    `dedup: no record of the first ${records.length} has a text field "${field}" (dedup.field); text fields present: ${present.length ? present.join(', ') : '(none)'}`,
  );
}

/** Where removed entries go: opened when the stage is made, appended to a batch at a time, closed or aborted with it. */
export interface RemovedLog {
  open(): Promise<void>;
  append(entries: readonly RemovedEntry[]): Promise<void>;
  /** The run finished: make the entries durable and release the file. */
  close(): Promise<void>;
  /** The run failed: release the file. */
  abort(): Promise<void>;
}

/**
 * Deduplication stage: arrays of records in, the first occurrence of each (near-)duplicate group out, in order.
 * Removed records go to `removed` with the id they duplicate: each batch's entries are appended, and awaited,
 * before its kept records are passed on (backpressure, and no write after the stage is gone); the stage opens
 * the log with its first batch (or at its end, for an empty input) — not when it is built, since the runner
 * builds its head before its refusals — and closes (or, on an error, aborts) it when it ends. A record without the
 * text field is passed through (nothing to compare) and counted (`deduper.passed`), so kept + passed = written
 * and kept + removed + passed = read. A first batch in which no record has the field is an error
 * (missingFieldError).
 */
export function createDedup(deduper: Deduper, field: string, removed: RemovedLog): Transform {
  let first = true;
  let closed = false;
  let opened: Promise<void> | null = null;
  const open = () => (opened ??= removed.open());
  const step = async (records: Indexed[]): Promise<Indexed[]> => {
    if (first && records.length) {
      first = false;
      const err = missingFieldError(records, field);
      if (err) throw err;
    }
    const kept: Indexed[] = [];
    const entries: RemovedEntry[] = [];
    for (const r of records) {
      const text = r[field];
      const id = String(r.id ?? '');
      const verdict = typeof text === 'string' ? deduper.check(id, text) : deduper.pass();
      if (verdict.keep) kept.push(r);
      else entries.push({ id, duplicate_of: verdict.duplicateOf, kind: verdict.kind, similarity: Number(verdict.similarity.toFixed(4)) });
    }
    if (entries.length) await removed.append(entries);
    return kept;
  };
  return new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(records: Indexed[], _enc, callback) {
      open()
        .then(() => step(records))
        .then((kept) => callback(null, kept), callback);
    },
    flush(callback) {
      closed = true;
      open()
        .then(() => removed.close())
        .then(
          () => callback(),
          (err: Error) => removed.abort().then(() => callback(err), () => callback(err)),
        );
    },
    destroy(err, callback) {
      if (closed) return callback(err);
      closed = true;
      removed.abort().then(() => callback(err), (abortErr: Error) => callback(err ?? abortErr));
    },
  });
}
