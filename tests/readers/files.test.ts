import assert from 'node:assert/strict';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RecordBatchFileWriter, tableFromIPC } from 'apache-arrow';
import { checkRecordFile, inputFormatOf, readRecords, recordBatches } from '../../src/readers/read-records.js';
import { recordInput } from '../../src/readers/record-input.js';
import { INDEX, POSITION } from '../../src/run-state/record-index.js';
import { createInputSource } from '../../src/streams/input-source.js';
import { parseLines, runCli } from '../helpers/cli.js';

let dir = '';
const at = (name: string) => join(dir, name);
let expected: Record<string, unknown>[] = [];
let other: Record<string, unknown>[] = [];

async function all(batches: AsyncIterable<Record<string, unknown>[]>): Promise<Record<string, unknown>[]> {
  const out: Record<string, unknown>[] = [];
  for await (const b of batches) out.push(...b);
  return out;
}
const json = (records: readonly unknown[]) => records.map((r) => JSON.stringify(r));
const partOf = async (d: string) => join(d, (await readdir(d)).find((n) => n.endsWith('.parquet'))!);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-readers-'));
  for (const [seed, name] of [['1', 'x'], ['2', 'y']]) {
    const r = await runCli(['-q', '-n', '40', '--seed', seed, '-o', `${name}.jsonl`, '-o', `${name}.csv`, '-o', `${name}.arrows`, '-o', `${name}.parquet`], undefined, {}, dir);
    assert.equal(r.code, 0, r.stderr);
  }
  expected = parseLines(await readFile(at('x.jsonl'), 'utf8'));
  other = parseLines(await readFile(at('y.jsonl'), 'utf8'));
  // The Arrow IPC file format (footer, ARROW1 magic), from the same batches.
  await writeFile(at('x.arrow'), RecordBatchFileWriter.writeAll(tableFromIPC(await readFile(at('x.arrows')))).toUint8Array(true));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('readers: every format gives the records JSONL has', () => {
  for (const name of ['x.jsonl', 'x.csv', 'x.arrows', 'x.arrow', 'x.parquet']) {
    it(name, async () => {
      assert.deepEqual(json(await all(readRecords(at(name)))), json(expected));
    });
  }

  it('a single Parquet part file, as well as its directory', async () => {
    assert.deepEqual(json(await all(recordBatches(await partOf(at('x.parquet')), 'parquet'))), json(expected));
  });

  it('a dataset directory is read in part-name order', async () => {
    const ds = at('two.parquet');
    await mkdir(ds);
    await copyFile(await partOf(at('y.parquet')), join(ds, 'part-00001.parquet'));
    await copyFile(await partOf(at('x.parquet')), join(ds, 'part-00000.parquet'));
    await writeFile(join(ds, '_SUCCESS'), '');
    assert.deepEqual(json(await all(readRecords(ds))), json([...expected, ...other]));
  });

  it('arrays of at most groupSize records', async () => {
    for (const f of ['x.csv', 'x.arrows', 'x.parquet'] as const) {
      const sizes: number[] = [];
      for await (const b of recordBatches(at(f), inputFormatOf(f, undefined, null), 16)) sizes.push(b.length);
      assert.deepEqual(sizes, [16, 16, 8], f);
    }
  });
});

describe('readers: the format of an input', () => {
  it('by --input-format, else the extension, else a directory is Parquet, else the fallback', () => {
    assert.equal(inputFormatOf('a.jsonl', 'csv', 'jsonl'), 'csv');
    assert.equal(inputFormatOf('a.feather', undefined, 'jsonl'), 'arrow');
    assert.equal(inputFormatOf('a.arrows', undefined, 'jsonl'), 'arrow');
    assert.equal(inputFormatOf('ds.parquet/', undefined, 'jsonl'), 'parquet');
    assert.equal(inputFormatOf(dir, undefined, 'jsonl'), 'parquet');
    assert.equal(inputFormatOf('corpus.txt', undefined, 'jsonl'), 'jsonl');
    assert.throws(() => inputFormatOf('corpus.txt', undefined, null), { code: 'E_USAGE' });
  });
});

