import { UsageError } from '../errors.js';
import { CONFIG_FLAGS, type Command } from './command.js';

export const card: Command = {
  name: 'card',
  summary: 'write a Hugging Face dataset card (README.md) for a directory of outputs',
  usage: ['gen-stream card DIR [--config config.json] [--license ID] [--force]'],
  description: `Writes DIR/README.md: a dataset card with Hugging Face YAML front matter (license, languages, size
category, one configs entry with its features and dtypes per sub-dataset), and for each sub-dataset what the
data is (census personas, Persona Hub text-to-persona or persona-to-persona), its language, the generation
settings and its validation summary; census sources (modelled tables flagged) for census data only; the
limitations. DIR holds gen-stream outputs: each file output with its .meta.json sidecar, each family of a
Parquet dataset directory (DIR may be such a directory itself). A README.md that gen-stream card did not write
is refused (exit 2) unless --force; its own card is replaced on a rerun. --license defaults to cc-by-4.0.`,
  flags: [...CONFIG_FLAGS, 'license', 'force'],
  args: { max: 1 },
  stdinIsData: () => true,
  async run({ loaded, options, values, args }) {
    if (!args[0]) throw new UsageError('card needs the dataset directory (try --help)');
    const { writeCard } = await import('../validate/card.js');
    const { sinceStart, startReadProgress } = await import('../run/progress.js');
    const progress = startReadProgress(!options.quiet);
    const cardOptions = { config: values.config ? loaded : undefined, license: values.license ?? 'cc-by-4.0', force: values.force ?? false, onRead: progress.onRead };
    const path = await writeCard(args[0], cardOptions).finally(progress.stop);
    if (!options.quiet) process.stderr.write(`gen-stream: wrote ${path} (${progress.read()} records read, ${sinceStart().toFixed(2)} s)\n`);
    return 0;
  },
};
