import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { compileCensus } from '../../src/census/compile.js';
import { moldova2024 } from '../../src/census/moldova-2024/index.js';
import { censusSpecSchema } from '../../src/census/schema.js';
import { parseLines, runCli } from '../helpers/cli.js';

const spec = censusSpecSchema.parse(moldova2024);
const model = compileCensus(spec);
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

/** Names of the declared constraints a record breaks, checked with the compiled masks the sampler uses. */
function broken(r: Record<string, unknown>): string[] {
  const code = (a: number) => model.attributes[a].values.indexOf(String(r[model.attributes[a].name]));
  return model.constraints
    .filter((c) => c.when.every(([a, mask]) => mask[code(a)] === 1) && c.then.some(([a, mask]) => mask[code(a)] === 0))
    .map((c) => c.name);
}

describe('life-course constraints (moldova-2024)', () => {
  it('100,000 personas: 0 divorced or widowed at 18–19, 0 employed past 90, 0 violations of any declared constraint; two runs byte-identical', async () => {
    const [a, b] = await Promise.all([runCli(['sample', '-n', '100000', '-q', '--seed', '42']), runCli(['sample', '-n', '100000', '-q', '--seed', '42'])]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(sha(a.stdout), sha(b.stdout));
    const records = parseLines(a.stdout);
    assert.equal(records.length, 100_000);
    for (const r of records) assert.ok(model.attributes.every((at) => at.hidden || at.values.includes(String(r[at.name]))));
    const young = records.filter((r) => Number(r.age) <= 19 && (r.marital_status === 'divorced' || r.marital_status === 'widowed'));
    assert.equal(young.length, 0);
    assert.equal(records.filter((r) => Number(r.age) > 90 && r.employment_status === 'employed').length, 0);
    const violations = records.flatMap(broken);
    assert.deepEqual(violations, []);
    // Rare, not absent, in the early twenties: the rule is a floor, the data a ramp.
    const early = records.filter((r) => Number(r.age) <= 21);
    const split = early.filter((r) => r.marital_status === 'divorced' || r.marital_status === 'widowed').length / early.length;
    assert.ok(split < 0.01, `${(split * 100).toFixed(2)} % divorced or widowed at 20–21`);
  });

  it('the checker sees a violation when there is one', () => {
    assert.deepEqual(broken({ ...{ sex: 'male', age: 19, marital_status: 'divorced', employment_status: 'student', occupation: 'none', education_level: 'lyceum', disability_pension: 'no' } }), ['divorced_min_age']);
    assert.ok(broken({ sex: 'female', age: 96, marital_status: 'widowed', employment_status: 'employed', occupation: 'Technicians and associate professionals', education_level: 'higher', disability_pension: 'no' }).includes('employed_max_age'));
  });

  it('describe lists every constraint with its rationale, and the name lists\' provenance (published vs modelled)', async () => {
    const res = await runCli(['describe']);
    assert.equal(res.code, 0, res.stderr);
    const meta = JSON.parse(res.stdout) as { constraints: { name: string; description: string | null }[]; attributes: { name: string; source: string | null; modelled: boolean }[] };
    assert.deepEqual(meta.constraints.map((c) => c.name), spec.constraints.map((c) => c.name));
    for (const c of meta.constraints) assert.match(c.description ?? '', / — \S/, `${c.name} states its rationale`);
    for (const name of ['first_name', 'last_name']) {
      const a = meta.attributes.find((x) => x.name === name)!;
      assert.equal(a.modelled, true);
      assert.match(a.source ?? '', /published: /);
    }
  });
});
