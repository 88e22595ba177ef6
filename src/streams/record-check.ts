import { Transform } from 'node:stream';
import { RecordError } from '../errors.js';
import type { FailureSink } from '../run-state/failure-sink.js';
import { type Indexed, indexOf } from '../run-state/record-index.js';
import { REPORT, type StageReport } from '../run-state/run-stats.js';
import { placeOf } from './llm-map.js';

/** A stage's check of one input record: its problems in one line, or null when it has what the stage needs. */
export type RecordCheck = (record: Record<string, unknown>) => string | null;

const REJECTED: unique symbol = Symbol('gen-stream.rejected');
type Marked = Indexed & { [REJECTED]?: RecordError };

/**
 * The source runs the check where it knows the record's place (`file:line`) and marks a record that fails it;
 * the record keeps its input position, and the record stage fails it at its turn — so the failure file stays
 * in input order beside the stage's own failures (an LLM stage writes those at each record's turn).
 */
export function markRecord<T extends Record<string, unknown>>(record: T, where: string, check: RecordCheck | undefined): T {
  const issues = check?.(record);
  if (issues) (record as Marked)[REJECTED] = new RecordError(`${where}: ${issues}`);
  return record;
}

/** The error a marked record fails with, if it was marked. */
export const rejectionOf = (record: Indexed): RecordError | undefined => (record as Marked)[REJECTED];

/**
 * The records of an array that passed their check; those marked go to the failure file (in order, no request
 * spent on them) and are reported as failed and rejected (the runner's exit code counts rejections).
 */
export function takeChecked(records: readonly Indexed[], failures: FailureSink, report: (r: StageReport) => void): Indexed[] {
  const kept: Indexed[] = [];
  let rejected = 0;
  for (const r of records) {
    const err = rejectionOf(r);
    if (!err) {
      kept.push(r);
      continue;
    }
    failures.write({ ...placeOf(indexOf(r), r), record: r, error: { code: err.code, message: err.message }, attempts: 0 });
    rejected++;
  }
  if (rejected) report({ failed: rejected, rejected });
  return kept;
}

/** `write`'s record stage: the records that passed their check, on; the others to the failure file. */
export function createRecordCheck(failures: FailureSink): Transform {
  return new Transform({
    transform(records: Indexed[], _enc, callback) {
      try {
        const kept = takeChecked(records, failures, (r) => this.emit(REPORT, r));
        this.emit(REPORT, { done: kept.length } satisfies StageReport);
        callback(null, kept);
      } catch (err) {
        callback(err as Error);
      }
    },
    objectMode: true,
    highWaterMark: 2,
  });
}
