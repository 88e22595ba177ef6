import { barChart, esc, histogram } from './charts.js';
import type { Gate } from './gate.js';
import type { HubStats } from './hub-stats.js';

/** A Persona Hub dataset (the compact schema): the hub checks and their gates, no census gates. */
export interface HubReport {
  kind: 'hub';
  file: string;
  family: string | null;
  records: number;
  hub: HubStats;
  gates: Gate[];
  passed: boolean;
}

const pct = (x: number) => (100 * x).toFixed(2);

/** One-line summaries of the hub checks, shared by stats.md and the dataset card. */
export function hubSummary(r: HubReport): string[] {
  const h = r.hub;
  const d = h.domains;
  const parents = h.parents;
  return [
    `${h.records} records; ${d.buckets} domain buckets, the largest holding ${pct(d.largestShare)} %${d.cap === null ? '' : `; cap ${d.cap} per domain, ${d.fullBuckets} bucket(s) full`}`,
    `synth_method: ${Object.entries(h.synthMethods).map(([k, v]) => `${k} ${v}`).join(', ')}; depth: ${Object.entries(h.depths).map(([k, v]) => `${k}: ${v}`).join(', ')}`,
    `confidence_score: min ${h.confidence.min.toFixed(3)}, mean ${h.confidence.mean.toFixed(3)}, max ${h.confidence.max.toFixed(3)}; outside [0,1] or missing: ${h.confidence.outside} (${pct(h.confidence.outsideShare)} %)`,
    `persona length (chars): min ${h.persona.min}, median ${h.persona.median}, p95 ${h.persona.p95}, max ${h.persona.max}; empty ${h.persona.empty}`,
    `duplicates: ${h.persona.exactDuplicates} exact; near-duplicates (MinHash LSH, word 3-grams, Jaccard ≥ 0.8, sample of ${h.persona.nearDuplicateSample}): ${pct(h.persona.nearDuplicateRate)} %`,
    `ids: ${h.ids.duplicates} repeated${h.ids.checked ? '' : ' (not all checked)'}`,
    parents === null ? 'parent links: none (no parent_id)' : `parent links: ${parents.links} distinct parents${parents.checked ? `, ${parents.missing} missing` : ''} (${parents.note})`,
  ];
}

export function hubMarkdown(r: HubReport): string {
  const lines = [`# Validation of ${r.file}${r.family ? ` (${r.family})` : ''}`, '', `${r.records} Persona Hub records: **${r.passed ? 'all gates passed' : 'gates failed'}**`, '', '## Gates', ''];
  for (const g of r.gates) lines.push(`- ${g.passed ? 'pass' : 'FAIL'} — ${g.name}: ${g.detail}`);
  lines.push('', '## Checks', '', ...hubSummary(r).map((s) => `- ${s}`));
  lines.push('', '## Domains', '', '| domain | records | share % |', '|---|---|---|');
  for (const t of r.hub.domains.top) lines.push(`| ${t.domain} | ${t.count} | ${pct(t.share)} |`);
  if (r.hub.domains.buckets > r.hub.domains.top.length) lines.push('', `…and ${r.hub.domains.buckets - r.hub.domains.top.length} more buckets.`);
  return `${lines.join('\n')}\n`;
}

export function hubHtml(r: HubReport, gates: string): string {
  const h = r.hub;
  const domains = barChart(`domains-${r.family ?? 'hub'}`, `domains: ${h.domains.buckets} buckets (largest shown, percent of records)`, h.domains.top.map((t) => ({ label: t.domain, target: 0, observed: 100 * t.share })));
  const lengths = histogram(`length-persona-${r.family ?? 'hub'}`, `persona: length (chars), median ${h.persona.median}, p95 ${h.persona.p95}`, h.persona.histogram);
  return `<h1>Validation of ${esc(r.file)}${r.family ? ` (${esc(r.family)})` : ''}</h1><p>${r.records} Persona Hub records · <b class="${r.passed ? 'pass' : 'fail'}">${r.passed ? 'all gates passed' : 'gates failed'}</b></p>
${gates}
<ul>${hubSummary(r).map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
${domains}${lengths}`;
}
