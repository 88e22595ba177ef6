/**
 * Our outputs are valid inputs (issue 13): every record-reading command reads the JSONL, CSV, Arrow and Parquet
 * the generator writes, and gets the records JSONL gives; a file that is not what its name says stops the run
 * before any output exists.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RecordBatchFileWriter, tableFromIPC } from 'apache-arrow';
import { errorCode, FIXTURES, parseLines, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';

let dir = '';
const at = (name: string) => join(dir, name);
const text = (name: string) => readFile(at(name), 'utf8');
const run = (args: string[], input?: string, cwd = dir) => runCli(args, input, {}, cwd);

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-inputs-'));
  const r = await run(['-q', '-n', '300', '-o', 'x.jsonl', '-o', 'x.csv', '-o', 'x.arrows', '-o', 'x.parquet']);
  assert.equal(r.code, 0, r.stderr);
  // The Arrow IPC file format (.arrow/.feather) from the same batches: the writer for it lands on another branch.
  await writeFile(at('x.arrow'), RecordBatchFileWriter.writeAll(tableFromIPC(await readFile(at('x.arrows')))).toUint8Array(true));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('write --input <our output> gives JSONL byte-identical to the generator\'s', () => {
  for (const format of ['jsonl', 'csv', 'arrows', 'arrow', 'parquet']) {
    it(`x.${format}`, async () => {
      const r = await run(['write', '-q', '--input', `x.${format}`, '-o', `from-${format}.jsonl`]);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(await text(`from-${format}.jsonl`), await text('x.jsonl'));
    });
  }

  it('a single Parquet part, and a directory whose name does not say Parquet', async () => {
    const part = (await readdir(at('x.parquet'))).find((n) => n.endsWith('.parquet'))!;
    const r1 = await run(['write', '-q', '--input', join('x.parquet', part), '-o', 'from-part.jsonl']);
    assert.equal(r1.code, 0, r1.stderr);
    assert.equal(await text('from-part.jsonl'), await text('x.jsonl'));
    await mkdir(at('dataset'));
    await copyFile(join(at('x.parquet'), part), join(at('dataset'), part));
    const r2 = await run(['write', '-q', '--input', 'dataset', '-o', 'from-dir.jsonl']);
    assert.equal(r2.code, 0, r2.stderr);
    assert.equal(await text('from-dir.jsonl'), await text('x.jsonl'));
  });

  it('--input-format for a name that does not say, and CSV or an Arrow stream on stdin', async () => {
    await copyFile(at('x.csv'), at('x.data'));
    const r1 = await run(['write', '-q', '--input', 'x.data', '--input-format', 'csv', '-o', 'from-data.jsonl']);
    assert.equal(r1.code, 0, r1.stderr);
    assert.equal(await text('from-data.jsonl'), await text('x.jsonl'));
    const r2 = await run(['write', '-q', '--input-format', 'csv', '-o', '-'], await text('x.csv'));
    assert.equal(r2.code, 0, r2.stderr);
    assert.equal(r2.stdout, await text('x.jsonl'));
  });
});

describe('the stream commands read columnar input as they read JSONL', () => {
  it('narrate from Parquet equals narrate from JSONL', async () => {
    const a = await run(['narrate', '-q', '--input', 'x.parquet', '-o', 'narrated-p.jsonl']);
    const b = await run(['narrate', '-q', '--input', 'x.jsonl', '-o', 'narrated-j.jsonl']);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(await text('narrated-p.jsonl'), await text('narrated-j.jsonl'));
  });

  it('a shard of narrate (every n-th input record) and a start offset of write take the same records from Arrow and CSV as from JSONL', async () => {
    for (const format of ['arrows', 'jsonl']) {
      await mkdir(at(`shard-${format}`));
      const r = await run(['narrate', '-q', '--input', join('..', `x.${format}`), '--shard', '1/3', '-o', 's.jsonl'], undefined, at(`shard-${format}`));
      assert.equal(r.code, 0, r.stderr);
    }
    const names = await readdir(at('shard-jsonl'));
    const shardFile = names.find((n) => n.endsWith('.jsonl') && !n.includes('.failed'))!;
    assert.equal(await readFile(join(at('shard-arrows'), shardFile), 'utf8'), await readFile(join(at('shard-jsonl'), shardFile), 'utf8'));
    assert.equal(parseLines(await readFile(join(at('shard-jsonl'), shardFile), 'utf8')).length, 100);
    const fromCsv = await run(['write', '-q', '--input', 'x.csv', '--start-offset', '250', '-o', '-']);
    assert.equal(fromCsv.code, 0, fromCsv.stderr);
    assert.equal(fromCsv.stdout, (await text('x.jsonl')).split('\n').slice(250).join('\n'));
  });

  it('dedup and validate read Parquet', async () => {
    const d = await run(['dedup', '-q', '--input', 'x.parquet', '--field', 'descriere_generala', '-o', 'dedup-p.jsonl']);
    const j = await run(['dedup', '-q', '--input', 'x.jsonl', '--field', 'descriere_generala', '-o', 'dedup-j.jsonl']);
    assert.equal(d.code, 0, d.stderr);
    assert.equal(j.code, 0, j.stderr);
    assert.equal(await text('dedup-p.jsonl'), await text('dedup-j.jsonl'));
    const vp = await run(['validate', 'x.parquet', '-q']);
    const vj = await run(['validate', 'x.jsonl', '-q']);
    assert.equal(vp.code, vj.code);
    assert.equal(vp.stderr, vj.stderr);
  });
});

describe('persona-to-persona --input on the dataset directory text-to-persona wrote', () => {
  it('exits 0 and every parent is a text-to-persona record, as from the JSONL of the same run', async () => {
    const mock = new MockLlm();
    const url = await mock.listen();
    try {
      await writeFile(at('hub.json'), JSON.stringify({ llm: { baseUrl: url, model: 'mock', concurrency: 8, retryBaseMs: 5, retryMaxMs: 50 } }));
      const corpus = join(FIXTURES, 'india-corpus.jsonl');
      const t2p = await run(['text-to-persona', '-q', '--config', 'hub.json', '--input', corpus, '-o', 'hub.parquet', '-o', 't2p.jsonl']);
      assert.equal(t2p.code, 0, t2p.stderr);
      const fromDir = await run(['persona-to-persona', '-q', '--config', 'hub.json', '--input', 'hub.parquet', '-o', 'p2p-dir.jsonl']);
      assert.equal(fromDir.code, 0, fromDir.stderr);
      const fromJsonl = await run(['persona-to-persona', '-q', '--config', 'hub.json', '--input', 't2p.jsonl', '-o', 'p2p-jsonl.jsonl']);
      assert.equal(fromJsonl.code, 0, fromJsonl.stderr);

      const parents = parseLines(await text('t2p.jsonl')).map((r) => r.id);
      const children = parseLines(await text('p2p-dir.jsonl'));
      assert.ok(parents.length > 0);
      assert.deepEqual(new Set(children.map((r) => r.parent_id)), new Set(parents));
      assert.equal(await text('p2p-dir.jsonl'), await text('p2p-jsonl.jsonl'));
    } finally {
      await mock.close();
    }
  });
});

describe('bad input: E_INPUT or E_USAGE (exit 2) before any output is opened', () => {
  const refused = async (args: string[], code: string, input?: string) => {
    const before = new Set(await readdir(dir));
    const r = await run([...args, '-q', '-o', 'refused.jsonl'], input);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(errorCode(r.stderr), code, r.stderr);
    assert.deepEqual((await readdir(dir)).filter((n) => !before.has(n)), [], 'nothing written');
  };

  it('a file that is not what its extension says', async () => {
    await copyFile(at('x.jsonl'), at('not.parquet'));
    await copyFile(join(at('x.parquet'), (await readdir(at('x.parquet'))).find((n) => n.endsWith('.parquet'))!), at('not.csv'));
    await copyFile(at('x.csv'), at('not.arrows'));
    await copyFile(at('not.csv'), at('not.jsonl'));
    for (const name of ['not.parquet', 'not.csv', 'not.arrows', 'not.jsonl']) await refused(['write', '--input', name], 'E_INPUT');
  });

  it('a Parquet directory without parts', async () => {
    await mkdir(at('empty.parquet'));
    await refused(['write', '--input', 'empty.parquet'], 'E_INPUT');
  });

  it('persona-to-persona on a bad part leaves no 0-byte output', async () => {
    await writeFile(at('hub-bad.json'), JSON.stringify({ llm: { baseUrl: 'http://127.0.0.1:9/v1', model: 'mock' } }));
    await refused(['persona-to-persona', '--config', 'hub-bad.json', '--input', 'not.parquet'], 'E_INPUT');
  });

  it('Parquet on stdin, and an unknown --input-format', async () => {
    await refused(['write', '--input-format', 'parquet'], 'E_USAGE', '');
    await refused(['write', '--input', 'x.jsonl', '--input-format', 'xml'], 'E_USAGE');
  });
});
