/** The per-dataset parts of a dataset card: what the data is, its features, its validation summary. */
import { HUB_COLUMNS } from '../hub/records.js';
import type { Column } from '../writers/columns.js';
import type { SubDataset } from './datasets.js';
import { hubSummary } from './hub-report.js';
import type { DatasetReport, ValidationReport } from './report.js';

/** A sub-dataset as the card shows it. */
export interface CardEntry {
  sub: SubDataset;
  report: DatasetReport;
  configName: string;
  columns: readonly Column[];
  /** The language tag of its text, from the sidecar: hub.language for hub data, narrative.language for census data. */
  language: string;
}

interface Meta {
  family?: string;
  census?: { name: string; description: string | null };
  settings?: { seed?: number; narrative?: { enabled?: boolean; language?: string }; hub?: { language?: string; perPersona?: number; depth?: number } };
  configFingerprint?: string;
  narrative?: { provider?: string | null };
  llm?: { model: string } | null;
  generator?: { name: string; version: string };
}

export const metaOf = (e: { sub: SubDataset }): Meta => (e.sub.meta ?? {}) as Meta;

const HF_DTYPE = { int32: 'int32', int64: 'int64', float64: 'float64', bool: 'bool', utf8: 'string' } as const;

/** Hugging Face `features` in YAML, as the columnar writers lay the columns out (lists as sequences, structs nested). */
export function featuresYaml(columns: readonly Column[], indent: string): string {
  return columns
    .map((c) => {
      const head = `${indent}- name: ${c.name}\n${indent}  `;
      if (c.type === 'struct') return `${head}struct:\n${featuresYaml(c.fields, `${indent}  `)}`;
      return c.type === 'list_utf8' ? `${head}sequence: string` : `${head}dtype: ${HF_DTYPE[c.type]}`;
    })
    .join('\n');
}

/** The language of a sub-dataset's text, from its sidecar (the data, not a default, decides: English hub data is `en`). */
export function languageOf(sub: SubDataset, hub: boolean): string {
  const s = (sub.meta as Meta | null)?.settings;
  return hub ? (s?.hub?.language ?? 'en') : (s?.narrative?.language ?? 'ro');
}

export const columnsFor = (report: DatasetReport, firstColumns: readonly Column[]): readonly Column[] => (report.kind === 'hub' ? HUB_COLUMNS : firstColumns);

/** What the data is, in a paragraph. */
export function describe(e: CardEntry): string {
  const meta = metaOf(e);
  const model = meta.llm?.model ?? (e.report.kind === 'hub' ? 'an LLM' : null);
  const family = e.sub.family ?? meta.family ?? null;
  if (e.report.kind === 'hub') {
    const lang = e.language === 'en-IN' ? 'Indian English' : 'English';
    if (family === 'persona-to-persona' || (e.report.hub.synthMethods.persona_to_persona && !e.report.hub.synthMethods.text_to_persona)) {
      const hub = meta.settings?.hub;
      return `Persona Hub **persona-to-persona** records: personas related to an input persona (colleague, client, mentor, family member, …)${hub?.perPersona ? `, ${hub.perPersona} per persona, ${hub.depth ?? 1} level(s) deep` : ''}, written by ${model} in ${lang}. Each names its parent (\`parent_id\`), the relation and its depth, a domain bucket and the model's confidence score.`;
    }
    return `Persona Hub **text-to-persona** records: one persona per corpus text (who would write, read or care about it), written by ${model} in ${lang}, with a normalised domain bucket, the model's 0–1 confidence score and the source text's id.`;
  }
  const census = meta.census;
  // The data says whether it has narratives and who wrote them (the records' narrative_provider), not the settings.
  const providers = Object.keys(e.report.narratives?.providers ?? {});
  const narratives = providers.length ? `with narratives by ${providers.join(', ')} in \`${e.language}\`` : 'structured attributes only (no narratives)';
  return `Census-grounded synthetic personas${census ? ` of \`${census.name}\`` : ''}, ${narratives}. ${census?.description ?? ''}`.trim();
}

const censusValidation = (r: ValidationReport): string[] => {
  const failed = r.gates.filter((g) => !g.passed);
  const n = r.narratives;
  const template = n?.providers.template ?? 0;
  return [
    failed.length ? `**${failed.length} gate(s) failed:** ${failed.map((g) => g.name).join(', ')}` : 'All gates passed.',
    '',
    '| attribute | worst difference (pts) | χ² p | Cramér\'s V |',
    '|---|---|---|---|',
    ...r.marginals.map((m) => `| ${m.attribute} | ${m.worst.toFixed(3)} | ${m.pValue.toFixed(3)} | ${m.cramersV.toFixed(4)} |`),
    '',
    r.joints.length ? `Joint conditionals against the calibrated model (weighted TVD): ${r.joints.map((j) => `${j.name} ${j.tvd.toFixed(4)}`).join(', ')}.` : '',
    n
      ? `Narratives: ${Object.entries(n.providers).map(([k, v]) => `${v} by ${k}`).join(', ')}; cultural_background ≥ 1,500 characters in ${(100 * n.culturalBackgroundAtLeast1500).toFixed(1)} %; ` +
        `exact duplicates ${n.exactDuplicates}, near-duplicates ${(100 * n.nearDuplicateRate).toFixed(2)} % (MinHash, Jaccard ≥ 0.8, sample of ${n.nearDuplicateSample}).` +
        (template ? ` ${template === n.withNarratives ? 'All' : `${template} of ${n.withNarratives}`} narratives are template-made: phrase-bank compositions that share sentences, so ${(100 * n.nearDuplicateRate).toFixed(2)} % of sampled cultural_background texts near-duplicate another — read them as placeholders, not as varied prose.` : '')
      : 'No narrative fields.',
    r.coherence
      ? `Coherence audit: ${r.coherence.withContradiction} of ${r.coherence.audited} narrated records (${(100 * r.coherence.rate).toFixed(2)} %) contradict their own attributes${r.coherence.rules.length ? ` (most often ${r.coherence.rules.slice(0, 3).map((x) => `${x.rule} ${(100 * x.rate).toFixed(2)} %`).join(', ')})` : ''}.`
      : '',
  ];
};

/** The validation summary of one sub-dataset: the hub checks for hub data, the census gates for census data. */
export function validationLines(e: CardEntry): string[] {
  const r = e.report;
  if (r.kind === 'census') return censusValidation(r);
  const failed = r.gates.filter((g) => !g.passed);
  return [
    failed.length ? `**${failed.length} gate(s) failed:** ${failed.map((g) => g.name).join(', ')}` : `All gates passed (${r.gates.map((g) => g.name).join(', ')}).`,
    '',
    ...hubSummary(r).map((s) => `- ${s}`),
    '',
    `Largest domains: ${r.hub.domains.top.slice(0, 10).map((t) => `${t.domain} ${t.count} (${(100 * t.share).toFixed(1)} %)`).join(', ')}.`,
  ];
}
