import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { CORPUS, exists, requestFiles, workspace, writeConfig } from './harness.js';

const ws = workspace();

describe('batch-export', () => {
  const config = { seed: 7, llm: { model: 'mock' }, batch: { maxRequests: 40, maxBytes: 60_000 } };

  it('splits at the request and byte limits, never splitting an input; custom_ids unique; byte-identical on a rerun', async () => {
    const path = await writeConfig(ws, config);
    const a = ws.fresh('batch');
    const b = ws.fresh('batch');
    for (const target of [a, b]) {
      const res = await runCli(['batch-export', 'text-to-persona', '--config', path, '--input', CORPUS, '--batch', target, '-q']);
      assert.equal(res.code, 0, res.stderr);
    }
    const manifest = JSON.parse(await readFile(join(a, 'manifest.json'), 'utf8')) as { requests: number; inputs: number; parts: Array<{ count: number; bytes: number; first: number; end: number }> };
    assert.equal(manifest.inputs, 250);
    assert.equal(manifest.requests, 250);
    assert.ok(manifest.parts.length >= 7, `${manifest.parts.length} parts`);
    const ids = new Set<string>();
    let next = 0;
    for (const [k, file] of (await requestFiles(a)).entries()) {
      const text = await readFile(file, 'utf8');
      const lines = parseLines(text);
      assert.ok(lines.length <= 40 && Buffer.byteLength(text) <= 60_000, `${file}: ${lines.length} lines, ${Buffer.byteLength(text)} bytes`);
      assert.equal(lines.length, manifest.parts[k].count);
      assert.equal(Buffer.byteLength(text), manifest.parts[k].bytes);
      assert.equal(manifest.parts[k].first, next, 'parts cover the inputs in order, without gaps');
      next = manifest.parts[k].end;
      for (const l of lines) {
        assert.deepEqual(Object.keys(l), ['custom_id', 'method', 'url', 'body']);
        assert.equal(l.method, 'POST');
        assert.equal(l.url, '/v1/chat/completions');
        assert.equal((l.body as { model: string }).model, 'mock');
        assert.ok(!ids.has(l.custom_id as string), 'custom_id unique');
        ids.add(l.custom_id as string);
      }
    }
    assert.equal(next, 250);
    for (const f of await readdir(a)) assert.deepEqual(await readFile(join(a, f)), await readFile(join(b, f)), `${f} byte-identical`);
  });

  it('refuses an existing directory (unless --force), a config without llm, and leaves nothing behind on bad input', async () => {
    const path = await writeConfig(ws, config);
    const target = ws.fresh('batch');
    await mkdir(target);
    const res = await runCli(['batch-export', 'text-to-persona', '--config', path, '--input', CORPUS, '--batch', target]);
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
    const forced = await runCli(['batch-export', 'text-to-persona', '--config', path, '--input', CORPUS, '--batch', target, '--force', '-q']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(await exists(join(target, 'manifest.json')));

    const noLlm = await runCli(['batch-export', 'narrate', '--config', await writeConfig(ws, {}), '--batch', ws.fresh('batch')], '{"id":"x"}\n');
    assert.equal(noLlm.code, 2);
    assert.equal(errorCode(noLlm.stderr), 'E_USAGE');

    // Online commands do need an endpoint: said plainly, exit 2, before any output.
    const onlineOut = `${ws.fresh('online')}.jsonl`;
    const onlineRun = await runCli(['narrate', '--config', path, '--out', onlineOut], '{"first_name":"Ana"}\n');
    assert.equal(onlineRun.code, 2);
    assert.equal(errorCode(onlineRun.stderr), 'E_USAGE');
    assert.equal(await exists(onlineOut), false);

    // A missing input file is refused before anything runs (exit 2), for the export and the online commands
    // alike. The online commands get an endpoint (where nothing listens), so that E_USAGE can only be the missing
    // file: had they started, they would have failed on the endpoint (E_LLM_UNREACHABLE, exit 1) instead.
    const withEndpoint = await writeConfig(ws, { ...config, llm: { ...config.llm, baseUrl: 'http://127.0.0.1:9/v1' } });
    for (const args of [
      ['batch-export', 'text-to-persona', '--config', path, '--batch', ws.fresh('batch'), '--input', 'no-such-corpus.jsonl'],
      ['text-to-persona', '--config', withEndpoint, '--input', 'no-such-corpus.jsonl'],
      ['narrate', '--config', withEndpoint, '--retry-failed', 'no-such-failures.jsonl'],
    ]) {
      const missing = await runCli(args);
      assert.equal(missing.code, 2, `${args[0]}: ${missing.stderr}`);
      assert.equal(errorCode(missing.stderr), 'E_USAGE');
      // The message names the place (the file as given), whatever its wording.
      assert.ok(missing.stderr.includes(args.at(-1)!), missing.stderr);
    }

    const badTarget = ws.fresh('batch');
    const bad = await runCli(['batch-export', 'narrate', '--config', path, '--batch', badTarget], '{"first_name":"Ana"}\nnot json\n');
    assert.equal(bad.code, 2);
    assert.equal(errorCode(bad.stderr), 'E_INPUT');
    const left = (await readdir(ws.dir)).filter((f) => f.startsWith(badTarget.split('/').pop()!));
    assert.deepEqual(left, [], 'no batch directory and no partial directory');
  });
});
