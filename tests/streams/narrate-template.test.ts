import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { prepareRun } from '../../src/generator/calibration.js';
import { TEMPLATE_PROVIDER, templateNarrative } from '../../src/narrative/template.js';
import { withNarrative } from '../../src/narrative/with-narrative.js';
import { REPORT, RunStats, type StageReport } from '../../src/run-state/run-stats.js';
import { sampleStages } from '../../src/run/sample-pipeline.js';
import { createNarrateTemplate } from '../../src/streams/narrate-template.js';

/** The first n records of seed 42 as objects. */
async function sampleRecords(n: number): Promise<Record<string, unknown>[]> {
  const { model, config } = loadConfig({ count: n, seed: 42 });
  let text = '';
  const sink = new Writable({ write: (chunk: Buffer | string, _e, cb) => ((text += chunk.toString()), cb()) });
  await pipeline([...sampleStages(prepareRun(model, config), config, 0, n), sink]);
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('narrate-template', () => {
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
