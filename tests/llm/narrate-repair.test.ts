/**
 * narrative.repair against the loopback mock: a record whose LLM narratives contradict it (the mock states an age
 * 30 years off) is asked again, told what it contradicted; still contradicting after the rounds, it fails with
 * E_INCOHERENT. Records out + failures = records in, always.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { auditRecord } from '../../src/coherence/audit.js';
import { parseLines, runCli } from '../helpers/cli.js';
import { type MockOptions, MockLlm } from '../helpers/mock-llm.js';

let dir = '';
let personas = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-repair-'));
  personas = (await runCli(['sample', '-q', '-n', '20', '--seed', '11'])).stdout;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function narrate(name: string, repair: number | undefined, mockOptions: Partial<MockOptions>) {
  const mock = new MockLlm(mockOptions);
  const url = await mock.listen();
  try {
    const config = join(dir, `${name}.json`);
    await writeFile(config, JSON.stringify({ narrative: { language: 'ro', ...(repair === undefined ? {} : { repair }) }, llm: { baseUrl: url, model: 'mock', concurrency: 8, retryBaseMs: 5, retryMaxMs: 50 } }));
    const out = join(dir, `${name}.jsonl`);
    const res = await runCli(['narrate', '--config', config, '-q', '-o', out], personas);
    const written = parseLines(await readFile(out, 'utf8'));
    const failed = await readFile(`${out}.failed.jsonl`, 'utf8').then(parseLines, () => []);
    return { res, written, failed, requests: mock.stats.requests };
  } finally {
    await mock.close();
  }
}

describe('narrative.repair', () => {
  it('re-asks the group whose text contradicts the record, naming it: every record written, none contradicting', async () => {
    const { res, written, failed, requests } = await narrate('fixed', 2, { contradict: 'until-repair' });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(written.length, 20);
    assert.equal(failed.length, 0);
    for (const r of written) assert.deepEqual(auditRecord(r, 'detect'), []);
    // Three groups a record, and one more request for the group holding descriere_generala.
    assert.equal(requests, 20 * 4);
  });

  it('still contradicting after the rounds: the record fails with E_INCOHERENT; out + failures = in', async () => {
    const { res, written, failed } = await narrate('stuck', 1, { contradict: 'always' });
    assert.equal(written.length + failed.length, 20);
    assert.equal(written.length, 0);
    assert.deepEqual([...new Set(failed.map((f) => (f.error as { code: string }).code))], ['E_INCOHERENT']);
    // Every record failed: over llm.maxFailureRate, so the run fails (exit 1).
    assert.equal(res.code, 1);
  });

  it('off by default (narrative.repair 0): no audit, the text is written as answered', async () => {
    const { res, written, requests } = await narrate('off', undefined, { contradict: 'always' });
    assert.equal(res.code, 0, res.stderr);
    assert.equal(written.length, 20);
    assert.equal(requests, 20 * 3);
    assert.ok(written.every((r) => auditRecord(r, 'detect').length > 0));
  });
});
