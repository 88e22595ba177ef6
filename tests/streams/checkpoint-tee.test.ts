import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { InputError } from '../../src/errors.js';
import type { FailureSink } from '../../src/run-state/failure-sink.js';
import { INDEX, type Indexed, indexOf } from '../../src/run-state/record-index.js';
import { REPORT, type StageReport } from '../../src/run-state/run-stats.js';
import { createCheckpointTee, type CheckpointTeeOptions, type RunTotals } from '../../src/streams/checkpoint-tee.js';
import type { RecordSink, SinkPosition } from '../../src/writers/sink.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-tee-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rec = (i: number): Indexed => ({ id: `p${i}`, [INDEX]: i });
const chunksOf = (indices: readonly number[], size: number): Indexed[][] => {
  const out: Indexed[][] = [];
  for (let i = 0; i < indices.length; i += size) out.push(indices.slice(i, i + size).map(rec));
  return out;
};

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}
const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

/**
 * One run of the tee over fake sinks and a fake failure file, all logging their calls into one list. Before
 * each logged call the checkpoint file is read: a new one is logged where it appeared, and checked against
 * what every sink had made durable then (`violations`).
 */
class Harness {
  readonly log: string[] = [];
  readonly violations: string[] = [];
  readonly reports: StageReport[] = [];
  readonly checkpoints: Array<{ offset: number; outputs: SinkPosition[]; written: number; failed: number; complete: boolean }> = [];
  readonly totals: RunTotals = { written: 0, failed: 0, requests: 0, retries: 0, promptTokens: 0, completionTokens: 0, cost: 0 };
  readonly sinks: FakeSink[];
  readonly path: string;
  private seen = '';

  constructor(
    name: string,
    readonly failed: readonly number[],
    sinkNames = ['a', 'b'],
  ) {
    this.path = join(dir, `${name}.checkpoint.json`);
    this.sinks = sinkNames.map((n) => new FakeSink(n, this));
  }

  observe(): void {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch {
      return;
    }
    if (text === this.seen) return;
    this.seen = text;
    const cp = JSON.parse(text);
    this.checkpoints.push(cp);
    this.log.push(`checkpoint offset=${cp.offset} outputs=${cp.outputs.map((o: SinkPosition) => o.bytes).join(',')} written=${cp.written} failed=${cp.failed} complete=${cp.complete}`);
    cp.outputs.forEach((o: SinkPosition, k: number) => {
      const sink = this.sinks[k];
      if (o.bytes! > sink.durable) this.violations.push(`checkpoint ${cp.offset} claims ${o.bytes} of ${sink.name}, durable ${sink.durable}`);
      const claimed = sink.written.slice(0, o.bytes);
      const before = sink.written.filter((i) => i < cp.offset);
      if (claimed.some((i) => i >= cp.offset) || before.length > claimed.length) this.violations.push(`checkpoint ${cp.offset} of ${sink.name} claims ${claimed}`);
    });
    if (!this.failuresSynced) this.violations.push(`checkpoint ${cp.offset} before the failure file was synced`);
    this.failuresSynced = false;
  }

  failuresSynced = false;

  /** The fake failure file: one 10-byte entry per failed position. */
  get failures(): FailureSink {
    const fake = {
      path: join(dir, 'failed.jsonl'),
      sync: async () => {
        this.observe();
        this.log.push('f.sync');
        this.failuresSynced = true;
      },
      countBefore: (k: number) => this.failed.filter((i) => i < k).length,
      bytesBefore: (k: number) => 10 * this.failed.filter((i) => i < k).length,
      settle: (k: number) => {
        this.observe();
        this.log.push(`f.settle ${k}`);
      },
    };
    return fake as unknown as FailureSink;
  }

  options(over: Partial<CheckpointTeeOptions> = {}): CheckpointTeeOptions {
    return {
      sinks: this.sinks,
      path: this.path,
      every: 3,
      startOffset: 0,
      fingerprint: 'fp',
      failures: this.failures,
      totals: () => this.totals,
      complete: () => true,
      ipfStateAt: () => null,
      endOffset: () => 10,
      ...over,
    };
  }

  tee(over: Partial<CheckpointTeeOptions> = {}) {
    const tee = createCheckpointTee(this.options(over));
    // The runner's part: apply each report (synchronously, within emit) to the totals.
    tee.on(REPORT, (r: StageReport) => {
      this.reports.push(r);
      this.totals.written += r.written ?? 0;
    });
    const closed = new Promise<void>((resolve) => tee.once('close', resolve));
    return { tee, closed };
  }
}

