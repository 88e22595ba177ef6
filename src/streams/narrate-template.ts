import { Transform } from 'node:stream';
import { templateNarrative, TEMPLATE_PROVIDER } from '../narrative/template.js';
import { withNarrative } from '../narrative/with-narrative.js';
import type { RunStats } from '../run-state/run-stats.js';

/** The offline narrator as a stage: arrays of records in, the same with every narrative field out. */
export function createNarrateTemplate(language: 'ro' | 'en', stats: RunStats): Transform {
  return new Transform({
    objectMode: true,
    highWaterMark: 2,
    transform(records: Record<string, unknown>[], _enc, callback) {
      try {
        const out = records.map((r) => withNarrative(r, templateNarrative(r, language), TEMPLATE_PROVIDER));
        stats.done += out.length;
        callback(null, out);
      } catch (err) {
        callback(err as Error);
      }
    },
  });
}
