import { CONFIG_FLAGS, type Command, inputOf, recordsOnStdin, RUN_FLAGS } from './command.js';

export const dedup: Command = {
  name: 'dedup',
  summary: 'drop exact and near-duplicate records (MinHash LSH) from JSONL on stdin, keeping the first',
  usage: ['gen-stream dedup [--config c.json] [--field F] [--out FILE] [--removed FILE] < records.jsonl'],
  description: `Keeps the first of every group of duplicates, in order. Exact duplicates: same text after normalising case,
accents, punctuation and spacing. Near duplicates: MinHash (dedup.permutations, default 128) over word
shingles (dedup.shingle, default 1-grams) with LSH (dedup.bands, default 16), each candidate verified against
dedup.threshold (default Jaccard 0.9). Removed ids go to --removed (default <out>.removed.jsonl) with the id
they duplicate. Compares the field dedup.field (default "persona"; --field). A dedup run cannot resume.`,
  flags: [...CONFIG_FLAGS, ...RUN_FLAGS, 'input', 'input-format', 'field', 'removed'],
  args: { max: 0 },
  stdinIsData: recordsOnStdin,
  async run({ loaded, options, values }) {
    const { runDedup } = await import('../run/dedup-plan.js');
    return runDedup(loaded, { ...options, ...inputOf(values), removedPath: values.removed });
  },
};
