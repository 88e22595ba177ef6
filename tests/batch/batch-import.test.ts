import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BIN, errorCode, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';
import { answerBatch } from '../helpers/mock-batch.js';
import { BAD, CORPUS, exists, expectedCodes, idsByInput, online, readFailures, readJsonl, requestFiles, workspace, writeConfig } from './harness.js';

const ws = workspace();

describe('batch round trip: export → provider → import gives the online records, failures accounted for', () => {
  it('text-to-persona over the corpus fixtures, with expired, 500, missing and invalid results, into JSONL and Parquet', async () => {
    const config = { seed: 7, llm: { model: 'mock' }, batch: { maxRequests: 60 } };
    // The online reference: the good corpus plus the one with bad lines, as one input.
    const corpus = `${await readFile(CORPUS, 'utf8')}${await readFile(BAD, 'utf8')}`;
    const corpusPath = `${ws.fresh('corpus')}.jsonl`;
    await writeFile(corpusPath, corpus);
    const ref = `${ws.fresh('online')}.jsonl`;
    await online(ws, 'text-to-persona', config, ['--input', corpusPath, '--out', ref]);
    const onlineRecords = await readJsonl(ref);
    const onlineFailures = await readFailures(`${ref}.failed.jsonl`);

    const batchDir = ws.fresh('batch');
    const exp = await runCli(['batch-export', 'text-to-persona', '--config', await writeConfig(ws, config), '--input', corpusPath, '--batch', batchDir]);
    assert.equal(exp.code, 0, exp.stderr);
    // The unusable lines get no request (they fail with E_INPUT at import, checked below).
    const exported = JSON.parse(await readFile(join(batchDir, 'manifest.json'), 'utf8')) as { withoutRequest: number };
    assert.ok(onlineFailures.length > 0);
    assert.equal(exported.withoutRequest, onlineFailures.length);
    const resultsDir = ws.fresh('results');
    await mkdir(resultsDir);
    const answers = answerBatch(await requestFiles(batchDir), resultsDir, { httpError: 0.03, expired: 0.03, missing: 0.03, invalid: 0.03 }, 3);
    for (const kind of ['httpError', 'expired', 'missing', 'invalid'] as const) assert.ok(answers.fate[kind].length > 0, `some ${kind}`);

    const out = `${ws.fresh('imported')}.jsonl`;
    const pq = `${ws.fresh('imported')}.parquet`;
    // No --config: the export's own config is used.
    const imp = await runCli(['batch-import', '--batch', batchDir, '--out', out, '--out', pq, ...answers.outputs, ...answers.errors]);
    assert.equal(imp.code, 0, imp.stderr);
    const records = await readJsonl(out);
    const failures = await readFailures(`${out}.failed.jsonl`);

    // Every input exactly once, as a record or a failure, in input order.
    const byInput = await idsByInput(batchDir);
    assert.equal(byInput.size, onlineRecords.length + onlineFailures.length);
    assert.equal(records.length + failures.length, byInput.size);
    const codes = expectedCodes(answers);
    const expectFail = new Map<number, string>();
    for (const [i, ids] of byInput) {
      if (!ids.length) expectFail.set(i, 'E_INPUT');
      const code = ids.map((id) => codes.get(id)).find(Boolean);
      if (code) expectFail.set(i, code);
    }
    assert.deepEqual(
      failures.map((f) => [f.index, (f.error as { code: string }).code]),
      [...expectFail].sort((x, y) => x[0] - y[0]),
      'each failure where the provider failed it, with the right code',
    );
    // The records that came back are the online records, byte for byte, in the same order.
    const failedIds = new Set(failures.map((f) => f.index as number));
    const onlineByIndex = new Map<number, Record<string, unknown>>();
    let k = 0;
    for (const i of [...byInput.keys()].sort((x, y) => x - y)) {
      if (onlineFailures.some((f) => f.index === i)) continue;
      onlineByIndex.set(i, onlineRecords[k++]);
    }
    const expected = [...onlineByIndex].filter(([i]) => !failedIds.has(i)).map(([, r]) => r);
    assert.deepEqual(records, expected);
    // E_INPUT failures are the online ones, entry for entry.
    assert.deepEqual(
      failures.filter((f) => (f.error as { code: string }).code === 'E_INPUT'),
      onlineFailures,
    );
    // An independent reader sees the same rows with the compact schema.
    const rows = await query(`SELECT count(*)::INTEGER, count(DISTINCT id)::INTEGER, any_value(typeof(confidence_score)) FROM '${pq}/*.parquet'`);
    assert.deepEqual(rows, [[records.length, records.length, 'DOUBLE']]);
    const table = JSON.parse(await readFile(`${out}.domains.json`, 'utf8')) as { records: number };
    assert.equal(table.records, records.length);
    assert.match(imp.stderr, new RegExp(`results for ${answers.requests - answers.fate.missing.length} of ${answers.requests} requests`));

    // The failed texts go out again (keeping their place in the corpus) and come back: with the first import,
    // exactly the online records; the unusable lines fail again, as they must.
    const retryDir = ws.fresh('batch');
    const again = await runCli(['batch-export', 'text-to-persona', '--retry-failed', `${out}.failed.jsonl`, '--batch', retryDir, '-q', '--config', await writeConfig(ws, config)]);
    assert.equal(again.code, 0, again.stderr);
    const retryResults = ws.fresh('results');
    await mkdir(retryResults);
    const second = answerBatch(await requestFiles(retryDir), retryResults);
    const out2 = `${ws.fresh('imported')}.jsonl`;
    const imp2 = await runCli(['batch-import', '--batch', retryDir, '--out', out2, '-q', ...second.outputs]);
    assert.equal(imp2.code, 0, imp2.stderr);
    const byId = (rs: Record<string, unknown>[]) => [...rs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    assert.deepEqual(byId([...records, ...(await readJsonl(out2))]), byId(onlineRecords));
    const stillFailed = await readFailures(`${out2}.failed.jsonl`);
    assert.deepEqual(stillFailed.map((f) => [f.position, (f.error as { code: string }).code]), onlineFailures.map((f) => [f.index, 'E_INPUT']));
  });

  it('narrate: census personas in, the online narratives out; failures re-exported with --retry-failed complete the set', async () => {
    const config = { seed: 11, narrative: { language: 'en' }, llm: { model: 'mock', prices: { mock: { input: 1, output: 2 } } }, batch: { maxRequests: 50 } };
    const sample = await runCli(['sample', '-n', '60', '--seed', '11', '-q']);
    assert.equal(sample.code, 0, sample.stderr);
    const ref = `${ws.fresh('online')}.jsonl`;
    await online(ws, 'narrate', config, ['--out', ref], sample.stdout);
    const onlineRecords = await readJsonl(ref);
    assert.equal(onlineRecords.length, 60);

    const configPath = await writeConfig(ws, config);
    const batchDir = ws.fresh('batch');
    const exp = await runCli(['batch-export', 'narrate', '--config', configPath, '--batch', batchDir, '-q'], sample.stdout);
    assert.equal(exp.code, 0, exp.stderr);
    const manifest = JSON.parse(await readFile(join(batchDir, 'manifest.json'), 'utf8')) as { requests: number; parts: unknown[] };
    assert.equal(manifest.requests, 180, 'three request groups per persona');
    assert.equal(manifest.parts.length, 4, '48 requests (16 personas) per file at most 50');
    const resultsDir = ws.fresh('results');
    await mkdir(resultsDir);
    const answers = answerBatch(await requestFiles(batchDir), resultsDir, { expired: 0.04, invalid: 0.04, missing: 0.02 });
    const out = `${ws.fresh('imported')}.jsonl`;
    const imp = await runCli(['batch-import', '--config', configPath, '--batch', batchDir, '--out', out, '-q', ...answers.outputs, ...answers.errors]);
    assert.equal(imp.code, 0, imp.stderr);
    const records = await readJsonl(out);
    const failures = await readFailures(`${out}.failed.jsonl`);
    assert.ok(failures.length > 0, 'some personas failed');
    assert.equal(records.length + failures.length, 60);
    const failedIds = new Set(failures.map((f) => (f.record as { id: string }).id));
    assert.deepEqual(records, onlineRecords.filter((r) => !failedIds.has(r.id as string)));

    // The failures' personas go out again and come back: together, exactly the online set.
    const retryDir = ws.fresh('batch');
    const again = await runCli(['batch-export', 'narrate', '--config', configPath, '--retry-failed', `${out}.failed.jsonl`, '--batch', retryDir, '-q']);
    assert.equal(again.code, 0, again.stderr);
    const retryResults = ws.fresh('results');
    await mkdir(retryResults);
    const second = answerBatch(await requestFiles(retryDir), retryResults);
    const out2 = `${ws.fresh('imported')}.jsonl`;
    const imp2 = await runCli(['batch-import', '--batch', retryDir, '--out', out2, ...second.outputs]);
    assert.equal(imp2.code, 0, imp2.stderr);
    // Batch prices: half of llm.prices (1 and 2 per 1M tokens; 600 + 900 tokens per request).
    const cost = (second.fate.answered.length * (600 * 1 + 900 * 2) * 0.5) / 1e6;
    const final = JSON.parse(await readFile(`${out2}.checkpoint.json`, 'utf8')) as { complete: boolean; totals: { cost: number } };
    assert.equal(final.complete, true);
    assert.ok(Math.abs(final.totals.cost - cost) < 1e-9, `checkpoint cost ${final.totals.cost}, expected ${cost}`);
    const union = [...records, ...(await readJsonl(out2))].sort((x, y) => String(x.id).localeCompare(String(y.id)));
    assert.deepEqual(union, [...onlineRecords].sort((x, y) => String(x.id).localeCompare(String(y.id))));
  });
});

describe('batch-import merges resubmissions', () => {
  it('an answer from a later batch beats the first batch\'s error; a result file given twice counts duplicates, changes nothing', async () => {
    const config = { seed: 3, llm: { model: 'mock' } };
    const ref = `${ws.fresh('online')}.jsonl`;
    await online(ws, 'text-to-persona', config, ['--input', CORPUS, '--out', ref]);
    const batchDir = ws.fresh('batch');
    const exp = await runCli(['batch-export', 'text-to-persona', '--config', await writeConfig(ws, config), '--input', CORPUS, '--batch', batchDir, '-q']);
    assert.equal(exp.code, 0, exp.stderr);
    const first = ws.fresh('results');
    await mkdir(first);
    const round1 = answerBatch(await requestFiles(batchDir), first, { expired: 0.2 }, 1);
    assert.ok(round1.fate.expired.length > 10);
    // The user resubmits the expired requests; the new batch answers them all.
    const second = ws.fresh('results');
    await mkdir(second);
    const all = answerBatch(await requestFiles(batchDir), second, {}, 1);
    const expired = new Set(round1.fate.expired);
    const resubmitted = join(second, 'resubmitted.jsonl');
    const lines = (await readFile(all.outputs[0], 'utf8')).split('\n').filter((l) => l && expired.has((JSON.parse(l) as { custom_id: string }).custom_id));
    await writeFile(resubmitted, `${lines.join('\n')}\n`);
    const out = `${ws.fresh('imported')}.jsonl`;
    const imp = await runCli(['batch-import', '--batch', batchDir, '--out', out, ...round1.errors, ...round1.outputs, resubmitted, round1.outputs[0]]);
    assert.equal(imp.code, 0, imp.stderr);
    assert.match(imp.stderr, new RegExp(`results for 250 of 250 requests: 250 answered, 0 failed at the provider, 0 missing, ${250 - expired.size} duplicate results ignored`));
    assert.deepEqual(await readFailures(`${out}.failed.jsonl`), []);
    assert.deepEqual(await readJsonl(out), await readJsonl(ref));
  });
});

describe('batch-import resumes', () => {
  it('killed (SIGKILL) after its first checkpoint, --resume gives byte-identical outputs and failures, and the true failure count', async () => {
    const config = { seed: 5, narrative: { language: 'en' }, llm: { model: 'mock' }, checkpoint: { every: 100 } };
    const sample = await runCli(['sample', '-n', '3000', '--seed', '5', '-q']);
    const configPath = await writeConfig(ws, config);
    const batchDir = ws.fresh('batch');
    const exp = await runCli(['batch-export', 'narrate', '--config', configPath, '--batch', batchDir, '-q'], sample.stdout);
    assert.equal(exp.code, 0, exp.stderr);
    const resultsDir = ws.fresh('results');
    await mkdir(resultsDir);
    const answers = answerBatch(await requestFiles(batchDir), resultsDir, { expired: 0.02 });
    const files = [...answers.outputs, ...answers.errors];
    const whole = `${ws.fresh('whole')}.jsonl`;
    const full = await runCli(['batch-import', '--batch', batchDir, '--out', whole, '-q', ...files]);
    assert.equal(full.code, 0, full.stderr);

    const out = `${ws.fresh('killed')}.jsonl`;
    const child = spawn(process.execPath, [BIN, 'batch-import', '--batch', batchDir, '--out', out, '-q', ...files], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (let i = 0; i < 2000 && !(await exists(`${out}.checkpoint.json`)); i++) await new Promise((r) => setTimeout(r, 5));
    child.kill('SIGKILL');
    await exited;
    const checkpoint = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { offset: number; written: number; complete: boolean };
    assert.ok(checkpoint.offset < 3000 && !checkpoint.complete, `killed mid-way (checkpoint at ${checkpoint.offset})`);
    const resumed = await runCli(['batch-import', '--batch', batchDir, '--out', out, '--resume', ...files]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(await readFile(out), await readFile(whole));
    const failures = await readFile(`${out}.failed.jsonl`, 'utf8');
    assert.equal(failures, await readFile(`${whole}.failed.jsonl`, 'utf8'));
    const count = failures.split('\n').filter(Boolean).length;
    assert.ok(count > 0);
    // The summary counts this run's records and the outputs' in all: this run's plus the checkpoint's.
    const summary = new RegExp(`(\\d+) records written this run \\((${3000 - count}) in all\\) in [\\d.]+ s, ${count} failed`).exec(resumed.stderr);
    assert.ok(summary, resumed.stderr);
    assert.equal(Number(summary[1]) + checkpoint.written, 3000 - count);
    assert.deepEqual((await readdir(batchDir)).filter((f) => f.startsWith('.import-')), [], 'the killed run\'s spool is cleared by the next');
  });
});

describe('batch-import refuses what is not its own, before writing anything (exit 2)', () => {
  it('results of another export, malformed result lines, a config that asks other requests, no matching results', async () => {
    const config = { seed: 7, llm: { model: 'mock' } };
    const configPath = await writeConfig(ws, config);
    const mine = ws.fresh('batch');
    const other = ws.fresh('batch');
    const res1 = await runCli(['batch-export', 'text-to-persona', '--config', configPath, '--input', CORPUS, '--batch', mine, '-q']);
    assert.equal(res1.code, 0, res1.stderr);
    // Another export: a different corpus, so the same positions ask other questions.
    const res2 = await runCli(['batch-export', 'text-to-persona', '--config', configPath, '--input', BAD, '--batch', other, '-q']);
    assert.equal(res2.code, 0, res2.stderr);
    const resultsDir = ws.fresh('results');
    await mkdir(resultsDir);
    const foreign = answerBatch(await requestFiles(other), resultsDir, {}, 1);
    const out = `${ws.fresh('imported')}.jsonl`;
    const wrong = await runCli(['batch-import', '--batch', mine, '--out', out, ...foreign.outputs]);
    assert.equal(wrong.code, 2);
    assert.equal(errorCode(wrong.stderr), 'E_INPUT');
    assert.equal(await exists(out), false, 'nothing written');

    const mineDir = ws.fresh('results');
    await mkdir(mineDir);
    const good = answerBatch(await requestFiles(mine), mineDir, {}, 1);
    const broken = join(mineDir, 'broken.jsonl');
    await writeFile(broken, `${(await readFile(good.outputs[0], 'utf8')).split('\n')[0]}\n{"custom_id": 5}\n`);
    const malformed = await runCli(['batch-import', '--batch', mine, '--out', out, broken]);
    assert.equal(malformed.code, 2);
    assert.equal(errorCode(malformed.stderr), 'E_INPUT');
    assert.equal(await exists(out), false);

    const otherModel = await writeConfig(ws, { ...config, llm: { model: 'another-model' } });
    const mismatch = await runCli(['batch-import', '--config', otherModel, '--batch', mine, '--out', out, ...good.outputs]);
    assert.equal(mismatch.code, 2);
    assert.equal(errorCode(mismatch.stderr), 'E_USAGE');

    const empty = join(mineDir, 'empty.jsonl');
    await writeFile(empty, '');
    const none = await runCli(['batch-import', '--batch', mine, '--out', out, empty]);
    assert.equal(none.code, 2);
    assert.equal(errorCode(none.stderr), 'E_USAGE');
    assert.equal(await exists(out), false);
    assert.deepEqual((await readdir(mine)).filter((f) => f.startsWith('.import-')), [], 'spool removed');
  });
});
