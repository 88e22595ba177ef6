import { Transform } from 'node:stream';
import type { Deduper } from '../dedup/deduper.js';
import type { Indexed } from '../run-state/record-index.js';

export interface RemovedEntry {
  id: string;
  duplicate_of: string;
  kind: 'exact' | 'near';
  similarity: number;
}

/**
 * Deduplication stage: arrays of records in, the first occurrence of each (near-)duplicate group out, in order.
 * Removed records are reported to `onRemoved` with the id they duplicate. A record without the text field is
 * kept (nothing to compare).
 */
export function createDedup(deduper: Deduper, field: string, onRemoved: (entry: RemovedEntry) => void): Transform {
  return new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(records: Indexed[], _enc, callback) {
      try {
        const kept: Indexed[] = [];
        for (const r of records) {
          const text = r[field];
          const id = String(r.id ?? '');
          const verdict = typeof text === 'string' ? deduper.check(id, text) : ({ keep: true } as const);
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
