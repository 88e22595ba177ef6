import { UsageError } from '../errors.js';
import { CONFIG_FLAGS, type Command } from './command.js';

export const validate: Command = {
  name: 'validate',
  summary: 'check a dataset (JSONL, CSV, Arrow, Parquet): census fidelity and narratives, or the Persona Hub checks; gates',
  usage: ['gen-stream validate FILE|DIR [--config config.json] [--report DIR] [--format F]'],
  description: `Reads a dataset as a stream (JSONL, CSV, Arrow IPC or a Parquet dataset directory) and reports, for every
controlled marginal, target, observed share, difference in points, chi-square and Cramér's V; for the census
joints, the total variation distance to the calibrated model's conditionals; constraint violations; and
narrative quality (lengths, names, language, duplicates). --report DIR writes stats.json, stats.md and
report.html. Gates (config "validate"): every marginal within 0.5 points, every chi-square p > 0.01 at
n >= 1,000, no constraint violation, no empty narrative field. Persona Hub records (the compact schema of
text-to-persona / persona-to-persona, known by family, sidecar or columns) get the hub checks instead: domain
distribution, synth_method counts, confidence scores, persona lengths, near-duplicates, ids, parent links;
gates: unique ids, scores in [0,1], no empty persona. --judge FILE adds a judge side file's scores (gen-stream
judge output: means, 1-5 distributions, the lowest rows) to the report. A dataset directory holding several families (e.g.
text-to-persona and persona-to-persona) is checked per family. Exit 1 when a gate fails.`,
  flags: [...CONFIG_FLAGS, 'input-format', 'report', 'judge'],
  args: { max: 1 },
  stdinIsData: () => true,
  async run({ loaded, options, values, args }) {
    const target = args[0];
    if (!target) throw new UsageError('validate needs the file or dataset directory to check (try --help)');
    const { validateDataset } = await import('../validate/run-validate.js');
    const { inputFormatFlag } = await import('../readers/read-records.js');
    const { sinceStart, startReadProgress } = await import('../run/progress.js');
    const format = inputFormatFlag(values['input-format']) ?? loaded.config.format;
    const progress = startReadProgress(!options.quiet);
    const report = await validateDataset(loaded, target, { format, report: values.report, onRead: progress.onRead, judge: values.judge }).finally(progress.stop);
    if (!options.quiet) for (const g of report.gates) process.stdout.write(`${g.passed ? 'pass' : 'FAIL'}  ${g.name}: ${g.detail}\n`);
    if (!options.quiet && report.judge) {
      const scores = report.judge.criteria.map((c) => `${c.criterion} ${c.mean.toFixed(2)}`).join(', ');
      process.stdout.write(`judge  ${report.judge.rows} rows, mean ${scores}\n`);
    }
    const failed = report.gates.filter((g) => !g.passed).map((g) => g.name);
    // A failed gate is the command's error (exit 1): said under -q too.
    if (!options.quiet || failed.length) {
      const secs = sinceStart().toFixed(2);
      process.stderr.write(`gen-stream: ${report.records} records: ${failed.length ? `gates failed: ${failed.join(', ')}` : 'all gates passed'} (${secs} s)\n`);
    }
    return failed.length ? 1 : 0;
  },
};
