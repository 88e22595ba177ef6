import { UsageError } from '../errors.js';
import { CONFIG_FLAGS, type Command } from './command.js';

export const card: Command = {
  name: 'card',
  summary: 'write a Hugging Face dataset card (README.md) for a directory of outputs',
  usage: ['gen-stream card DIR [--config config.json] [--license ID]'],
  description: `Writes DIR/README.md: a dataset card with Hugging Face YAML front matter (license, size category, features
and dtypes), the generation settings, the census sources (modelled tables flagged), the validation summary
and the limitations. DIR holds gen-stream outputs and their .meta.json sidecar. --license defaults to cc-by-4.0.`,
  flags: [...CONFIG_FLAGS, 'license'],
  args: { max: 1 },
  stdinIsData: () => true,
  async run({ loaded, options, values, args }) {
    if (!args[0]) throw new UsageError('card needs the dataset directory (try --help)');
    const { writeCard } = await import('../validate/card.js');
    const path = await writeCard(args[0], { config: values.config ? loaded : undefined, license: values.license ?? 'cc-by-4.0' });
    if (!options.quiet) process.stderr.write(`gen-stream: wrote ${path}\n`);
    return 0;
  },
};
