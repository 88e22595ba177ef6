import { CONFIG_FLAGS, type Command } from './command.js';

export const describe: Command = {
  name: 'describe',
  summary: "print the run's metadata (census, sources, modelled tables, constraints) as JSON",
  usage: ['gen-stream describe [--config FILE] < config.json'],
  description: `Prints what a run with this config would be made of, as JSON: the census and the source of every table
(modelled ones flagged), the targets, the constraints, the settings and the config fingerprint. The same
document is written beside every file output as <out>.meta.json.`,
  flags: CONFIG_FLAGS,
  args: { max: 0 },
  stdinIsData: () => false,
  async run({ loaded }) {
    const { runMetadata } = await import('../run/run-metadata.js');
    process.stdout.write(`${JSON.stringify(runMetadata(loaded), null, 2)}\n`);
    return 0;
  },
};
