import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LoadedConfig } from '../config.js';
import type { Format } from '../io/formats.js';
import type { Row } from '../readers/record-shape.js';
import { FAMILY_RANK, isHubData, recordsOf, type SubDataset, subDatasetsOf } from './datasets.js';
import { FidelityCounter } from './fidelity-stats.js';
import { HubCounter, IdRegistry } from './hub-stats.js';
import { NarrativeCounter } from './narrative-stats.js';
import { CoherenceCounter } from '../coherence/stats.js';
import { narrativeGates } from './coherence-gates.js';
import { chiSquareGate, marginalGate, noiseRule } from './noise.js';
import { type DatasetReport, type Gate, type HubReport, type ValidationReport, type ValidationResult, renderMarkdown, writeReport } from './report.js';
import { IdCounter } from './id-stats.js';
import { JudgeCounter, type JudgeSummary } from './judge-summary.js';
import { readRecords } from '../readers/read-records.js';


/**
 * Reads a dataset as a stream and checks it: census personas for fidelity and narrative quality against the
 * census gates, Persona Hub records (detected by family, sidecar or columns) by the hub checks. A dataset
 * directory holding several families is checked per family; the result then lists each.
 */
export async function validateDataset(
  loaded: LoadedConfig,
  path: string,
  options: { format?: Format; report?: string; onRead?: OnRead; judge?: string },
): Promise<ValidationResult & { judge?: JudgeSummary }> {
  const reports = await validateSubDatasets(() => loaded, subDatasetsOf(path, options.format), options.onRead);
  const result: ValidationResult =
    reports.length === 1
      ? reports[0]
      : {
          kind: 'datasets',
          file: path,
          records: reports.reduce((n, r) => n + r.records, 0),
          datasets: reports,
          gates: reports.flatMap((r) => r.gates.map((g) => ({ ...g, name: `${r.family ?? r.file}: ${g.name}` }))),
          passed: reports.every((r) => r.passed),
        };
  const judge = options.judge === undefined ? undefined : await judgeSummaryOf(options.judge);
  if (options.report) await writeReport(options.report, result, judge);
  return judge ? { ...result, judge } : result;
}

/** The summary of a judge side file (gen-stream judge's rows, any output format). */
async function judgeSummaryOf(path: string): Promise<JudgeSummary> {
  const counter = new JudgeCounter();
  for await (const rows of readRecords(path)) for (const row of rows) counter.add(row);
  return counter.report(path);
}

/** Told of every array of records read, with its length (a progress counter). */
export type OnRead = (records: number) => void;

/** One report per sub-dataset, in the order given (checked parents first); `loadedFor` gives each its config. */
export async function validateSubDatasets(loadedFor: (sub: SubDataset) => LoadedConfig, subs: readonly SubDataset[], onRead: OnRead = () => {}): Promise<DatasetReport[]> {
  const registries = new Map<string, IdRegistry>();
  const order = [...subs].sort((a, b) => (a.family ? FAMILY_RANK[a.family] : 0) - (b.family ? FAMILY_RANK[b.family] : 0));
  const reports = new Map<SubDataset, DatasetReport>();
  for (const sub of order) {
    if (!registries.has(sub.output)) registries.set(sub.output, new IdRegistry());
    const parents = sub.family === 'persona-to-persona' && subs.some((s) => s.output === sub.output && s.family === 'text-to-persona') ? `${basename(sub.output)} (text-to-persona and persona-to-persona)` : null;
    reports.set(sub, await validateOne(loadedFor(sub), sub, registries.get(sub.output)!, parents, onRead));
  }
  return subs.map((s) => reports.get(s)!);
}

async function validateOne(loaded: LoadedConfig, sub: SubDataset, registry: IdRegistry, parents: string | null, onRead: OnRead): Promise<DatasetReport> {
  const batches = recordsOf(sub);
  const first = await batches.next();
  const head: Row[] = first.done ? [] : first.value;
  async function* all(): AsyncGenerator<Row[]> {
    onRead(head.length);
    yield head;
    for await (const batch of batches) {
      onRead(batch.length);
      yield batch;
    }
  }
  return isHubData(sub, head[0] ?? null) ? validateHub(loaded, sub, all(), registry, parents) : validateCensus(loaded, sub, all());
}

