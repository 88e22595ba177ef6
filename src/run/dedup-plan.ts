import type { LoadedConfig } from '../config.js';
import type { RemovedEntry, RemovedLog } from '../streams/dedup.js';
import { FileAppender } from '../writers/file-appender.js';
import { UsageError } from '../errors.js';
import { createJsonlSource } from '../streams/jsonl-source.js';
import { artifactsOf } from './artifacts.js';
import { openInput } from './input.js';
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
  const removedPath = options.removedPath ?? artifactsOf(config, options).removed;
  const { field, ...dedupOptions } = config.dedup;
  const deduper = new Deduper(dedupOptions);
  const input = openInput({ input: options.input });
  // The removed-ids file is the stage's: opened by it once the runner's refusals passed (the collision check
  // counts it among the run's files), appended a batch at a time, and closed or aborted with it.
  const code = await runPlan(loaded, options, null, {
    startOffset: 0,
    narratives: 'input',
    ipf: null,
    writes: [{ role: 'the removed-ids file', path: removedPath, writes: true }],
    head: ({ report }) => [
      createJsonlSource(input.stream, { name: input.name, onEnd: (n) => report({ taken: n }) }),
      createDedup(deduper, field, removedFile(removedPath)),
    ],
  });
  // Every record read is one of the three: kept + removed + passed through = read, kept + passed through = written.
  const read = deduper.kept + deduper.removedExact + deduper.removedNear + deduper.passed;
  if (options.quiet) return code;
  process.stderr.write(
    `gen-stream: dedup kept ${deduper.kept}, removed ${deduper.removedExact} exact and ${deduper.removedNear} near duplicates (${removedPath}), ` +
      `passed through ${deduper.passed} without a "${field}" text (${read} read); tables ${(deduper.memoryBytes() / 1e6).toFixed(1)} MB\n`,
  );
  return code;
}

/** The removed-ids file as the dedup stage's log: one JSON line per entry. */
function removedFile(path: string): RemovedLog {
  let file: FileAppender | null = null;
  return {
    open: async () => {
      file = await FileAppender.open(path, null);
    },
    append: (entries: readonly RemovedEntry[]) => file!.write(Buffer.from(entries.map((e) => `${JSON.stringify(e)}\n`).join(''), 'utf8')),
    close: async () => file?.close(),
    abort: async () => file?.abort(),
  };
}
