import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { adultsByAge, firstAge } from '../../src/census/moldova-2024/age.js';
import { districts } from '../../src/census/moldova-2024/districts.js';
import { moldova2024 } from '../../src/census/moldova-2024/index.js';
import { censusSpecSchema } from '../../src/census/schema.js';
import { parseLines, runCli } from '../helpers/cli.js';

describe('moldova-2024 data', () => {
  it('the 35 census units sum to the NBS total and region totals', () => {
    assert.equal(districts.length, 35);
    assert.equal(districts.reduce((s, d) => s + d.population, 0), 2_409_207);
    const region = (r: string) => districts.filter((d) => d.region === r).reduce((s, d) => s + d.population, 0);
    assert.equal(region('Nord'), 608_651);
    assert.equal(region('Centru'), 670_088);
    assert.equal(region('Sud'), 306_672);
    assert.equal(region('UTA Găgăuzia'), 103_668);
    assert.equal(region('Chișinău'), 720_128);
  });

  it('ages run 18…100 and the 84+ top group of the estimate (43,708) is spread, not dropped', () => {
    assert.equal(firstAge, 18);
    assert.equal(adultsByAge.length, 83);
    assert.equal(adultsByAge.slice(84 - firstAge).reduce((a, b) => a + b, 0), 43_708);
    for (let i = 84 - firstAge + 1; i < adultsByAge.length; i++) assert.ok(adultsByAge[i] < adultsByAge[i - 1], 'declining above 84');
  });

  it('names fit sex, ethnicity and birth cohort, with gendered surnames where the language has them', async () => {
    const spec = censusSpecSchema.parse(moldova2024);
    const first = spec.attributes.find((a) => a.name === 'first_name')!;
    const last = spec.attributes.find((a) => a.name === 'last_name')!;
    const res = await runCli(['sample', '-n', '20000', '-q', '--seed', '11']);
    const records = parseLines(res.stdout);
    let gendered = 0;
    for (const r of records) {
      const row = first.table[`${String(r.sex)}|${String(r.ethnicity)}|${String(r.age_group)}`];
      assert.ok((row[String(r.first_name)] ?? 0) > 0, `${String(r.first_name)} for ${String(r.sex)} ${String(r.ethnicity)} ${String(r.age_group)}`);
      assert.ok((last.table[`${String(r.sex)}|${String(r.ethnicity)}`][String(r.last_name)] ?? 0) > 0, `${String(r.last_name)} for ${String(r.sex)} ${String(r.ethnicity)}`);
      assert.equal(r.name, `${String(r.first_name)} ${String(r.last_name)}`);
      if (r.sex === 'female' && !(String(r.last_name) in last.table[`male|${String(r.ethnicity)}`])) gendered++;
    }
    const russianWomen = records.filter((r) => r.ethnicity === 'Russian' && r.sex === 'female');
    assert.ok(russianWomen.length > 100);
    const feminine = russianWomen.filter((r) => /(ova|eva|ina|îna|aia)$/.test(String(r.last_name))).length;
    assert.ok(feminine / russianWomen.length > 0.9, `Russian women carry feminine surname forms (${feminine} of ${russianWomen.length})`);
    assert.ok(gendered > 500);
  });
});
