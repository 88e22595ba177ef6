/**
 * What `validate --judge FILE` reports of the judge's side file (gen-stream judge): per criterion the mean score,
 * the distribution over 1–5 and the share scored 2 or lower, the lowest-scored rows with their reasons, and how
 * many of the dataset's records were judged. Streaming: counts, and a few examples kept per criterion.
 */
import { JUDGE_CRITERIA } from '../prompts/judge.js';

/** Rows kept per criterion as the worst examples. */
export const WORST_PER_CRITERION = 5;

export interface CriterionSummary {
  criterion: string;
  scored: number;
  mean: number;
  /** Rows per score, index 0 for score 1 … index 4 for score 5. */
  distribution: number[];
  /** Share of scored rows at 1 or 2. */
  lowShare: number;
  worst: Array<{ id: string; score: number; reason: string }>;
}

export interface JudgeSummary {
  file: string;
  rows: number;
  /** Rows whose scores are not whole numbers 1–5 (not gen-stream judge rows, or edited). */
  malformed: number;
  models: Record<string, number>;
  criteria: CriterionSummary[];
}

export class JudgeCounter {
  private rows = 0;
  private malformed = 0;
  private readonly models: Record<string, number> = {};
  private readonly counts = JUDGE_CRITERIA.map(() => [0, 0, 0, 0, 0]);
  private readonly worst = JUDGE_CRITERIA.map((): CriterionSummary['worst'] => []);

  add(row: Readonly<Record<string, unknown>>): void {
    this.rows++;
    const model = String(row.judge_model ?? 'unknown');
    this.models[model] = (this.models[model] ?? 0) + 1;
    JUDGE_CRITERIA.forEach(({ name }, i) => {
      const score = row[name];
      if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
        this.malformed++;
        return;
      }
      this.counts[i][score - 1]++;
      const worst = this.worst[i];
      // Lowest scores first; among equal scores the earliest rows stay (a stable, reproducible pick).
      if (worst.length < WORST_PER_CRITERION || score < worst[worst.length - 1].score) {
        worst.push({ id: String(row.id ?? ''), score, reason: String(row[`${name}_reason`] ?? '') });
        worst.sort((a, b) => a.score - b.score);
        if (worst.length > WORST_PER_CRITERION) worst.pop();
      }
    });
  }

  report(file: string): JudgeSummary {
    return {
      file,
      rows: this.rows,
      malformed: this.malformed,
      models: this.models,
      criteria: JUDGE_CRITERIA.map(({ name }, i) => {
        const d = this.counts[i];
        const scored = d.reduce((a, b) => a + b, 0);
        return {
          criterion: name,
          scored,
          mean: scored ? d.reduce((a, n, k) => a + n * (k + 1), 0) / scored : 0,
          distribution: [...d],
          lowShare: scored ? (d[0] + d[1]) / scored : 0,
          worst: this.worst[i],
        };
      }),
    };
  }
}

/** The judge section of stats.md. */
export function judgeMarkdown(j: JudgeSummary): string[] {
  const lines = ['## LLM judge', '', `${j.rows} rows of ${j.file} (${Object.entries(j.models).map(([m, n]) => `${m}: ${n}`).join(', ')})${j.malformed ? `, ${j.malformed} scores malformed` : ''}.`, ''];
  lines.push('| criterion | mean | 1 | 2 | 3 | 4 | 5 | share ≤ 2 |', '|---|---|---|---|---|---|---|---|');
  for (const c of j.criteria) lines.push(`| ${c.criterion} | ${c.mean.toFixed(2)} | ${c.distribution.join(' | ')} | ${(100 * c.lowShare).toFixed(1)} % |`);
  for (const c of j.criteria) if (c.worst.length) lines.push('', `Lowest ${c.criterion}:`, ...c.worst.map((w) => `- ${w.score} · ${w.id}: ${w.reason}`));
  return lines;
}

const esc = (t: string) => t.replace(/[&<>"]/g, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as Record<string, string>)[c]};`);

/** The judge section of report.html. */
export function judgeHtml(j: JudgeSummary): string {
  const rows = j.criteria.map((c) => `<tr><td>${esc(c.criterion)}</td><td>${c.mean.toFixed(2)}</td>${c.distribution.map((n) => `<td>${n}</td>`).join('')}<td>${(100 * c.lowShare).toFixed(1)} %</td></tr>`).join('');
  const worst = j.criteria.flatMap((c) => c.worst.map((w) => `<li>${esc(c.criterion)} ${w.score} · ${esc(w.id)}: ${esc(w.reason)}</li>`)).join('');
  return `<h2>LLM judge</h2><p>${j.rows} rows of ${esc(j.file)}</p><table><tr><th>criterion</th><th>mean</th><th>1</th><th>2</th><th>3</th><th>4</th><th>5</th><th>share ≤ 2</th></tr>${rows}</table><ul>${worst}</ul>`;
}
