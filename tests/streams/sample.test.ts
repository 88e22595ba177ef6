import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { prepareRun } from '../../src/generator/calibration.js';
import { type PersonChunk } from '../../src/streams/person-chunk.js';
import { createSample } from '../../src/streams/sample.js';

describe('sample', () => {
  it('chunks never cross a calibration boundary, also when starting mid-way', async () => {
    const { model, config } = loadConfig({});
    const run = prepareRun(model, config);
    const starts: Array<[number, number]> = [];
    const sample = createSample({ sampler: run.sampler, ipf: null, seed: 1, start: 1000, end: 1300, chunkSize: 128 });
    for await (const chunk of sample as AsyncIterable<PersonChunk>) starts.push([chunk.start, chunk.count]);
    assert.deepEqual(starts, [
      [1000, 24],
      [1024, 128],
      [1152, 128],
      [1280, 20],
    ]);
  });
});
