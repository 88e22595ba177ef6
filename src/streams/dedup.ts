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

/**
 * Deduplication stage: arrays of records in, the first occurrence of each (near-)duplicate group out, in order.
 * Removed records are reported to `onRemoved` with the id they duplicate. A record without the text field is
 * passed through (nothing to compare) and counted (`deduper.passed`), so kept + passed = written and
 * kept + removed + passed = read. A first batch in which no record has the field is an error (missingFieldError).
 */
export function createDedup(deduper: Deduper, field: string, onRemoved: (entry: RemovedEntry) => void): Transform {
  let first = true;
  return new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(records: Indexed[], _enc, callback) {
      try {
        if (first && records.length) {
          first = false;
          const err = missingFieldError(records, field);
          if (err) return callback(err);
        }
        const kept: Indexed[] = [];
        for (const r of records) {
          const text = r[field];
          const id = String(r.id ?? '');
          const verdict = typeof text === 'string' ? deduper.check(id, text) : deduper.pass();
          if (verdict.keep) kept.push(r);
          else onRemoved({ id, duplicate_of: verdict.duplicateOf, kind: verdict.kind, similarity: Number(verdict.similarity.toFixed(4)) });
        }
        callback(null, kept);
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}
