import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { prepareRun } from '../../src/generator/calibration.js';
import { sampleStages } from '../../src/run/sample-pipeline.js';

describe('sample → ipf-correct → format-jsonl', () => {
  it('backpressure reaches the generator: a stalled reader stops sampling', async () => {
    const { model, config } = loadConfig({ count: 1_000_000 });
    const run = prepareRun(model, config);
    const warmup = run.sampler.stats.accepted; // the warm-up draws on the same sampler
    let release: () => void = () => {};
    const stalled = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, cb) {
        release = cb; // never called until the end of the test
      },
    });
    const done = pipeline([...sampleStages(run, config, 0, config.count), stalled]).catch(() => {});
    await sleep(300);
    const drawn = run.sampler.stats.accepted - warmup;
    await sleep(300);
    assert.equal(run.sampler.stats.accepted - warmup, drawn, 'the generator kept drawing while nobody read');
    assert.ok(drawn > 0 && drawn < 20 * config.calibration.every, `${drawn} records drawn ahead of a stalled reader`);
    stalled.destroy();
    release();
    await done;
  });

  it('output does not depend on how fast the consumer reads', async () => {
    const { model, config } = loadConfig({ count: 5000, seed: 3 });
    const read = async (delay: boolean) => {
      const run = prepareRun(model, config);
      let text = '';
      let n = 0;
      const sink = new Writable({
        highWaterMark: 1,
        write(chunk: Buffer, _enc, cb) {
          text += chunk.toString('utf8');
          if (delay && n++ % 3 === 0) setTimeout(cb, 2);
          else cb();
        },
      });
      await pipeline([...sampleStages(run, config, 0, config.count), sink]);
      return text;
    };
    assert.equal(await read(true), await read(false));
  });
});
