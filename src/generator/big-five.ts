import { Stream, normal, rngFor } from './rng.js';

export const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;

/** T-score bands (mean 50, SD 10), as in Nemotron-Personas. */
export function traitLabel(t: number): string {
  if (t < 35) return 'very low';
  if (t < 45) return 'low';
  if (t <= 55) return 'average';
  if (t <= 65) return 'high';
  return 'very high';
}

/** T-scores ~ N(50, 10), rounded and clipped to 20–80, from the record's own random stream. */
export function bigFiveScores(seed: number, index: number): number[] {
  const rng = rngFor(seed, Stream.bigFive, index);
  return TRAITS.map(() => Math.min(80, Math.max(20, Math.round(50 + 10 * normal(rng)))));
}

/** JSON for the `big_five` field: `{"openness":{"t_score":57,"label":"high"},…}`. */
export function bigFiveJson(seed: number, index: number): string {
  const scores = bigFiveScores(seed, index);
  let out = '{';
  for (let i = 0; i < TRAITS.length; i++) {
    out += `${i ? ',' : ''}"${TRAITS[i]}":{"t_score":${scores[i]},"label":"${traitLabel(scores[i])}"}`;
  }
  return out + '}';
}
