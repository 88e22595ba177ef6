import type { CoherenceReport } from '../coherence/stats.js';
import type { Gate } from './gate.js';
import type { NarrativeReport } from './narrative-stats.js';

const pct = (x: number, digits = 2) => `${(100 * x).toFixed(digits)} %`;

/** The narrative text gates: contradiction rate (the coherence audit) and near-duplicate rate; a null limit is no gate. */
export function narrativeGates(
  narratives: NarrativeReport,
  coherence: CoherenceReport,
  limits: { maxContradictionRate: number | null; maxNearDuplicateRate: number | null },
): Gate[] {
  const gates: Gate[] = [];
  if (limits.maxContradictionRate !== null) {
    const top = coherence.rules.slice(0, 3).map((r) => `${r.rule} ${pct(r.rate)}`).join(', ');
    gates.push({
      name: 'narratives agree with the record',
      passed: coherence.rate <= limits.maxContradictionRate,
      detail: `${coherence.withContradiction} of ${coherence.audited} records (${pct(coherence.rate)}) contradict their attributes, at most ${pct(limits.maxContradictionRate)} allowed${top ? `; most frequent: ${top}` : ''}`,
    });
  }
  if (limits.maxNearDuplicateRate !== null) {
    gates.push({
      name: 'narratives not near-duplicates',
      passed: narratives.nearDuplicateRate <= limits.maxNearDuplicateRate,
      detail: `${pct(narratives.nearDuplicateRate)} of a sample of ${narratives.nearDuplicateSample} cultural backgrounds near-duplicate another (Jaccard ≥ 0.8), at most ${pct(limits.maxNearDuplicateRate)} allowed`,
    });
  }
  return gates;
}