async function validateHub(loaded: LoadedConfig, sub: SubDataset, batches: AsyncIterable<Row[]>, registry: IdRegistry, parents: string | null): Promise<HubReport> {
  const counter = new HubCounter(registry);
  for await (const batch of batches) for (const r of batch) counter.add(r);
  const metaCap = ((sub.meta?.settings as { domains?: { maxPerDomain?: number } } | undefined)?.domains?.maxPerDomain) ?? null;
  const hub = counter.report(loaded.config.domains.maxPerDomain ?? metaCap, parents);
  const gates: Gate[] = [
    { name: 'unique ids', passed: hub.ids.duplicates === 0, detail: hub.ids.checked ? `${hub.ids.duplicates} repeated ids` : `${hub.ids.duplicates} repeated ids among the first ids (too many to check all)` },
    { name: 'confidence scores in [0,1]', passed: hub.confidence.outside === 0, detail: `${hub.confidence.outside} scores missing or outside [0,1]` },
    { name: 'personas present', passed: hub.persona.empty === 0, detail: `${hub.persona.empty} empty personas` },
  ];
  return { kind: 'hub', file: sub.output, family: sub.family, records: hub.records, hub, gates, passed: gates.every((g) => g.passed) };
}

async function validateCensus(loaded: LoadedConfig, sub: SubDataset, batches: AsyncIterable<Row[]>): Promise<ValidationReport> {
  const { model, census, config } = loaded;
  const gatesConfig = config.validate;
  const fidelity = new FidelityCounter(model, census.joints);
  const narratives = new NarrativeCounter(config.narrative.language);
  // Each field's own language: a file validated without its run's config (default ro) is still read right.
  const coherence = new CoherenceCounter('detect');
  const ids = new IdCounter();
  const reference = census.joints.length ? simulateReference(loaded) : null;
  for await (const batch of batches) {
    for (const r of batch) {
      fidelity.add(r);
      narratives.add(r);
      coherence.add(r);
      ids.add(r);
    }
  }
  const marginals = fidelity.marginals();
  const joints = reference ? fidelity.jointResults(await reference) : [];
  const narrativeReport = narratives.withNarratives ? narratives.report() : null;
  const coherenceReport = narrativeReport ? coherence.report() : null;
  const violations = Object.fromEntries(fidelity.violations);
  const gates: Gate[] = [];
  // Both gates ask whether the file could be a draw from the targets at its own n (see noise.ts).
  const noise = noiseRule(marginals, fidelity.n, gatesConfig);
  for (const m of marginals) {
    gates.push(marginalGate(m, noise));
    if (noise.chiSquare) gates.push(chiSquareGate(m, noise.chiSquare));
  }
  const violationCount = Object.values(violations).reduce((a, b) => a + b, 0);
  gates.push({ name: 'constraints', passed: violationCount === 0, detail: violationCount ? Object.entries(violations).map(([k, v]) => `${k}: ${v}`).join(', ') : 'no violation' });
  gates.push(...ids.gates());
  gates.push({ name: 'known values', passed: fidelity.unknownValues === 0, detail: `${fidelity.unknownValues} records with values the census does not know` });
  if (narrativeReport && gatesConfig.requireNarratives) {
    const emptyFields = narrativeReport.fields.filter((f) => f.empty > 0);
    gates.push({ name: 'narratives present', passed: emptyFields.length === 0, detail: emptyFields.length ? emptyFields.map((f) => `${f.field}: ${f.empty} empty`).join(', ') : 'no empty narrative field' });
  }
  if (narrativeReport && coherenceReport) gates.push(...narrativeGates(narrativeReport, coherenceReport, gatesConfig));
  return {
    kind: 'census',
    file: sub.output,
    family: sub.family,
    census: census.name,
    records: fidelity.n,
    marginals,
    noise,
    joints,
    constraintViolations: violations,
    unknownValues: fidelity.unknownValues,
    narratives: narrativeReport,
    coherence: coherenceReport,
    gates,
    passed: gates.every((g) => g.passed),
  };
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
