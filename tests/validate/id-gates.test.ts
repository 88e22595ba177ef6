import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../helpers/cli.js';

let dir: string;
let records: string[];
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-id-gates-'));
  records = (await runCli(['-q', '-n', '5000'])).stdout.split('\n').filter(Boolean);
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The gate lines of validate's stdout: name → passed. */
const gatesOf = (stdout: string) => new Map(stdout.split('\n').filter(Boolean).map((l) => [l.replace(/^(pass|FAIL) +/, '').split(':')[0], l.startsWith('pass')] as const));

describe('validate: ids unique, no record repeated', () => {
  it('5,000 records of one run pass both gates', async () => {
    const file = join(dir, 'clean.jsonl');
    await writeFile(file, `${records.join('\n')}\n`);
    const res = await runCli(['validate', file]);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    const gates = gatesOf(res.stdout);
    assert.equal(gates.get('unique ids'), true);
    assert.equal(gates.get('no repeated records'), true);
  });

  it('7,500 records of which 2,500 are exact repeats fail both (exit 1)', async () => {
    const file = join(dir, 'repeated.jsonl');
    await writeFile(file, `${[...records, ...records.slice(0, 2500)].join('\n')}\n`);
    const res = await runCli(['validate', file]);
    assert.equal(res.code, 1, res.stdout + res.stderr);
    const gates = gatesOf(res.stdout);
    assert.equal(gates.get('unique ids'), false);
    assert.equal(gates.get('no repeated records'), false);
  });

  it('a repeated id on different records fails the id gate only; a record without id fails it too', async () => {
    const other = JSON.parse(records[1]) as Record<string, unknown>;
    other.id = JSON.parse(records[0]).id;
    const noId = JSON.parse(records[2]) as Record<string, unknown>;
    delete noId.id;
    const file = join(dir, 'ids.jsonl');
    await writeFile(file, `${[records[0], JSON.stringify(other), JSON.stringify(noId), ...records.slice(3)].join('\n')}\n`);
    const res = await runCli(['validate', file]);
    assert.equal(res.code, 1, res.stdout + res.stderr);
    const gates = gatesOf(res.stdout);
    assert.equal(gates.get('unique ids'), false);
    assert.equal(gates.get('no repeated records'), true);
  });
});
