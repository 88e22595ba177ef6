import { firstNameCurve, referenceYear, surnameCurve } from './names/curves.js';
import type { FirstNameTable, SurnameTable } from './names/types.js';

/**
 * Turns the ranked name lists of names/ into weight rows: the stated modelling rules live here, the names in
 * the data files.
 */
type Row = Record<string, number>;

/** Zipf–Mandelbrot weights of a ranked list, normalised to sum 1 (repeated names add up). */
export function rankWeights(names: readonly string[], curve: { s: number; q: number }): Row {
  const raw = names.map((_, i) => (i + 1 + curve.q) ** -curve.s);
  const total = raw.reduce((a, b) => a + b, 0);
  const row: Row = {};
  names.forEach((n, i) => {
    row[n] = (row[n] ?? 0) + raw[i] / total;
  });
  return row;
}

/** Middle birth year of people aged lo…hi on the census reference date. */
export const cohortMidYear = (lo: number, hi: number): number => referenceYear - (lo + hi + 1) / 2;

/**
 * First-name weights of one sex for people born around `year`: the list of the decade containing `year`; a
 * community without a list for that decade mixes the two nearest decades' lists linearly by distance between
 * decade midpoints (before the first or after the last list, the nearest list alone).
 */
export function firstNameRow(table: FirstNameTable, sex: 'female' | 'male', year: number): Row {
  const lists = table[sex];
  const decades = Object.keys(lists).map(Number).sort((a, b) => a - b);
  const own = decades.find((d) => year >= d && year < d + 10);
  const weigh = (d: number) => rankWeights(lists[String(d)], firstNameCurve);
  if (own !== undefined) return weigh(own);
  const mid = (d: number) => d + 4.5;
  if (year < mid(decades[0])) return weigh(decades[0]);
  const after = decades.findIndex((d) => mid(d) > year);
  if (after < 0) return weigh(decades[decades.length - 1]);
  const [a, b] = [decades[after - 1], decades[after]];
  const t = (year - mid(a)) / (mid(b) - mid(a));
  const row: Row = {};
  for (const [n, w] of Object.entries(weigh(a))) row[n] = (row[n] ?? 0) + (1 - t) * w;
  for (const [n, w] of Object.entries(weigh(b))) row[n] = (row[n] ?? 0) + t * w;
  return row;
}

/**
 * The feminine form of a Slavic surname: Russian, Bulgarian and Gagauz -ov/-ev/-in take -a, adjectival -schi/-țchi
 * and -îi take -aia; every other ending (-enco, -ciuc, -oglo, -ici …) is the same for both sexes.
 */
export function feminineSurname(masculine: string): string {
  if (/(ov|ev|in|în)$/.test(masculine)) return `${masculine}a`;
  if (/(s|ț)chi$/.test(masculine)) return `${masculine.slice(0, -3)}caia`;
  if (/îi$/.test(masculine)) return `${masculine.slice(0, -2)}aia`;
  return masculine;
}

/** Surname weights of one sex. */
export function surnameRow(table: SurnameTable, sex: 'female' | 'male'): Row {
  const row = rankWeights(table.names, surnameCurve);
  if (sex === 'male' || table.forms === 'invariant') return row;
  const out: Row = {};
  for (const [n, w] of Object.entries(row)) out[feminineSurname(n)] = (out[feminineSurname(n)] ?? 0) + w;
  return out;
}
