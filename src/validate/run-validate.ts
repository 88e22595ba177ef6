import { Worker } from 'node:worker_threads';
import type { LoadedConfig } from '../config.js';
import type { Format } from '../io/formats.js';
import { FidelityCounter } from './fidelity-stats.js';
import { NarrativeCounter } from './narrative-stats.js';
import { readRecords } from '../readers/read-records.js';
import { type Gate, type ValidationReport, renderMarkdown, writeReport } from './report.js';

/** Reads a dataset as a stream, measures fidelity and narrative quality, applies the gates. */
export async function validateDataset(
  loaded: LoadedConfig,
  path: string,
  options: { format?: Format; report?: string },
): Promise<ValidationReport> {
  const { model, census, config } = loaded;
  const gatesConfig = config.validate;
  const fidelity = new FidelityCounter(model, census.joints);
  const narratives = new NarrativeCounter(config.narrative.language);
  const reference = census.joints.length ? simulateReference(loaded) : null;
  for await (const batch of readRecords(path, options.format)) {
    for (const r of batch) {
      fidelity.add(r);
      narratives.add(r);
    }
  }
  const marginals = fidelity.marginals();
  const joints = reference ? fidelity.jointResults(await reference) : [];
  const narrativeReport = narratives.withNarratives ? narratives.report() : null;
  const violations = Object.fromEntries(fidelity.violations);
  const gates: Gate[] = [];
  for (const m of marginals) {
    gates.push({ name: `marginal ${m.attribute}`, passed: m.worst <= gatesConfig.maxMarginalPoints, detail: `worst value ${m.worst.toFixed(3)} points off target (limit ${gatesConfig.maxMarginalPoints})` });
    if (fidelity.n >= gatesConfig.minRecordsForPValue) {
      gates.push({ name: `chi-square ${m.attribute}`, passed: m.pValue > gatesConfig.minPValue, detail: `χ² ${m.chiSquare.toFixed(2)}, df ${m.df}, p ${m.pValue.toPrecision(3)} (limit > ${gatesConfig.minPValue})` });
    }
  }
  const violationCount = Object.values(violations).reduce((a, b) => a + b, 0);
  gates.push({ name: 'constraints', passed: violationCount === 0, detail: violationCount ? Object.entries(violations).map(([k, v]) => `${k}: ${v}`).join(', ') : 'no violation' });
  gates.push({ name: 'known values', passed: fidelity.unknownValues === 0, detail: `${fidelity.unknownValues} records with values the census does not know` });
  if (narrativeReport && gatesConfig.requireNarratives) {
    const emptyFields = narrativeReport.fields.filter((f) => f.empty > 0);
    gates.push({ name: 'narratives present', passed: emptyFields.length === 0, detail: emptyFields.length ? emptyFields.map((f) => `${f.field}: ${f.empty} empty`).join(', ') : 'no empty narrative field' });
  }
  const report: ValidationReport = {
    file: path,
    census: census.name,
    records: fidelity.n,
    marginals,
    joints,
    constraintViolations: violations,
    unknownValues: fidelity.unknownValues,
    narratives: narrativeReport,
    gates,
    passed: gates.every((g) => g.passed),
  };
  if (options.report) await writeReport(options.report, report);
  return report;
}

export { renderMarkdown };

/** The model's joint conditionals, simulated on a worker thread while the file is being read. */
function simulateReference(loaded: LoadedConfig): Promise<FidelityCounter> {
  const worker = new Worker(new URL('./reference-worker.js', import.meta.url), {
    workerData: { config: { ...loaded.config, census: loaded.census }, records: loaded.config.validate.referenceRecords },
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (counts: Float64Array[]) => {
      const counter = new FidelityCounter(loaded.model, loaded.census.joints);
      counter.setJointCounts(counts);
      resolve(counter);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
