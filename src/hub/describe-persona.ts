/** Keys that identify or bookkeep a record rather than describe the person. */
const SKIP = new Set(['persona', 'persona_summary', 'domain', 'id', 'uuid', 'source_id', 'parent_id', 'relation', 'depth', 'synth_method', 'confidence_score', 'model', 'domain_raw', 'narrative_provider']);
const MAX_FACTS = 16;
const MAX_FACT_CHARS = 160;

/** Up to MAX_FACTS short scalar fields as "key: value; …" (a census persona's structured attributes). */
function compactFacts(record: Readonly<Record<string, unknown>>): string {
  const facts: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (facts.length >= MAX_FACTS) break;
    if (SKIP.has(key) || value === null || value === '') continue;
    if (typeof value === 'string' && value.length <= MAX_FACT_CHARS) facts.push(`${key.replace(/_/g, ' ')}: ${value}`);
    else if (typeof value === 'number' || typeof value === 'boolean') facts.push(`${key.replace(/_/g, ' ')}: ${value}`);
  }
  return facts.join('; ');
}

/**
 * The text a persona-to-persona request starts from: a Persona Hub record's `persona`; for a census persona,
 * its one-line `persona_summary` with its structured facts, or the facts alone. Null when there is nothing.
 */
export function describePersona(record: Readonly<Record<string, unknown>>): string | null {
  if (typeof record.persona === 'string' && record.persona.trim() !== '') return record.persona.trim();
  const facts = compactFacts(record);
  const summary = typeof record.persona_summary === 'string' ? record.persona_summary.trim() : '';
  if (summary && facts) return `${summary}\nFacts: ${facts}.`;
  return summary || facts || null;
}
