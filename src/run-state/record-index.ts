/**
 * Each record's position in the run's input, carried on the record object under a symbol: JSON.stringify and
 * the writers ignore it, object spread keeps it. The checkpointing tee uses it to know which input positions
 * are settled (written, or in the failure file).
 */
import { InternalError } from '../errors.js';
export const INDEX: unique symbol = Symbol('gen-stream.index');

export type Indexed = Record<string, unknown> & { [INDEX]?: number };

export function indexOf(record: Indexed): number {
  const i = record[INDEX];
  if (i === undefined) throw new InternalError('record without an input index');
  return i;
}

/**
 * The record's position in the whole input, when that differs from its position in this run's input (a shard
 * taking every n-th record). Ids and random streams that must match a one-process run are named by it.
 */
export const POSITION: unique symbol = Symbol('gen-stream.position');

export function positionOf(record: Indexed & { [POSITION]?: number }): number {
  return record[POSITION] ?? indexOf(record);
}