describe('readers: a file that is not what its format says is E_INPUT, found up front', () => {
  it('JSONL named .parquet, Parquet named .csv, .jsonl or .arrows, CSV named .arrow', async () => {
    const part = await partOf(at('x.parquet'));
    await copyFile(at('x.jsonl'), at('bad.parquet'));
    for (const [path, format] of [
      [at('bad.parquet'), 'parquet'],
      [part, 'csv'],
      [part, 'jsonl'],
      [part, 'arrow'],
      [at('x.csv'), 'arrow'],
    ] as const) {
      assert.throws(() => checkRecordFile(path, format), { code: 'E_INPUT' }, `${path} as ${format}`);
      // The readers check when they are made, not when first pulled.
      assert.throws(() => recordBatches(path, format), { code: 'E_INPUT' }, `${path} as ${format}`);
    }
  });

  it('a Parquet directory without parts, and a part cut short (no footer)', async () => {
    await mkdir(at('empty.parquet'));
    assert.throws(() => checkRecordFile(at('empty.parquet'), 'parquet'), { code: 'E_INPUT' });
    const cut = at('cut.parquet');
    await mkdir(cut);
    await copyFile(await partOf(at('x.parquet')), join(cut, 'part-00000.parquet'));
    await truncate(join(cut, 'part-00000.parquet'), 1000);
    assert.throws(() => checkRecordFile(cut, 'parquet'), { code: 'E_INPUT' });
  });

  it('an Arrow stream cut mid-batch is E_INPUT when the reader gets there', async () => {
    const bytes = await readFile(at('x.arrows'));
    await writeFile(at('cut.arrows'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    await assert.rejects(all(recordBatches(at('cut.arrows'), 'arrow')), { code: 'E_INPUT' });
  });
});

describe('input-source over a reader', () => {
  const indexed = async (source: AsyncIterable<Record<string, unknown>[]>) =>
    (await all(source)).map((r) => [(r as Record<symbol, number>)[INDEX], (r as Record<symbol, number>)[POSITION], r.id]);

  it('stamps positions, skips, takes a stripe and reports the count as the JSONL source does', async () => {
    for (const options of [{ skip: 0 }, { skip: 7 }, { skip: 3, stripe: { index: 1, count: 3 } }]) {
      let fromJsonl = -1;
      let fromParquet = -1;
      const jsonl = createInputSource(createReadStream(at('x.jsonl')), { name: 'x.jsonl', ...options, onEnd: (n) => (fromJsonl = n) });
      const parquet = createInputSource(
        recordInput((g) => recordBatches(at('x.parquet'), 'parquet', g)),
        { name: 'x.parquet', ...options, onEnd: (n) => (fromParquet = n) },
      );
      assert.deepEqual(await indexed(parquet), await indexed(jsonl), JSON.stringify(options));
      assert.equal(fromParquet, fromJsonl);
    }
  });

  it('stops at the signal before its next batch', async () => {
    const stop = new AbortController();
    stop.abort('test');
    let ended = -1;
    const source = createInputSource(recordInput((g) => recordBatches(at('x.csv'), 'csv', g)), { name: 'x.csv', batchSize: 8, signal: stop.signal, onEnd: (n) => (ended = n) });
    assert.deepEqual(await all(source), []);
    assert.equal(ended, 0);
  });

  it('a record input read as bytes is the JSONL of its records (what a byte consumer such as dedup gets)', async () => {
    let text = '';
    for await (const chunk of recordInput((g) => recordBatches(at('x.arrows'), 'arrow', g))) text += String(chunk);
    assert.equal(text, await readFile(at('x.jsonl'), 'utf8'));
  });
});
