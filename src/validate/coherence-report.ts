import type { CoherenceReport } from '../coherence/stats.js';
import { esc } from './charts.js';

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const summary = (c: CoherenceReport) =>
  `${c.withContradiction} of ${c.audited} narrated records (${pct(c.rate)}) contradict their own attributes (${c.contradictions} contradictions; ${c.language === 'detect' ? 'rules by the language of each field' : `rules for ${c.language}`})`;

/** stats.md: the coherence audit — rate per rule and per field, then the first examples of the most frequent rules. */
export function coherenceMarkdown(c: CoherenceReport): string[] {
  const lines = ['## Coherence (narratives vs the record)', '', `${summary(c)}.`];
  if (!c.rules.length) return lines;
  lines.push('', '| rule | records | rate |', '|---|---|---|', ...c.rules.map((r) => `| ${r.rule} | ${r.records} | ${pct(r.rate)} |`));
  lines.push('', '| field | records | rate |', '|---|---|---|', ...c.fields.map((f) => `| ${f.field} | ${f.records} | ${pct(f.rate)} |`));
  lines.push('', '| id | rule | field | span | the record says |', '|---|---|---|---|---|');
  for (const e of c.examples) lines.push(`| ${e.id} | ${e.rule} | ${e.field} | ${e.span.replaceAll('|', '\\|')} | ${e.expected.replaceAll('|', '\\|')} |`);
  return lines;
}

/** report.html: the same, as tables. */
export function coherenceHtml(c: CoherenceReport): string {
  const table = (head: string[], rows: string[][]) =>
    `<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.map((r) => `<tr>${r.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('')}</table>`;
  if (!c.rules.length) return `<h2>Coherence</h2><p>${esc(summary(c))}.</p>`;
  return `<h2>Coherence</h2><p>${esc(summary(c))}.</p>
${table(['rule', 'records', 'rate'], c.rules.map((r) => [r.rule, String(r.records), pct(r.rate)]))}
${table(['field', 'records', 'rate'], c.fields.map((f) => [f.field, String(f.records), pct(f.rate)]))}
${table(['id', 'rule', 'field', 'span', 'the record says'], c.examples.map((e) => [e.id, e.rule, e.field, e.span, e.expected]))}`;
}
