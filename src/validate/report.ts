import { writeFile } from 'node:fs/promises';
import { makeDirectories } from '../io/files.js';
import { join } from 'node:path';
import type { JointResult, MarginalResult } from './fidelity-stats.js';
import { barChart, esc, histogram } from './charts.js';
import type { Gate } from './gate.js';
import { judgeHtml, judgeMarkdown, type JudgeSummary } from './judge-summary.js';
import { type HubReport, hubHtml, hubMarkdown } from './hub-report.js';
import type { NarrativeReport } from './narrative-stats.js';
import type { CoherenceReport } from '../coherence/stats.js';
import { coherenceHtml, coherenceMarkdown } from './coherence-report.js';
import { allowanceText, allowedPoints, type NoiseRule, noiseRuleText } from './noise.js';

export type { Gate };

/** A census personas dataset: fidelity to the census, narratives, the census gates. */
export interface ValidationReport {
  kind: 'census';
  file: string;
  /** The family of a dataset directory's parts, or null for a file. */
  family: string | null;
  census: string;
  records: number;
  marginals: MarginalResult[];
  /** The tolerance the marginal gates applied at this file's n. */
  noise: NoiseRule;
  joints: JointResult[];
  constraintViolations: Record<string, number>;
  unknownValues: number;
  narratives: NarrativeReport | null;
  /** The coherence audit of the narratives against the record (null without narratives). */
  coherence: CoherenceReport | null;
  gates: Gate[];
  passed: boolean;
}

export type { HubReport };

export type DatasetReport = ValidationReport | HubReport;

/** What `validate` reports: one dataset, or a dataset directory's families one by one (gates named by family). */
export type ValidationResult = DatasetReport | { kind: 'datasets'; file: string; records: number; datasets: DatasetReport[]; gates: Gate[]; passed: boolean };

const STYLE = `<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:820px;color:#222}h1{font-size:1.4rem}.pass{color:#176d2c}.fail{color:#b3261e}
.chart{margin:1.2rem 0}figcaption{font-weight:600;margin-bottom:.3rem}.bar.target{fill:#b8b8b8}.bar.observed{fill:#2f6fdf}.label,.value{font-size:11px;fill:#333}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}</style>`;

const gateList = (gates: readonly Gate[]) => `<ul>${gates.map((g) => `<li class="${g.passed ? 'pass' : 'fail'}">${g.passed ? '✔' : '✘'} <b>${esc(g.name)}</b>: ${esc(g.detail)}</li>`).join('')}</ul>`;

/** The page: one dataset, or each family of a dataset directory in its own section. */
export function renderHtml(result: ValidationResult): string {
  const datasets = result.kind === 'datasets' ? result.datasets : [result];
  const body = datasets.map((r) => (r.kind === 'hub' ? hubHtml(r, gateList(r.gates)) : censusHtml(r))).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gen-stream validation — ${esc(result.file)}</title>
${STYLE}</head><body>
${body}
</body></html>
`;
}

function censusHtml(r: ValidationReport): string {
  const gates = r.gates.map((g) => `<li class="${g.passed ? 'pass' : 'fail'}">${g.passed ? '✔' : '✘'} <b>${esc(g.name)}</b>: ${esc(g.detail)}</li>`).join('');
  const marginals = r.marginals
    .map((m) => barChart(`marginal-${m.attribute}`, `${m.attribute}: worst ${m.worst.toFixed(3)} pts, χ² ${m.chiSquare.toFixed(2)} (p ${m.pValue.toFixed(3)}), Cramér's V ${m.cramersV.toFixed(4)}`, m.rows.map((x) => ({ label: x.value, target: x.target, observed: x.observed }))))
    .join('');
  const joints = r.joints
    .map((j) => {
      const rows = j.rows.slice(0, 5).flatMap((row) =>
        Object.keys(row.reference)
          .filter((k) => row.reference[k] >= 0.01 || row.observed[k] >= 0.01)
          .map((k) => ({ label: `${row.a} → ${k}`, target: 100 * row.reference[k], observed: 100 * row.observed[k] })),
      );
      return barChart(`joint-${j.name}`, `${j.name}: weighted TVD ${j.tvd.toFixed(4)} (largest groups shown)`, rows);
    })
    .join('');
  const n = r.narratives;
  const hist = n ? n.fields.filter((f) => !f.field.endsWith('_list') && f.present).map((f) => histogram(`length-${f.field}`, `${f.field}: length (chars), median ${f.median}, p95 ${f.p95}`, f.histogram)).join('') : '';
  return `<h1>Validation of ${esc(r.file)}</h1><p>${r.records} records · census ${esc(r.census)} · <b class="${r.passed ? 'pass' : 'fail'}">${r.passed ? 'all gates passed' : 'gates failed'}</b></p>
<ul>${gates}</ul>
<p>${esc(noiseRuleText(r.noise))}</p>
<p class="legend"><span style="background:#b8b8b8"></span>target <span style="background:#2f6fdf"></span>observed (percent)</p>
<h2>Marginals</h2>${marginals}<h2>Joints (conditional shares, observed vs model)</h2>${joints}
${r.coherence ? coherenceHtml(r.coherence) : ''}
${n ? `<h2>Narratives</h2><p>cultural_background ≥ 1,500 chars: ${(100 * n.culturalBackgroundAtLeast1500).toFixed(1)} % · names the persona: ${(100 * n.namesPersona).toFixed(1)} % · in ${esc(n.language)}: ${(100 * n.inLanguage).toFixed(1)} % · exact duplicates: ${n.exactDuplicates} · near-duplicates (sample of ${n.nearDuplicateSample}): ${(100 * n.nearDuplicateRate).toFixed(2)} %</p>${hist}` : ''}`;
}

