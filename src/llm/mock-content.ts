/**
 * What the mock LLM (mock-server.ts) answers: canned text built from the prompt, never a model's. Narrative
 * requests get every requested field, each naming the person and carrying a "[ref name|age|district]" marker,
 * so a test (or a user reading the output) can see that each record got its own answer; Persona Hub requests
 * get a persona, a domain label spelled the way models vary it, and a score; judge requests a score 1–5 and a
 * reason per criterion. Deterministic: the same request
 * body, the same answer.
 */

const FILLER = [
  'lives with family close by',
  'keeps the traditions of the place',
  'has seen the country change over the decades',
  'speaks about the future with care',
  'knows the neighbours by name',
  'has a calm and practical outlook',
];

function textOf(len: number, lead: string): string {
  let s = lead;
  for (let i = 0; s.length < len; i++) s += ` ${FILLER[i % FILLER.length]}.`;
  return s.slice(0, len);
}

/**
 * Builds the JSON a model would return for the requested fields. `contradict`: descriere_generala also states an
 * age 30 years off (a contradiction the coherence audit catches), to exercise narrative.repair.
 */
function answerFor(fields: string[], facts: Record<string, unknown>, contradict = false): Record<string, unknown> {
  const name = String(facts.name ?? 'Unknown');
  const ref = `[ref ${name}|${String(facts.age)}|${String(facts.district)}]`;
  const lengths: Record<string, number> = {
    descriere_generala: 600,
    profil_profesional: 450,
    hobby_sport: 300,
    cultural_background: 1700,
    career_goals_and_ambitions: 400,
    persona_summary: 150,
    skills_and_expertise: 400,
    hobbies_and_interests: 400,
  };
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.endsWith('_list')) out[f] = ['first item', 'second item', 'third item', 'fourth item'];
    else out[f] = textOf(lengths[f] ?? 300, `${name} ${ref}`);
  }
  if (contradict && typeof out.descriere_generala === 'string') {
    // In the filler's language (English), as a sentence of its own.
    out.descriere_generala = `${out.descriere_generala.replace(/[\s.]*$/, '.')} ${name} is ${Number(facts.age) + 30} years old.`;
  }
  return out;
}

function requestedFields(body: { response_format?: { json_schema?: { schema?: { properties?: object } } }; messages?: Array<{ content?: string }> }): string[] {
  const props = body.response_format?.json_schema?.schema?.properties;
  if (props) return Object.keys(props);
  const user = body.messages?.find((m) => m.content?.includes('Persona facts'))?.content ?? '';
  return [...user.matchAll(/^- "(\w+)":/gm)].map((m) => m[1]);
}

/** The persona facts the narrative prompt carries as JSON (empty when there are none, e.g. a Persona Hub prompt). */
export function personaFactsOf(body: { messages?: Array<{ content?: string }> }): Record<string, unknown> {
  const user = body.messages?.find((m) => m.content?.includes('Persona facts'))?.content ?? '';
  const m = /Persona facts \(JSON\):\n([\s\S]*?)\n\n/.exec(user);
  try {
    return m ? (JSON.parse(m[1]) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// Persona Hub answers: a domain label from keywords, spelled the way models vary it (case, synonyms), so that
// normalisation has work to do; unknown texts get "General interest".
const DOMAIN_KEYWORDS: Array<[RegExp, string[]]> = [
  [/cricket|ipl|ranji|wicket|bat\b/i, ['Cricket', 'cricket', 'CRICKET ']],
  [/hospital|doctor|health|clinic|medicine|dengue|nurse|tb\b/i, ['Healthcare', 'Health Care', 'medicine']],
  [/farm|crop|mandi|irrigation|soil|wheat|harvest|dairy/i, ['Agriculture', 'farming', 'agriculture']],
  [/startup|software|app\b|tech|upi|server|data/i, ['Technology', 'tech', 'Information Technology']],
  [/school|teacher|student|exam|college|university/i, ['Education', 'education']],
  [/film|cinema|actor|movie|theatre/i, ['Film', 'Bollywood', 'cinema']],
];

function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function hubAnswer(user: string): Record<string, unknown> | null {
  const text = /<text>\n([\s\S]*?)\n<\/text>/.exec(user)?.[1];
  const parent = /<persona>\n([\s\S]*?)\n<\/persona>/.exec(user)?.[1];
  if (text === undefined && parent === undefined) return null;
  const relation = /\(relation: ([a-z0-9_]+)\)/.exec(user)?.[1] ?? '';
  const basis = text ?? parent ?? '';
  const h = hashOf(user);
  const variants = DOMAIN_KEYWORDS.find(([re]) => re.test(basis))?.[1] ?? ['General interest'];
  const opening = basis.split(/\s+/).slice(0, 10).join(' ');
  const persona =
    text !== undefined
      ? `A reader drawn to the text that opens "${opening}", who follows this subject closely and talks about it with friends. [h${h}]`
      : `The ${relation.replace(/_/g, ' ')} of a person described as "${opening}", with a working life of their own. [h${h}]`;
  // Scores of exactly 1 and 0 too: the columnar writers must keep them as doubles.
  const score = h % 10 === 0 ? 1 : h % 10 === 1 ? 0 : Number(((h % 100) / 100).toFixed(2));
  return { persona, domain: variants[h % variants.length], confidence_score: score };
}

/** The judge's rubric (prompts/judge.ts): each criterion the request names, a score 1–5 and a reason, from the body's hash. */
function judgeAnswer(user: string): Record<string, unknown> | null {
  if (!user.includes('Narratives to review')) return null;
  const h = hashOf(user);
  const criteria = [...user.matchAll(/^- "(\w+)": /gm)].map((m) => m[1]);
  return Object.fromEntries(criteria.map((c, i) => [c, { score: 1 + ((h >>> (i * 3)) % 5), reason: `mock ${c} score for [h${h}]` }]));
}

export type MockBody = Parameters<typeof requestedFields>[0];

/**
 * The answer text the mock gives to a chat-completions body (deterministic: the same body, the same answer).
 * Exported so that a test can stand in for a Batch API provider with exactly the online answers.
 */
/** When the mock's narratives contradict their persona: never, until a repair note asks again, or always. */
export type MockContradict = 'never' | 'until-repair' | 'always';

export function mockContent(body: MockBody, contradict: MockContradict = 'never'): string {
  const userText = body.messages?.find((m) => m.content?.includes('</text>') || m.content?.includes('</persona>'))?.content ?? '';
  const judgeText = body.messages?.find((m) => m.content?.includes('Narratives to review'))?.content ?? '';
  const all = body.messages?.map((m) => m.content ?? '').join('\n') ?? '';
  const wrong = contradict === 'always' || (contradict === 'until-repair' && !all.includes('Your previous answer contradicted'));
  return JSON.stringify(hubAnswer(userText) ?? judgeAnswer(judgeText) ?? answerFor(requestedFields(body), personaFactsOf(body), wrong));
}
