import type { LoadedConfig } from '../config.js';
import { UsageError } from '../errors.js';
import { createJsonlSource } from '../streams/jsonl-source.js';
import { artifactsOf } from './artifacts.js';
import { openInput } from './input.js';
import { refuseCollisions, runPathsOf } from './path-collisions.js';
import type { InputOptions, RunOptions } from './run-options.js';
import { runPlan } from './run-plan.js';

/**
 * `gen-stream dedup`: records from stdin (or --input) minus exact and near duplicates of earlier ones, to every
 * output; removed ids go to the removed file with the id they duplicate. The seen-set is not checkpointed,
 * so a dedup run cannot be resumed (it would miss duplicates across the break): rerun it instead.
 */
export async function runDedup(loaded: LoadedConfig, given: RunOptions & Pick<InputOptions, 'input'> & { removedPath?: string }): Promise<number> {
  const options = { ...given, family: 'dedup' as const };
  if (options.resume || options.startOffset) throw new UsageError('dedup cannot resume: its seen-set is not checkpointed; run it again from the start');
  const { config } = loaded;
  const { Deduper } = await import('../dedup/deduper.js');
  const { createDedup } = await import('../streams/dedup.js');
  const { FileAppender } = await import('../writers/file-appender.js');
  const removedPath = options.removedPath ?? artifactsOf(config, options).removed;
  await refuseCollisions(runPathsOf(config, options, [{ role: 'the removed-ids file', path: removedPath, writes: true }]));
  const removed = await FileAppender.open(removedPath, null);
  const { field, ...dedupOptions } = config.dedup;
  const deduper = new Deduper(dedupOptions);
  // Removed entries are appended in order; the chain is awaited (and its error surfaced) before the summary.
  let pending: Promise<void> = Promise.resolve();
  const input = openInput({ input: options.input });
  let code: number;
  try {
    code = await runPlan(loaded, options, null, {
      startOffset: 0,
      narratives: 'input',
      ipf: null,
      head: ({ report }) => [
        createJsonlSource(input.stream, { name: input.name, onEnd: (n) => report({ taken: n }) }),
        createDedup(deduper, field, (entry) => {
          const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8');
          pending = pending.then(() => removed.write(line));
        }),
      ],
    });
    await pending;
  } finally {
    await removed.close();
  }
  // Every record read is one of the three: kept + removed + passed through = read, kept + passed through = written.
  const read = deduper.kept + deduper.removedExact + deduper.removedNear + deduper.passed;
  if (options.quiet) return code;
  process.stderr.write(
    `gen-stream: dedup kept ${deduper.kept}, removed ${deduper.removedExact} exact and ${deduper.removedNear} near duplicates (${removedPath}), ` +
      `passed through ${deduper.passed} without a "${field}" text (${read} read); tables ${(deduper.memoryBytes() / 1e6).toFixed(1)} MB\n`,
  );
  return code;
}
