/** A run touches only what it owns: foreign files in a dataset directory are refused, never deleted; families share a directory. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, FIXTURES, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';
import { MockLlm } from '../helpers/mock-llm.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-owned-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a run touches only what it owns', () => {
  it('a dataset directory holding a foreign file: a fresh run refuses (exit 2); with --force it writes beside it; the file is untouched either way', async () => {
    const data = join(dir, 'mydata');
    await mkdir(data);
    const precious = Buffer.from('PAR1 not ours at all\n');
    await writeFile(join(data, 'x.parquet'), precious);
    const refused = await runCli(['sample', '-q', '-n', '200', '--out', data, '--format', 'parquet']);
    assert.equal(refused.code, 2);
    assert.equal(errorCode(refused.stderr), 'E_USAGE');
    assert.deepEqual(await readdir(data), ['x.parquet'], 'nothing written on refusal');
    const forced = await runCli(['sample', '-q', '-n', '200', '--out', data, '--format', 'parquet', '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.deepEqual(await readFile(join(data, 'x.parquet')), precious);
    // A rerun replaces its own parts only.
    const again = await runCli(['sample', '-q', '-n', '100', '--out', data, '--format', 'parquet', '--force']);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(await readFile(join(data, 'x.parquet')), precious);
    const [[rows]] = await query(`SELECT count(*)::INTEGER FROM read_parquet('${data}/personas-*.parquet')`);
    assert.equal(rows, 100);
  });

  it('text-to-persona then persona-to-persona into one dataset directory: both sets of rows are there, each with its sidecar', async () => {
    const mock = new MockLlm({});
    const url = await mock.listen();
    try {
      const config = join(dir, 'hub.json');
      await writeFile(config, JSON.stringify({ seed: 3, llm: { baseUrl: url, model: 'mock', concurrency: 4, retryBaseMs: 5, retryMaxMs: 50 }, hub: { perPersona: 2, depth: 1 } }));
      const hub = join(dir, 'hub.parquet');
      const t2p = await runCli(['text-to-persona', '-q', '--config', config, '--input', join(FIXTURES, 'india-corpus.jsonl'), '-o', hub, '-o', join(dir, 't2p.jsonl')]);
      assert.equal(t2p.code, 0, t2p.stderr);
      const p2p = await runCli(['persona-to-persona', '-q', '--config', config, '--input', join(dir, 't2p.jsonl'), '-o', hub, '--checkpoint', join(dir, 'p2p.checkpoint.json')]);
      assert.equal(p2p.code, 0, p2p.stderr);
      const rows = await query(`SELECT synth_method, count(*)::INTEGER FROM read_parquet('${hub}/*.parquet') GROUP BY 1 ORDER BY 1`);
      assert.deepEqual(rows, [
        ['persona_to_persona', 500],
        ['text_to_persona', 250],
      ]);
      const sidecars = (await readdir(dir)).filter((n) => n.startsWith('hub.parquet.') && n.endsWith('.meta.json')).sort();
      assert.deepEqual(sidecars, ['hub.parquet.persona-to-persona.meta.json', 'hub.parquet.text-to-persona.meta.json']);
    } finally {
      await mock.close();
    }
  });
});
