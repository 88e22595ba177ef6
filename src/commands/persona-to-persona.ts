import { type Command, inputOf, STREAM_COMMAND } from './command.js';

export const personaToPersona: Command = {
  name: 'persona-to-persona',
  summary: 'Persona Hub: related personas (colleague, client, …) of personas on stdin (needs llm)',
  usage: ['gen-stream persona-to-persona --config config.json [--out related.parquet] < personas.jsonl'],
  description: `For every persona read (a Persona Hub record's "persona", or a census persona's summary and facts), asks for
hub.perPersona related personas through relations drawn from hub.relations (family_member, colleague,
supervisor, subordinate, client, mentor, neighbour, …), hub.depth levels deep. Records carry
synth_method "persona_to_persona", parent_id, relation, depth, and the parent's domain (hub.domainFrom
"inherit") or the model's ("infer"). Options as for text-to-persona.`,
  ...STREAM_COMMAND,
  async run({ loaded, options, values }) {
    const { runHub } = await import('../run/hub-plan.js');
    return runHub(loaded, { ...options, ...inputOf(values) }, 'persona-to-persona');
  },
};
