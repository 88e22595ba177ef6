/** The report page's SVG charts, drawn as text (no dependency, renders in any browser). */
export const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
export const pct = (x: number) => `${x.toFixed(2)}`;

/** Horizontal bars: for each label a target bar (grey) and an observed bar (blue), with values. */
export function barChart(id: string, title: string, rows: Array<{ label: string; target: number; observed: number }>): string {
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

export function histogram(id: string, title: string, bins: number[]): string {
  const max = Math.max(1, ...bins);
  const width = 760;
  const height = 160;
  const bw = Math.max(2, Math.min(24, (width - 40) / Math.max(1, bins.length)));
  const bars = bins
    .map((b, i) => `<rect class="bar observed" x="${20 + i * bw}" y="${140 - (120 * b) / max}" width="${bw - 1}" height="${(120 * b) / max}"><title>${i * 100}–${i * 100 + 99} chars: ${b}</title></rect>`)
    .join('');
  return `<figure id="${esc(id)}" class="chart histogram"><figcaption>${esc(title)}</figcaption><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="${esc(title)}">${bars}<text x="20" y="155" class="label">0</text><text x="${20 + bins.length * bw}" y="155" class="label" text-anchor="end">${bins.length * 100} chars</text></svg></figure>`;
}

