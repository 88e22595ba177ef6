import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BatchManifest } from '../batch/manifest.js';
import { type BatchResult, inputEntries, loadPartResults, type ResultCounts } from '../batch/results.js';
import { InputError } from '../errors.js';
import { type Indexed, POSITION } from '../run-state/record-index.js';
import { indexedBatches } from './indexed-batches.js';

/** Each joined input carries its requests' results (null: no result came back), in request order. */
export const BATCH_RESULTS: unique symbol = Symbol('gen-stream.batch-results');

export type JoinedInput = Indexed & { [BATCH_RESULTS]?: ReadonlyArray<{ id: string; result: BatchResult | null }> };

export interface BatchJoinOptions {
  manifest: BatchManifest;
  batchDir: string;
  spoolDir: string;
  batchSize?: number;
  signal?: AbortSignal;
  /** Inputs before this position were done before (a resume): counted, not emitted, their results not loaded. */
  skip: number;
  onEnd?: (inputs: number) => void;
}

/**
 * The source of `gen-stream batch-import`: the exported inputs, part after part in input order, each with its
 * results attached (one part's results in memory at a time), stamped with their original input position, so
 * ids, checkpoints and failures line up with the online path.
 */
export function createBatchJoin(options: BatchJoinOptions): Readable {
  const { manifest, batchDir, spoolDir, batchSize = 64, signal, skip, onEnd } = options;
  const counts: ResultCounts = { answered: 0, failed: 0, duplicates: 0 };
  async function* groups(): AsyncGenerator<JoinedInput[]> {
    let position = 0;
    for (let k = 0; k < manifest.parts.length; k++) {
      const part = manifest.parts[k];
      const results = part.end > skip ? await loadPartResults(spoolDir, k, counts) : null;
      let group: JoinedInput[] = [];
      for await (const entry of inputEntries(join(batchDir, part.inputs))) {
        if (entry.i !== position) throw new InputError(`${join(batchDir, part.inputs)}: input ${entry.i} where ${position} was expected (the batch directory was altered)`);
        const record = entry.record as JoinedInput & { [POSITION]?: number };
        if (typeof entry.p === 'number') record[POSITION] = entry.p;
        if (results) record[BATCH_RESULTS] = entry.ids.map((id) => ({ id, result: results.get(id) ?? null }));
        group.push(record);
        position++;
        if (group.length >= batchSize) {
          yield group;
          group = [];
        }
      }
      if (group.length) yield group;
    }
  }
  return indexedBatches(groups(), { batchSize, signal, skip, onEnd });
}
