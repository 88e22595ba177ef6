import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { tableFromIPC } from 'apache-arrow';
import { INDEX, type Indexed } from '../../src/run-state/record-index.js';
import { openArrowSink } from '../../src/writers/arrow-sink.js';
import { openCsvSink } from '../../src/writers/csv-sink.js';
import { FileAppender } from '../../src/writers/file-appender.js';
import { openJsonlSink } from '../../src/writers/jsonl-sink.js';
import { openParquetSink } from '../../src/writers/parquet-sink.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-abort-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rec = (i: number): Indexed => ({ id: `p${i}`, age: 20 + i, [INDEX]: i });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => rec(from + k));
const jsonl = (records: readonly Indexed[]) => records.map((r) => `${JSON.stringify(r)}\n`).join('');

/** Files at or under `path` this process holds open (Linux: /proc/self/fd). */
async function openAt(path: string): Promise<string[]> {
  const open: string[] = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === path || target.startsWith(`${path}/`)) open.push(target);
  }
  return open;
}

describe('abort of every sink', () => {
  it('JSONL: the file is left at its synced length, its handle closed', async () => {
    const path = join(dir, 'a.jsonl');
    const sink = await openJsonlSink(path, null);
    await sink.write(range(0, 3));
    const synced = await sink.sync();
    await sink.abort();
    assert.deepEqual(await openAt(path), []);
    assert.equal(await readFile(path, 'utf8'), jsonl(range(0, 3)));
    assert.equal(synced.bytes, Buffer.byteLength(jsonl(range(0, 3))));
  });

  it('JSONL: bytes past the last sync are neither synced nor cut back (a resume cuts them); the synced part is untouched', async () => {
    const path = join(dir, 'b.jsonl');
    const sink = await openJsonlSink(path, null);
    await sink.write(range(0, 2));
    const synced = await sink.sync();
    await sink.write(range(2, 4));
    await sink.abort();
    const text = await readFile(path, 'utf8');
    assert.equal(text, jsonl(range(0, 4)));
    assert.equal(synced.bytes, Buffer.byteLength(jsonl(range(0, 2))));
  });

  it('JSONL: abort after close changes nothing', async () => {
    const path = join(dir, 'c.jsonl');
    const sink = await openJsonlSink(path, null);
    await sink.write(range(0, 2));
    await sink.close();
    await sink.abort();
    assert.equal(await readFile(path, 'utf8'), jsonl(range(0, 2)));
  });

  it('CSV: the file is left at its synced length (header and rows), its handle closed', async () => {
    const path = join(dir, 'a.csv');
    const sink = await openCsvSink(path, null);
    await sink.write(range(0, 2));
    const synced = await sink.sync();
    await sink.abort();
    assert.deepEqual(await openAt(path), []);
    const text = await readFile(path, 'utf8');
    assert.equal(text, 'id,age\r\np0,20\r\np1,21\r\n');
    assert.equal(Buffer.byteLength(text), synced.bytes);
  });

  it('Arrow: no end-of-stream marker is added, the file stays at its synced length and reads back', async () => {
    const path = join(dir, 'a.arrows');
    const sink = await openArrowSink(path, null, { variant: 'stream', batchSize: 2, metadata: new Map() });
    await sink.write(range(0, 3));
    const synced = await sink.sync();
    // Buffered rows (below the batch size) are dropped, not flushed.
    await sink.write(range(3, 4));
    await sink.abort();
    assert.deepEqual(await openAt(path), []);
    const bytes = await readFile(path);
    assert.equal(bytes.length, synced.bytes);
    assert.deepEqual(
      tableFromIPC(bytes)
        .toArray()
        .map((r) => r.id),
      ['p0', 'p1', 'p2'],
    );
  });

  it('Parquet: abort removes the unfinished .tmp part; the spool of synced rows stays, so a resume replays them', async () => {
    const out = join(dir, 'a.parquet');
    const options = { compression: 'NONE' as const, rowGroupRows: 100, rowGroupBytes: 1 << 26, partRows: 100, partBytes: 1 << 27, batchRows: 100, createdBy: 'test', metadata: new Map<string, string>(), prefix: 'personas-' };
    const sink = await openParquetSink(out, null, 0, options);
    await sink.write(range(0, 3));
    const synced = await sink.sync();
    assert.deepEqual(synced.parts, [], 'the part is still open: its rows are durable in the spool');
    assert.deepEqual((await readdir(out)).sort(), ['personas-part-00000.parquet.spool', 'personas-part-00000.parquet.tmp']);
    await sink.write(range(3, 5));
    await sink.abort();
    assert.deepEqual(await readdir(out), ['personas-part-00000.parquet.spool']);
    assert.deepEqual(await openAt(out), []);
  });

  it('FileAppender: abort closes the handle, and a later write is refused (it never falls through to stdout)', async () => {
    const path = join(dir, 'appender.txt');
    const file = await FileAppender.open(path, null);
    await file.write(Buffer.from('kept\n'));
    await file.abort();
    assert.deepEqual(await openAt(path), []);
    await assert.rejects(file.write(Buffer.from('late\n')), { code: 'E_INTERNAL' });
    assert.equal(await readFile(path, 'utf8'), 'kept\n');
  });
});
