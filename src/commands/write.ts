import { CONFIG_FLAGS, type Command, inputOf, recordsOnStdin, RUN_FLAGS } from './command.js';

export const write: Command = {
  name: 'write',
  summary: 'write JSONL records from stdin to the outputs (a pipe stage; JSONL, CSV, Arrow, Parquet)',
  usage: ['gen-stream sample < c.json | gen-stream narrate -c c.json | gen-stream write -c c.json --out personas.parquet'],
  description: `Writes JSONL records from stdin (or --input FILE) to every --out: JSONL, CSV (RFC 4180), Arrow IPC stream
(.arrows) or a Parquet dataset directory of rolling parts; checkpoints every checkpoint.every records and
resumes with --resume like the all-in-one command. A record without an id, a census persona missing a field
or holding a value its census does not have, or a Persona Hub record off its schema fails alone (E_RECORD,
to the failure file with its file:line and field) and the run exits 2.`,
  flags: [...CONFIG_FLAGS, ...RUN_FLAGS, 'input', 'input-format'],
  args: { max: 0 },
  stdinIsData: recordsOnStdin,
  async run({ loaded, options, values }) {
    const { runStream } = await import('../run/stream-plan.js');
    return runStream(loaded, { ...options, ...inputOf(values) }, false);
  },
};
