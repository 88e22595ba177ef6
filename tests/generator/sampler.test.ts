import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { Stream, rngFor } from '../../src/generator/rng.js';
import { Sampler } from '../../src/generator/sampler.js';
import { parseLines, runCli } from '../helpers/cli.js';

describe('rejection sampling', () => {
  it('every record satisfies every constraint of the census (checked on the compiled masks)', () => {
    const { model } = loadConfig({});
    const sampler = new Sampler(model);
    const codes = new Uint16Array(sampler.width);
    for (let i = 0; i < 20_000; i++) {
      sampler.sample(rngFor(1, Stream.person, i), codes, 0);
      for (const c of model.constraints) {
        const applies = c.when.every(([a, mask]) => mask[codes[a]] === 1);
        if (applies) assert.ok(c.then.every(([a, mask]) => mask[codes[a]] === 1), `record ${i} breaks ${c.name}`);
      }
    }
    // The constraints really bite: some proposals were rejected, most accepted.
    const { accepted, proposals } = sampler.stats;
    assert.ok(accepted === 20_000 && proposals > accepted && accepted / proposals > 0.9);
  });

  it('the constraints hold in CLI output, read back as JSON', async () => {
    const records = parseLines((await runCli(['sample', '-n', '30000', '-q', '--seed', '5'])).stdout);
    for (const r of records) {
      const age = Number(r.age);
      if (r.education_level === 'higher') assert.ok(age >= 21);
      if (r.education_level === 'doctorate') assert.ok(age >= 27);
      if (r.employment_status === 'retired' && age < 55) assert.equal(r.disability_pension, 'yes');
      if (r.employment_status === 'student') assert.ok(age <= 35);
      assert.equal(r.occupation !== 'none', r.employment_status === 'employed');
      if (r.occupation === 'Professionals') assert.ok(r.education_level === 'higher' || r.education_level === 'doctorate');
    }
    assert.ok(records.some((r) => r.employment_status === 'retired' && Number(r.age) < 55), 'disability retirement exists');
  });

  it('a record that exhausts sampling.maxAttempts stops the run with E_INFEASIBLE', () => {
    const { model } = loadConfig({
      census: {
        name: 'x',
        attributes: [{ name: 'kind', values: ['rare', 'common'], table: { '*': { rare: 0.02, common: 0.98 } } }],
        constraints: [{ name: 'only_rare', if: {}, then: { kind: { in: ['rare'] } } }],
      },
    });
    const sampler = new Sampler(model, 3);
    const codes = new Uint16Array(1);
    assert.throws(
      () => {
        for (let i = 0; i < 1000; i++) sampler.sample(rngFor(1, Stream.person, i), codes, 0);
      },
      { code: 'E_INFEASIBLE', constraint: 'only_rare' },
    );
  });
});
