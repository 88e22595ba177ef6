import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { FidelityCounter } from '../../src/validate/fidelity-stats.js';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';

describe('gen-stream with an inline census', () => {
  it('runs a census carried in the config and calibrates it to its own targets', async () => {
    const cfg = await readFile(join(FIXTURES, 'toy-census.json'), 'utf8');
    const res = await runCli(['sample', '-q', '-n', '5000'], cfg);
    assert.equal(res.code, 0, res.stderr);
    const records = parseLines(res.stdout);
    assert.equal(records.length, 5000);
    const { model } = loadConfig(JSON.parse(cfg));
    const counter = new FidelityCounter(model, []);
    records.forEach((r) => counter.add(r));
    for (const m of counter.marginals()) assert.ok(m.worst <= 1, `${m.attribute} ${m.worst}`);
    assert.ok(records.every((r) => r.job !== 'teacher' || Number(r.age) >= 21), 'constraint teachers_are_adults_over_21');
    const south = records.filter((r) => r.village === 'South Cove');
    const teachers = (100 * south.filter((r) => r.job === 'teacher').length) / south.length;
    assert.ok(Math.abs(teachers - 40) <= 2, `conditional target teachers_in_south_cove: ${teachers}%`);
    assert.ok(records.every((r) => r.label === `${String(r.job)} from ${String(r.village)}`));
    assert.ok(records.every((r) => r.country === 'Toy Island'));
  });
});
