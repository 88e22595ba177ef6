import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { prepareRun } from '../../src/generator/calibration.js';
import { NARRATIVE_FIELDS } from '../../src/narrative/fields.js';
import { TEMPLATE_PROVIDER, templateNarrative } from '../../src/narrative/template.js';
import { withNarrative } from '../../src/narrative/with-narrative.js';
import { REPORT, RunStats, type StageReport } from '../../src/run-state/run-stats.js';
import { sampleStages } from '../../src/run/sample-pipeline.js';
import { createNarrateTemplate } from '../../src/streams/narrate-template.js';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';

describe('template narrator (no llm block, no key)', () => {
  it('writes every narrative field, cultural_background >= 1,500 characters, marked as template', async () => {
    const cfg = await readFile(new URL('../../../fixtures/moldova.json', import.meta.url), 'utf8');
    const res = await runCli(['-n', '1000', '-q'], cfg, { OPENAI_API_KEY: '' });
    assert.equal(res.code, 0, res.stderr);
    const records = parseLines(res.stdout);
    assert.equal(records.length, 1000);
    for (const r of records) {
      for (const f of NARRATIVE_FIELDS) assert.ok(Array.isArray(r[f]) ? (r[f] as unknown[]).length >= 3 : String(r[f]).length > 50, `${f}: ${String(r[f])}`);
      assert.ok(String(r.cultural_background).length >= 1500, `cultural_background ${String(r.cultural_background).length} chars`);
      const summary = String(r.persona_summary);
      assert.ok(summary.length >= 100 && summary.length <= 200 && !summary.includes('\n'), summary);
      assert.ok(String(r.descriere_generala).includes(String(r.first_name)));
      assert.equal(r.narrative_provider, 'template');
    }
    assert.ok(new Set(records.map((r) => r.cultural_background)).size > 990, 'texts vary between records');
  });

  it('composes as a pipe: sample | narrate gives the main command\'s output byte for byte', async () => {
    const sample = await runCli(['sample', '-q', '-n', '200', '--seed', '9']);
    const piped = await runCli(['narrate', '-q'], sample.stdout);
    const direct = await runCli(['-q', '-n', '200', '--seed', '9']);
    assert.equal(piped.code, 0, piped.stderr);
    assert.equal(piped.stdout, direct.stdout);
  });

  it('English narratives with --config language en; ru without an llm block is refused', async () => {
    const en = await runCli(['-q', '-n', '20'], JSON.stringify({ narrative: { language: 'en' } }));
    assert.ok(parseLines(en.stdout).every((r) => /(was born|Born|came into the world) in \d{4}/.test(String(r.cultural_background))));
    const ru = await runCli(['-q', '-n', '20'], JSON.stringify({ narrative: { language: 'ru' } }));
    assert.equal(ru.code, 2);
    assert.equal(ru.stdout, '');
  });

  it('a malformed line on stdin is an error naming <stdin>:line, exit 2', async () => {
    const sample = await runCli(['sample', '-q', '-n', '3']);
    const lines = sample.stdout.split('\n');
    lines.splice(2, 0, '{"broken": ');
    const res = await runCli(['narrate', '-q'], lines.join('\n'));
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_INPUT');
    // Text kept beside the code: naming the line (<stdin>:3) is what this test specifies, and only the message
    // carries it.
    assert.match(res.stderr, /<stdin>:3: /);
  });
});

/** The first n records of seed 42 as objects. */
async function sampleRecords(n: number): Promise<Record<string, unknown>[]> {
  const { model, config } = loadConfig({ count: n, seed: 42 });
  let text = '';
  const sink = new Writable({ write: (chunk: Buffer | string, _e, cb) => ((text += chunk.toString()), cb()) });
  await pipeline([...sampleStages(prepareRun(model, config), config, 0, n), sink]);
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('createNarrateTemplate (the stage)', () => {
  it('each array comes out with its template narratives, reported as done before it is passed on', async () => {
    const records = await sampleRecords(30);
    const arrays = [records.slice(0, 7), records.slice(7, 8), records.slice(8)];
    const stage = createNarrateTemplate('ro');
    const stats = new RunStats();
    const events: string[] = [];
    stage.on(REPORT, (r: StageReport) => {
      stats.apply(r);
      events.push(`report ${r.done}`);
    });
    const out: Record<string, unknown>[] = [];
    const sink = new Writable({ objectMode: true, write: (batch: Record<string, unknown>[], _e, cb) => (events.push(`out ${batch.length}`), out.push(...batch), cb()) });
    await pipeline(Readable.from(arrays, { objectMode: true }), stage, sink);
    assert.deepEqual(out, records.map((r) => withNarrative(r, templateNarrative(r, 'ro'), TEMPLATE_PROVIDER)));
    assert.deepEqual(events.filter((e) => e.startsWith('report')), ['report 7', 'report 1', 'report 22'], 'one report per array');
    for (const n of [7, 1, 22]) assert.ok(events.indexOf(`report ${n}`) < events.indexOf(`out ${n}`), `array of ${n}: reported before passed on`);
    assert.equal(stats.done, 30);
  });
});
