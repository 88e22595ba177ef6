/**
 * The judge through the Batch API path: export, a stand-in provider answering as the mock does online, import —
 * the same rows as the online judge, byte for byte; records it cannot score fail at import with E_INPUT.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseLines, runCli } from '../helpers/cli.js';
import { answerBatch } from '../helpers/mock-batch.js';
import { online, readFailures, requestFiles, workspace, writeConfig } from './harness.js';

const ws = workspace();

describe('batch-export judge / batch-import', () => {
  it('gives the online judge\'s rows byte for byte; a record without narratives fails with E_INPUT at import', async () => {
    const narrated = parseLines((await runCli(['-q', '-n', '12'])).stdout);
    const bare = parseLines((await runCli(['sample', '-q', '-n', '1', '--seed', '3'])).stdout);
    const records = [...narrated.slice(0, 6), bare[0], ...narrated.slice(6)];
    const input = `${ws.fresh('records')}.jsonl`;
    await writeFile(input, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const config = { llm: { model: 'mock-judge' } };

    const onlineOut = `${ws.fresh('online')}.jsonl`;
    await online(ws, 'judge', config, ['--input', input, '--out', onlineOut]);

    const batchDir = ws.fresh('batch');
    const configPath = await writeConfig(ws, config);
    const exported = await runCli(['batch-export', 'judge', '--config', configPath, '--input', input, '--batch', batchDir, '-q']);
    assert.equal(exported.code, 0, exported.stderr);
    const results = ws.fresh('results');
    await mkdir(results);
    const answers = answerBatch(await requestFiles(batchDir), results);
    assert.equal(answers.requests, records.length - 1, 'no request for the record without narratives');
    const batchOut = `${ws.fresh('imported')}.jsonl`;
    const imported = await runCli(['batch-import', '--batch', batchDir, '--out', batchOut, '-q', ...answers.outputs, ...answers.errors]);
    assert.equal(imported.code, 0, imported.stderr);

    assert.equal(await readFile(batchOut, 'utf8'), await readFile(onlineOut, 'utf8'));
    const failed = await readFailures(`${batchOut}.failed.jsonl`);
    assert.deepEqual(failed.map((f) => [(f.error as { code: string }).code, (f.record as { id: string }).id]), [['E_INPUT', bare[0].id]]);
    assert.equal(parseLines(await readFile(batchOut, 'utf8')).length + failed.length, records.length);
  });
});
