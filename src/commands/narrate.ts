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
stdin carries the records, so the config comes from --config.`,
  ...STREAM_COMMAND,
  async run({ loaded, options, values }) {
    const { runStream } = await import('../run/stream-plan.js');
    return runStream(loaded, { ...options, ...inputOf(values) }, true);
  },
};