/** A sink whose position is the number of records it holds; `durable` is that number at the last sync. */
class FakeSink implements RecordSink {
  readonly format = 'jsonl' as const;
  readonly written: number[] = [];
  durable = 0;
  aborts = 0;
  failWrite: Error | null = null;
  failClose: Error | null = null;
  /** While set, sync waits for it (after telling `syncEntered`). */
  syncGate: Deferred | null = null;
  syncEntered = deferred();
  private pending = 0;

  constructor(
    readonly name: string,
    private readonly h: Harness,
  ) {}

  private position(): SinkPosition {
    return { format: 'jsonl', path: this.name, bytes: this.written.length };
  }

  async write(records: readonly Indexed[]) {
    this.h.observe();
    this.h.log.push(`${this.name}.write ${records.map(indexOf).join(' ')}`);
    if (this.failWrite) throw this.failWrite;
    this.written.push(...records.map(indexOf));
  }

  async sync() {
    this.h.observe();
    this.h.log.push(`${this.name}.sync ${this.written.length}`);
    const at = this.written.length;
    this.syncEntered.resolve();
    this.pending++;
    if (this.syncGate) await this.syncGate.promise;
    this.pending--;
    this.durable = at;
    return { ...this.position(), bytes: at };
  }

  async close() {
    this.h.observe();
    this.h.log.push(`${this.name}.close ${this.written.length}`);
    if (this.failClose) throw this.failClose;
    this.durable = this.written.length;
    return this.position();
  }

  async abort() {
    this.h.observe();
    this.h.log.push(`${this.name}.abort`);
    // The RecordSink contract: abort comes once no other call is pending.
    if (this.pending) this.h.violations.push(`${this.name} aborted with a call pending`);
    this.aborts++;
  }
}

