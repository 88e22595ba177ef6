import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { type Config, loadConfig } from '../../src/config.js';
import { FidelityCounter } from '../../src/validate/fidelity-stats.js';
import { OnlineIpf } from '../../src/generator/online-ipf.js';
import { prepareRun } from '../../src/generator/calibration.js';
import { sampleStages } from '../../src/run/sample-pipeline.js';
import { Sampler } from '../../src/generator/sampler.js';
import { parseLines } from '../helpers/cli.js';

async function collect(stages: ReturnType<typeof sampleStages>): Promise<string> {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString('utf8');
      cb();
    },
  });
  await pipeline([...stages, sink]);
  return text;
}

/** A census whose tables disagree with its targets by 20 points: what calibration is for. */
const biased = {
  census: {
    name: 'biased',
    attributes: [
      { name: 'colour', values: ['red', 'green', 'blue'], table: { '*': { red: 0.6, green: 0.3, blue: 0.1 } } },
      { name: 'size', values: ['s', 'l'], parents: ['colour'], table: { 'red': { s: 0.9, l: 0.1 }, '*': { s: 0.3, l: 0.7 } } },
    ],
    targets: {
      colour: { distribution: { red: 0.4, green: 0.3, blue: 0.3 } },
      size: { distribution: { s: 0.5, l: 0.5 } },
    },
  },
  count: 20000,
};

describe('online IPF calibration', () => {
  it('steers a biased model onto its targets, keeping structure inside rows', async () => {
    for (const enabled of [false, true]) {
      const { model, config } = loadConfig({ ...biased, calibration: { enabled } });
      const run = prepareRun(model, config);
      const records = parseLines(await collect(sampleStages(run, config, 0, config.count)));
      const counter = new FidelityCounter(model, []);
      records.forEach((r) => counter.add(r));
      const worst = Math.max(...counter.marginals().map((m) => m.worst));
      if (enabled) assert.ok(worst < 0.2, `calibrated worst ${worst}`);
      else assert.ok(worst > 15, `uncalibrated worst ${worst}`);
      // Structure: red stays mostly small, other colours mostly large.
      const redSmall = records.filter((r) => r.colour === 'red' && r.size === 's').length / records.filter((r) => r.colour === 'red').length;
      const blueSmall = records.filter((r) => r.colour === 'blue' && r.size === 's').length / records.filter((r) => r.colour === 'blue').length;
      assert.ok(redSmall > blueSmall + 0.3, `red small ${redSmall}, blue small ${blueSmall}`);
    }
  });

  it('its state is small, serialisable, and a run restored from it continues byte-identically', async () => {
    const { model, config } = loadConfig({ count: 3000, seed: 9 });
    const whole = await collect(sampleStages(prepareRun(model, config), config, 0, 3000));

    const first = prepareRun(model, config);
    const head = await collect(sampleStages(first, config, 0, 1000)); // 1000 is not an update boundary (every = 128)
    const state = JSON.parse(JSON.stringify(first.ipf!.snapshot())) as ReturnType<OnlineIpf['snapshot']>;
    assert.ok(JSON.stringify(state).length < 16_000, 'state stays small');
    assert.equal(state.observed, 1000);

    const ipf = new OnlineIpf(model, first.ipf!.options);
    ipf.restore(state);
    const resumed = { model, sampler: new Sampler(model, config.sampling.maxAttempts), ipf, seed: config.seed };
    const tail = await collect(sampleStages(resumed, config as Config, 1000, 3000));
    assert.equal(head + tail, whole);
  });

  it('refuses a state from another census', () => {
    const { model } = loadConfig({});
    const other = loadConfig(biased).model;
    const ipf = new OnlineIpf(model);
    assert.throws(() => ipf.restore(new OnlineIpf(other).snapshot()), { code: 'E_CALIBRATION' });
  });
});
