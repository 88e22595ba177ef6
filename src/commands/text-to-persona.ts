import { type Command, inputOf, STREAM_COMMAND } from './command.js';

export const textToPersona: Command = {
  name: 'text-to-persona',
  summary: 'Persona Hub: one persona per text of a corpus (JSONL or a JSON array) on stdin (needs llm)',
  usage: ['gen-stream text-to-persona --config config.json [--out personas.parquet] < corpus.jsonl'],
  description: `Asks the model, for every text of a corpus, who is likely to read, write, like or dislike it, and writes one
Persona Hub record per text: id, persona, domain, synth_method "text_to_persona", confidence_score, source_id
(and the other compact-schema columns). The corpus is JSONL (one {"id","text"} object or JSON string per line)
or one JSON array, streamed. Texts are cut to hub.maxInputTokens. Blank, malformed or textless lines go to
the failure file with their file:line. Domains are normalised (domains.synonyms) and capped
(domains.maxPerDomain); the domain table goes to <out>.domains.json. Checkpoints and --resume as usual.
--retry-failed FILE asks again for the texts of a failure file (same ids as a first success would have had;
new failures go to FILE.retry.jsonl).`,
  ...STREAM_COMMAND,
  async run({ loaded, options, values }) {
    const { runHub } = await import('../run/hub-plan.js');
    return runHub(loaded, { ...options, ...inputOf(values) }, 'text-to-persona');
  },
};