/** stats.md: one dataset, or each family of a dataset directory under its own heading. */
export function renderMarkdown(result: ValidationResult): string {
  if (result.kind === 'hub') return hubMarkdown(result);
  if (result.kind === 'census') return censusMarkdown(result);
  const head = `# Validation of ${result.file}\n\n${result.records} records in ${result.datasets.length} datasets: **${result.passed ? 'all gates passed' : 'gates failed'}**\n\n`;
  return head + result.datasets.map((r) => renderMarkdown(r).replace(/^#/gm, '##')).join('\n');
}

function censusMarkdown(r: ValidationReport): string {
  const lines = [`# Validation of ${r.file}`, '', `${r.records} records, census ${r.census}: **${r.passed ? 'all gates passed' : 'gates failed'}**`, '', '## Gates', ''];
  for (const g of r.gates) lines.push(`- ${g.passed ? 'pass' : 'FAIL'} — ${g.name}: ${g.detail}`);
  lines.push('', noiseRuleText(r.noise));
  lines.push('', '## Marginals', '', '| attribute | worst (pts) | χ² | df | p | Cramér\'s V |', '|---|---|---|---|---|---|');
  for (const m of r.marginals) lines.push(`| ${m.attribute} | ${m.worst.toFixed(3)} | ${m.chiSquare.toFixed(2)} | ${m.df} | ${m.pValue.toFixed(3)} | ${m.cramersV.toFixed(4)} |`);
  for (const m of r.marginals) {
    lines.push('', `### ${m.attribute}`, '', '| value | target % | observed % | diff (pts) | allowed (pts) |', '|---|---|---|---|---|');
    for (const x of m.rows) {
      const allowed = allowedPoints(x.target / 100, r.noise.n, r.noise.floorPoints, r.noise);
      lines.push(`| ${x.value} | ${x.target.toFixed(2)} | ${x.observed.toFixed(2)} | ${x.diff >= 0 ? '+' : ''}${x.diff.toFixed(3)} | ${allowanceText(allowed)} |`);
    }
  }
  lines.push('', '## Joints', '', '| joint | weighted TVD | largest TVD (groups ≥ 100) |', '|---|---|---|');
  for (const j of r.joints) lines.push(`| ${j.name} | ${j.tvd.toFixed(4)} | ${j.maxTvd.toFixed(4)} |`);
  lines.push('', '## Constraints', '', Object.keys(r.constraintViolations).length ? Object.entries(r.constraintViolations).map(([k, v]) => `- ${k}: ${v} violations`).join('\n') : 'No violation.');
  const n = r.narratives;
  if (n) {
    lines.push('', '## Narratives', '', '| field | present | empty | min | median | p95 | max |', '|---|---|---|---|---|---|---|');
    for (const f of n.fields) lines.push(`| ${f.field} | ${f.present} | ${f.empty} | ${f.min} | ${f.median} | ${f.p95} | ${f.max} |`);
    lines.push(
      '',
      `cultural_background ≥ 1,500 chars: ${(100 * n.culturalBackgroundAtLeast1500).toFixed(1)} % · names the persona: ${(100 * n.namesPersona).toFixed(1)} % · in ${n.language}: ${(100 * n.inLanguage).toFixed(1)} % · exact duplicates (cultural_background): ${n.exactDuplicates} · near-duplicates (Jaccard ≥ 0.8, sample of ${n.nearDuplicateSample}): ${(100 * n.nearDuplicateRate).toFixed(2)} % · providers: ${Object.entries(n.providers).map(([k, v]) => `${k} ${v}`).join(', ')}`,
    );
  }
  if (r.coherence) lines.push('', ...coherenceMarkdown(r.coherence));
  return `${lines.join('\n')}\n`;
}

/** The three report files; with `judge`, the judge side file's summary in each (stats.json `judge`). */
export async function writeReport(dir: string, r: ValidationResult, judge?: JudgeSummary): Promise<void> {
  await makeDirectories(dir);
  await writeFile(join(dir, 'stats.json'), `${JSON.stringify(judge ? { ...r, judge } : r, null, 1)}\n`);
  await writeFile(join(dir, 'stats.md'), judge ? `${renderMarkdown(r).trimEnd()}\n\n${judgeMarkdown(judge).join('\n')}\n` : renderMarkdown(r));
  await writeFile(join(dir, 'report.html'), judge ? renderHtml(r).replace('</body>', `${judgeHtml(judge)}\n</body>`) : renderHtml(r));
}