describe('checkpoint-tee', () => {
  it('syncs every sink and the failure file before each checkpoint, which claims exactly the records before its offset', async () => {
    // Positions 0–9, of which 4, 7 and 8 failed (holes); every = 3.
    const h = new Harness('order', [4, 7, 8]);
    const { tee } = h.tee();
    await pipeline(Readable.from([[rec(0), rec(1)], [rec(2), rec(3), rec(5)], [rec(6), rec(9)]]), tee);
    h.observe();
    assert.deepEqual(h.log, [
      'a.write 0 1',
      'b.write 0 1',
      'a.write 2',
      'b.write 2',
      'a.sync 3',
      'b.sync 3',
      'f.sync',
      'checkpoint offset=3 outputs=3,3 written=3 failed=0 complete=false',
      'f.settle 3',
      'a.write 3 5',
      'b.write 3 5',
      'a.sync 5',
      'b.sync 5',
      'f.sync',
      'checkpoint offset=6 outputs=5,5 written=5 failed=1 complete=false',
      'f.settle 6',
      'a.write 6',
      'b.write 6',
      'a.sync 6',
      'b.sync 6',
      'f.sync',
      'checkpoint offset=9 outputs=6,6 written=6 failed=3 complete=false',
      'f.settle 9',
      'a.write 9',
      'b.write 9',
      'a.close 7',
      'b.close 7',
      'f.sync',
      'checkpoint offset=10 outputs=7,7 written=7 failed=3 complete=true',
      'f.settle 10',
    ]);
    assert.deepEqual(h.violations, []);
    assert.deepEqual(
      h.reports.map((r) => r.written),
      [2, 1, 2, 1, 1],
    );
    assert.deepEqual(
      h.sinks.map((s) => s.aborts),
      [0, 0],
    );
  });

  it('checkpoints at every multiple of `every` past the start that a later position reaches, whatever the chunking', async () => {
    const cases = [
      { every: 3, startOffset: 0, indices: [0, 1, 2, 3, 5, 6, 9], end: 10 },
      // A resume off a boundary: the first checkpoint is at the next multiple.
      { every: 3, startOffset: 4, indices: [4, 5, 6, 7, 8, 10], end: 11 },
      // One record past several boundaries at once (a run of failures): one checkpoint at each.
      { every: 2, startOffset: 0, indices: [0, 7, 8], end: 9 },
      // A boundary exactly at the end: the last record is below it, so only the final checkpoint is there.
      { every: 4, startOffset: 0, indices: [0, 1, 2, 3], end: 4 },
      { every: 5, startOffset: 0, indices: [], end: 0 },
    ];
    for (const c of cases) {
      const failed = Array.from({ length: c.end }, (_, i) => i).filter((i) => i >= c.startOffset && !c.indices.includes(i));
      const last = c.indices.length ? c.indices[c.indices.length - 1] : -1;
      const expected: number[] = [];
      for (let k = (Math.floor(c.startOffset / c.every) + 1) * c.every; k <= last; k += c.every) expected.push(k);
      expected.push(c.end);
      for (const size of [1, 2, 3, 5]) {
        const name = `bounds-${c.every}-${c.startOffset}-${c.indices.length}-${size}`;
        const h = new Harness(name, failed);
        const { tee } = h.tee({ every: c.every, startOffset: c.startOffset, endOffset: () => c.end });
        await pipeline(Readable.from(chunksOf(c.indices, size)), tee);
        h.observe();
        assert.deepEqual(
          h.checkpoints.map((cp) => cp.offset),
          expected,
          name,
        );
        assert.deepEqual(h.violations, [], name);
        const final = h.checkpoints[h.checkpoints.length - 1];
        assert.deepEqual(
          { written: final.written, failed: final.failed, complete: final.complete, outputs: final.outputs.map((o) => o.bytes) },
          { written: c.indices.length, failed: failed.length, complete: true, outputs: [c.indices.length, c.indices.length] },
          name,
        );
        for (const s of h.sinks) assert.deepEqual(s.written, c.indices, name);
      }
    }
  });

  it('writes the final checkpoint on end at the end offset, marked incomplete after a stop', async () => {
    const h = new Harness('stopped', []);
    const { tee } = h.tee({ every: 100, endOffset: () => 2, complete: () => false });
    await pipeline(Readable.from([[rec(0), rec(1)]]), tee);
    h.observe();
    assert.deepEqual(h.log, ['a.write 0 1', 'b.write 0 1', 'a.close 2', 'b.close 2', 'f.sync', 'checkpoint offset=2 outputs=2,2 written=2 failed=0 complete=false', 'f.settle 2']);
  });

  it('without a checkpoint path, writes and closes the sinks but never syncs or checkpoints', async () => {
    const h = new Harness('nopath', []);
    const { tee } = h.tee({ path: null, every: 1 });
    await pipeline(Readable.from([[rec(0), rec(1)], [rec(2)]]), tee);
    h.observe();
    assert.deepEqual(h.log, ['a.write 0', 'b.write 0', 'a.write 1', 'b.write 1', 'a.write 2', 'b.write 2', 'a.close 3', 'b.close 3']);
  });

  it('destroyed mid-run (while the sinks sync): the array in hand is written, no further sync or checkpoint, every sink aborted exactly once', async () => {
    const h = new Harness('destroy', []);
    const gate = deferred();
    h.sinks[0].syncGate = gate;
    const { tee, closed } = h.tee();
    const source = new Readable({ objectMode: true, read() {} });
    // Past two boundaries: the second would be synced and checkpointed but for the destroy.
    source.push([rec(0), rec(1), rec(2), rec(3), rec(6)]);
    const run = pipeline(source, tee);
    await h.sinks[0].syncEntered.promise;
    // As the pipeline does on an error elsewhere; the sync under way finishes after it.
    tee.destroy(new InputError('the input broke'));
    gate.resolve();
    await assert.rejects(run, { code: 'E_INPUT' });
    await closed;
    h.observe();
    // The array in hand still reaches the sinks; no sync or checkpoint follows the destroy.
    assert.deepEqual(h.log, ['a.write 0 1 2', 'b.write 0 1 2', 'a.sync 3', 'b.sync 3', 'a.write 3', 'b.write 3', 'a.write 6', 'b.write 6', 'a.abort', 'b.abort']);
    assert.deepEqual(
      h.sinks.map((s) => s.aborts),
      [1, 1],
    );
    assert.deepEqual(h.violations, []);
    assert.equal(h.checkpoints.length, 0);
  });

  it("a failing sink's error reaches the pipeline; every sink is aborted once and no checkpoint follows", async () => {
    const h = new Harness('failing', []);
    h.sinks[1].failWrite = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    const { tee, closed } = h.tee();
    await assert.rejects(pipeline(Readable.from([[rec(0), rec(1)], [rec(2), rec(3)]]), tee), { code: 'ENOSPC' });
    await closed;
    h.observe();
    assert.deepEqual(h.log, ['a.write 0 1', 'b.write 0 1', 'a.abort', 'b.abort']);
    assert.equal(h.checkpoints.length, 0);
    assert.deepEqual(h.reports, []);
  });

  it('a sink failing to close: the error reaches the pipeline, every sink is aborted once, no final checkpoint', async () => {
    const h = new Harness('failclose', []);
    h.sinks[0].failClose = Object.assign(new Error('I/O error'), { code: 'EIO' });
    const { tee, closed } = h.tee({ every: 100 });
    await assert.rejects(pipeline(Readable.from([[rec(0)]]), tee), { code: 'EIO' });
    await closed;
    h.observe();
    assert.deepEqual(h.log, ['a.write 0', 'b.write 0', 'a.close 1', 'b.close 1', 'a.abort', 'b.abort']);
    assert.equal(h.checkpoints.length, 0);
  });
});
