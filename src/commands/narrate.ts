import { type Command, inputOf, STREAM_COMMAND } from './command.js';

export const narrate: Command = {
  name: 'narrate',
  summary: 'add narratives to personas read as JSONL from stdin (a pipe stage)',
  usage: [
    'gen-stream sample < config.json | gen-stream narrate --config config.json > personas.jsonl',
    'gen-stream narrate --config config.json --retry-failed personas.jsonl.failed.jsonl >> personas.jsonl',
  ],
  description: `Adds the narrative fields to persona records read as JSONL (stdin, or --input FILE), keeping their order.
Records whose narratives cannot be obtained go to the failure file with the error and the attempts;
--retry-failed FILE narrates the records of such a file again (new failures go to FILE.retry.jsonl).
A record that is not a census persona of the config's census (no id, "sex": "alien", "age": -4) fails
alone (E_RECORD, with its file:line and field) and the run exits 2.
stdin carries the records, so the config comes from --config.`,
  ...STREAM_COMMAND,
  async run({ loaded, options, values }) {
    const { runStream } = await import('../run/stream-plan.js');
    return runStream(loaded, { ...options, ...inputOf(values) }, true);
  },
};
