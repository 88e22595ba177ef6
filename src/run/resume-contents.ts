import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { CheckpointError } from '../errors.js';
import type { Checkpoint } from '../run-state/checkpoint.js';
import { arrowRowsUpTo } from '../writers/arrow-sink.js';
import { rowsOf } from '../writers/parquet-sink.js';
import type { SinkPosition } from '../writers/sink.js';
import type { DatasetFamily } from './artifacts.js';
import { arrowVariantOf } from './outputs.js';

const NEWLINE = 0x0a;
const QUOTE = 0x22;

/** Families whose every input position is one record or one failure (persona-to-persona makes several). */
const ONE_TO_ONE: ReadonlySet<DatasetFamily> = new Set(['personas', 'text-to-persona']);

/** Newlines in bytes [0, end) of a file; `csv`: only those outside quoted fields (a quoted field may hold one). */
async function newlinesUpTo(path: string, end: number, csv: boolean): Promise<number> {
  let n = 0;
  let quoted = false;
  if (end === 0) return 0;
  for await (const chunk of createReadStream(path, { start: 0, end: end - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    if (!csv) {
      for (let i = chunk.indexOf(NEWLINE); i >= 0; i = chunk.indexOf(NEWLINE, i + 1)) n++;
      continue;
    }
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      // A doubled quote inside a field toggles twice: no harm.
      if (b === QUOTE) quoted = !quoted;
      else if (b === NEWLINE && !quoted) n++;
    }
  }
  return n;
}

/** The records an output holds at its checkpointed position (Parquet: in the parts it lists); null if unreadable there. */
async function recordsAt(o: SinkPosition): Promise<number | null> {
  const bytes = o.bytes ?? 0;
  switch (o.format) {
    case 'jsonl':
      return newlinesUpTo(o.path, bytes, false);
    case 'csv':
      return Math.max(0, (await newlinesUpTo(o.path, bytes, true)) - 1); // the header row
    case 'arrow':
      return arrowRowsUpTo(o.path, bytes, arrowVariantOf(o.path), o.tail);
    case 'parquet': {
      let rows = 0;
      for (const part of o.parts ?? []) rows += await rowsOf(join(o.path, part));
      return rows;
    }
  }
}

/**
 * A checkpoint's numbers against each other and against what the outputs hold, before a resume touches
 * anything: each JSONL, CSV and Arrow output must hold exactly `written` records at its checkpointed length
 * (Parquet: no more in the parts it lists; the rest are spooled), the input mark must not lie past the
 * offset, and where records map one to one, `offset − first = written + failed`. A hand-edited or mismatched
 * checkpoint is refused (E_CHECKPOINT) rather than trusted: it would skip or repeat records.
 */
export async function verifyContents(path: string, cp: Checkpoint, family: DatasetFamily): Promise<void> {
  const refuse = (what: string) => new CheckpointError(`checkpoint ${path} does not match ${what}; refusing to resume from it`);
  if (cp.input && cp.input.index > cp.offset) throw refuse(`itself: its input mark (${cp.input.index}) lies past its offset (${cp.offset})`);
  if (cp.first !== undefined && ONE_TO_ONE.has(family) && cp.offset - cp.first !== cp.written + cp.failed) {
    throw refuse(`itself: offset ${cp.offset} from ${cp.first} is not ${cp.written} written + ${cp.failed} failed`);
  }
  for (const o of cp.outputs) {
    if (o.path === '-') continue;
    const held = await recordsAt(o);
    if (held === null) throw refuse(`${o.path}: its record batches do not end at the checkpointed ${o.bytes} bytes`);
    if (o.format === 'parquet' ? held > cp.written : held !== cp.written) {
      throw refuse(`${o.path}: it claims ${cp.written} records written, the output holds ${held}${o.format === 'parquet' ? ' in its listed parts' : ''} at the checkpointed position`);
    }
  }
}
