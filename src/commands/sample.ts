import { type Command, GENERATOR_COMMAND } from './command.js';

export const sample: Command = {
  name: 'sample',
  summary: 'only the generator and online calibration: structured personas (first stage of a pipe)',
  usage: ['gen-stream sample [options] < config.json > skeletons.jsonl'],
  description: 'Runs only the census generator and online IPF calibration: structured personas without narratives.',
  ...GENERATOR_COMMAND,
  async run({ loaded, options }) {
    const { runGenerator } = await import('../run/generator-plan.js');
    return runGenerator(loaded, options, false);
  },
};
