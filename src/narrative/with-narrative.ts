import { NARRATIVE_FIELDS, type Narrative } from './fields.js';

/** The record with its narrative fields appended in the fixed field order, then narrative_provider. */
export function withNarrative(record: Readonly<Record<string, unknown>>, narrative: Narrative, provider: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const f of NARRATIVE_FIELDS) if (narrative[f] !== undefined) out[f] = narrative[f];
  out.narrative_provider = provider;
  return out;
}
