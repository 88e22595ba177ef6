import { Transform } from 'node:stream';
import { templateNarrative, TEMPLATE_PROVIDER } from '../narrative/template.js';
import { withNarrative } from '../narrative/with-narrative.js';
import { REPORT, type StageReport } from '../run-state/run-stats.js';

/**
 * The offline narrator as a stage: arrays of records in, the same with every narrative field out. Each array
 * is reported as done (`'report'`, StageReport) before it is passed on. It never stops by itself: on the
 * runner's signal the source ends, and so does this stage.
 */
export function createNarrateTemplate(language: 'ro' | 'en'): Transform {
  return new Transform({
    transform(records: Record<string, unknown>[], _enc, callback) {
      try {
        const out = records.map((r) => withNarrative(r, templateNarrative(r, language), TEMPLATE_PROVIDER));
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
