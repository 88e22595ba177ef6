import { NARRATIVE_FIELDS, type Narrative } from './fields.js';

/**
 * The record with its narrative fields appended in the fixed field order, then narrative_provider. In place:
 * the record is the pipeline's own (parsed from the generator's line or an input line, held by no one else),
 * and copying a 30-field object cost 35–55 µs a record against ~3 µs, a fifth of the template narrator's time.
 * Key order is the same as a copy's: fields already present keep their place and take the new value.
 */
export function withNarrative(record: Record<string, unknown>, narrative: Narrative, provider: string): Record<string, unknown> {
  for (const f of NARRATIVE_FIELDS) if (narrative[f] !== undefined) record[f] = narrative[f];
  record.narrative_provider = provider;
  return record;
}
