import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JointResult, MarginalResult } from './fidelity-stats.js';
import type { NarrativeReport } from './narrative-stats.js';

export interface Gate {
  name: string;
  passed: boolean;
  detail: string;
}

export interface ValidationReport {
  file: string;
  census: string;
  records: number;
  marginals: MarginalResult[];
  joints: JointResult[];
  constraintViolations: Record<string, number>;
  unknownValues: number;
  narratives: NarrativeReport | null;
  gates: Gate[];
  passed: boolean;
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const pct = (x: number) => `${x.toFixed(2)}`;

/** Horizontal bars: for each label a target bar (grey) and an observed bar (blue), with values. */
function barChart(id: string, title: string, rows: Array<{ label: string; target: number; observed: number }>): string {
  const max = Math.max(1e-9, ...rows.flatMap((r) => [r.target, r.observed]));
  const rowH = 26;
  const left = 190;
  const width = 760;
  const scale = (v: number) => ((width - left - 120) * v) / max;
  const height = rows.length * rowH + 40;
  const bars = rows
    .map((r, i) => {
      const y = 30 + i * rowH;
      return (
        `<text x="${left - 8}" y="${y + 14}" text-anchor="end" class="label">${esc(r.label)}</text>` +
        `<rect class="bar target" x="${left}" y="${y + 2}" width="${scale(r.target).toFixed(1)}" height="9"><title>target ${pct(r.target)} %</title></rect>` +
        `<rect class="bar observed" x="${left}" y="${y + 12}" width="${scale(r.observed).toFixed(1)}" height="9"><title>observed ${pct(r.observed)} %</title></rect>` +
        `<text x="${left + Math.max(scale(r.target), scale(r.observed)) + 6}" y="${y + 18}" class="value">${pct(r.observed)} / ${pct(r.target)}</text>`
      );
    })
    .join('');
  return `<figure id="${esc(id)}" class="chart"><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${bars}</svg></figure>`;
}

function histogram(id: string, title: string, bins: number[]): string {
  const max = Math.max(1, ...bins);
  const width = 760;
  const height = 160;
  const bw = Math.max(2, Math.min(24, (width - 40) / Math.max(1, bins.length)));
  const bars = bins
    .map((b, i) => `<rect class="bar observed" x="${20 + i * bw}" y="${140 - (120 * b) / max}" width="${bw - 1}" height="${(120 * b) / max}"><title>${i * 100}–${i * 100 + 99} chars: ${b}</title></rect>`)
    .join('');
  return `<figure id="${esc(id)}" class="chart histogram"><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">${bars}<text x="20" y="155" class="label">0</text><text x="${20 + bins.length * bw}" y="155" class="label" text-anchor="end">${bins.length * 100} chars</text></svg></figure>`;
}

export function renderHtml(r: ValidationReport): string {
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
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gen-stream validation — ${esc(r.file)}</title>
<style>body{font:14px system-ui,sans-serif;margin:2rem;max-width:820px;color:#222}h1{font-size:1.4rem}.pass{color:#176d2c}.fail{color:#b3261e}
.chart{margin:1.2rem 0}figcaption{font-weight:600;margin-bottom:.3rem}.bar.target{fill:#b8b8b8}.bar.observed{fill:#2f6fdf}.label,.value{font-size:11px;fill:#333}
.legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}</style></head><body>
<h1>Validation of ${esc(r.file)}</h1><p>${r.records} records · census ${esc(r.census)} · <b class="${r.passed ? 'pass' : 'fail'}">${r.passed ? 'all gates passed' : 'gates failed'}</b></p>
<ul>${gates}</ul>
<p class="legend"><span style="background:#b8b8b8"></span>target <span style="background:#2f6fdf"></span>observed (percent)</p>
<h2>Marginals</h2>${marginals}<h2>Joints (conditional shares, observed vs model)</h2>${joints}
${n ? `<h2>Narratives</h2><p>cultural_background ≥ 1,500 chars: ${(100 * n.culturalBackgroundAtLeast1500).toFixed(1)} % · names the persona: ${(100 * n.namesPersona).toFixed(1)} % · in ${esc(n.language)}: ${(100 * n.inLanguage).toFixed(1)} % · exact duplicates: ${n.exactDuplicates} · near-duplicates (sample of ${n.nearDuplicateSample}): ${(100 * n.nearDuplicateRate).toFixed(2)} %</p>${hist}` : ''}
</body></html>
`;
}

export function renderMarkdown(r: ValidationReport): string {
  const lines = [`# Validation of ${r.file}`, '', `${r.records} records, census ${r.census}: **${r.passed ? 'all gates passed' : 'gates failed'}**`, '', '## Gates', ''];
  for (const g of r.gates) lines.push(`- ${g.passed ? 'pass' : 'FAIL'} — ${g.name}: ${g.detail}`);
  lines.push('', '## Marginals', '', '| attribute | worst (pts) | χ² | df | p | Cramér\'s V |', '|---|---|---|---|---|---|');
  for (const m of r.marginals) lines.push(`| ${m.attribute} | ${m.worst.toFixed(3)} | ${m.chiSquare.toFixed(2)} | ${m.df} | ${m.pValue.toFixed(3)} | ${m.cramersV.toFixed(4)} |`);
  for (const m of r.marginals) {
    lines.push('', `### ${m.attribute}`, '', '| value | target % | observed % | diff (pts) |', '|---|---|---|---|');
    for (const x of m.rows) lines.push(`| ${x.value} | ${x.target.toFixed(2)} | ${x.observed.toFixed(2)} | ${x.diff >= 0 ? '+' : ''}${x.diff.toFixed(3)} |`);
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
  return `${lines.join('\n')}\n`;
}

export async function writeReport(dir: string, r: ValidationReport): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'stats.json'), `${JSON.stringify(r, null, 1)}\n`);
  await writeFile(join(dir, 'stats.md'), renderMarkdown(r));
  await writeFile(join(dir, 'report.html'), renderHtml(r));
}
