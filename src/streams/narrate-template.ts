import { Transform } from 'node:stream';
import { templateNarrative, TEMPLATE_PROVIDER } from '../narrative/template.js';
import { withNarrative } from '../narrative/with-narrative.js';
import type { FailureSink } from '../run-state/failure-sink.js';
import { REPORT, type StageReport } from '../run-state/run-stats.js';
import { takeChecked } from './record-check.js';

/**
 * The offline narrator as a stage: arrays of records in, the same with every narrative field out (those marked
 * as failing their check to `failures` instead). Each array
 * is reported as done (`'report'`, StageReport) before it is passed on. It never stops by itself: on the
 * runner's signal the source ends, and so does this stage.
 */
export function createNarrateTemplate(language: 'ro' | 'en', failures?: FailureSink): Transform {
  return new Transform({
    transform(records: Record<string, unknown>[], _enc, callback) {
      try {
        // Records that failed the source's check (record-check.ts) go to the failure file, not into a template.
        const checked = failures ? takeChecked(records, failures, (r) => this.emit(REPORT, r)) : records;
        const out = checked.map((r) => withNarrative(r, templateNarrative(r, language), TEMPLATE_PROVIDER));
        this.emit(REPORT, { done: out.length } satisfies StageReport);
        callback(null, out);
      } catch (err) {
        callback(err as Error);
      }
    },
    objectMode: true,
    highWaterMark: 2,
  });
}
