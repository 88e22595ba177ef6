import type { Readable, Transform } from 'node:stream';
import type { Config } from '../config.js';
import type { PreparedRun } from '../generator/calibration.js';
import { createRecordFormatter } from '../generator/record-format.js';
import { createFormatJsonl } from '../streams/format-jsonl.js';
import { createIpfCorrect } from '../streams/ipf-correct.js';
import { createSample } from '../streams/sample.js';

/** generator → online IPF → JSONL text, for records [start, end); `signal` ends it early. The caller adds the sink. */
export function sampleStages(run: PreparedRun, config: Config, start: number, end: number, signal?: AbortSignal): [Readable, ...Transform[]] {
  const width = run.sampler.width;
  const sample = createSample({ sampler: run.sampler, ipf: run.ipf, seed: run.seed, start, end, chunkSize: config.sampling.chunkSize, signal });
  const format = createFormatJsonl(createRecordFormatter(run.model, run.seed), width);
  return run.ipf ? [sample, createIpfCorrect(run.ipf, width), format] : [sample, format];
}
