import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageGroups } from '../../src/census/moldova-2024/age.js';
import { ethnicities } from '../../src/census/moldova-2024/ethnocultural.js';
import { moldova2024 } from '../../src/census/moldova-2024/index.js';
import { feminineSurname, rankWeights } from '../../src/census/moldova-2024/name-tables.js';
import { namesByEthnicity } from '../../src/census/moldova-2024/names/communities.js';
import { censusSpecSchema } from '../../src/census/schema.js';
import { parseLines, runCli } from '../helpers/cli.js';

const spec = censusSpecSchema.parse(moldova2024);
const table = (name: string) => spec.attributes.find((a) => a.name === name)!.table;
const tables = [...new Set(Object.values(namesByEthnicity).flatMap((t) => [t.first, t.surnames]))];

/** Total variation distance between two weight rows (each normalised). */
function tvd(a: Record<string, number>, b: Record<string, number>): number {
  const sa = Object.values(a).reduce((x, y) => x + y, 0);
  const sb = Object.values(b).reduce((x, y) => x + y, 0);
  let d = 0;
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) d += Math.abs((a[k] ?? 0) / sa - (b[k] ?? 0) / sb);
  return d / 2;
}

const top10 = (records: Record<string, unknown>[]) => {
  const counts = new Map<string, number>();
  for (const r of records) counts.set(String(r.first_name), (counts.get(String(r.first_name)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([n]) => n);
};

describe('moldova-2024 names', () => {
  it('every name table: a source, non-empty lists of single-word names, no name twice in one list', () => {
    for (const t of tables) {
      assert.ok(t.source.length > 0);
      const lists = 'names' in t ? [t.names] : [...Object.values(t.female), ...Object.values(t.male)];
      for (const list of lists) {
        assert.ok(list.length > 0);
        assert.equal(new Set(list).size, list.length, `a name repeated in ${t.source}`);
        for (const n of list) assert.match(n, /^\S+$/u);
      }
    }
  });

  it('lists large enough for a real population: >= 1,000 Moldovan surnames, >= 200 first names per sex', () => {
    const moldovan = namesByEthnicity.Moldovan;
    assert.ok(moldovan.surnames.names.length >= 1000, `${moldovan.surnames.names.length} surnames`);
    for (const sex of ['female', 'male'] as const) {
      const distinct = new Set(Object.values(moldovan.first[sex]).flat());
      assert.ok(distinct.size >= 200, `${distinct.size} Moldovan ${sex} first names`);
    }
  });

  it('weights follow the rank (Zipf–Mandelbrot): decreasing, summing to 1', () => {
    const w = Object.values(rankWeights(['a', 'b', 'c', 'd'], { s: 1, q: 4 }));
    assert.ok(w[0] > w[1] && w[1] > w[2] && w[2] > w[3]);
    assert.ok(Math.abs(w.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  });

  it('every cohort × community × sex row differs from the oldest cohort\'s', () => {
    const first = table('first_name');
    const oldest = ageGroups[ageGroups.length - 1][0];
    for (const sex of ['female', 'male'])
      for (const e of ethnicities)
        for (const [g] of ageGroups.slice(0, -1)) {
          const d = tvd(first[`${sex}|${e}|${g}`], first[`${sex}|${e}|${oldest}`]);
          assert.ok(d > 0.05, `${sex} ${e} ${g} vs ${oldest}: TVD ${d.toFixed(3)}`);
        }
  });

  it('feminine forms: -ov/-ev/-in → -a, -schi → -scaia, -îi → -aia; -enco, -ciuc, -oglo and Romanian names do not inflect', () => {
    assert.deepEqual(
      ['Ivanov', 'Dimitrov', 'Vasiliev', 'Fomin', 'Pocrovschi', 'Troițchi', 'Podgornîi', 'Bondarenco', 'Cravciuc', 'Ianioglo', 'Topal'].map(feminineSurname),
      ['Ivanova', 'Dimitrova', 'Vasilieva', 'Fomina', 'Pocrovscaia', 'Troițcaia', 'Podgornaia', 'Bondarenco', 'Cravciuc', 'Ianioglo', 'Topal'],
    );
    const last = table('last_name');
    assert.deepEqual(last['female|Moldovan'], last['male|Moldovan']);
    assert.ok('Ivanova' in last['female|Russian'] && !('Ivanov' in last['female|Russian']));
    assert.ok('Petcova' in last['female|Bulgarian'] && 'Constantinova' in last['female|Gagauz'] && 'Ianioglo' in last['female|Gagauz']);
  });

  it('100,000 personas (seed 42): >= 30 % distinct full names, none above 0.3 %, young and old Moldovan women share <= 4 of their top 10 names', async () => {
    const res = await runCli(['sample', '-n', '100000', '-q', '--seed', '42']);
    assert.equal(res.code, 0, res.stderr);
    const records = parseLines(res.stdout);
    const counts = new Map<string, number>();
    for (const r of records) counts.set(String(r.name), (counts.get(String(r.name)) ?? 0) + 1);
    assert.ok(counts.size / records.length >= 0.3, `${counts.size} distinct full names`);
    const most = Math.max(...counts.values());
    assert.ok(most / records.length <= 0.003, `most common full name ${most} times`);

    const women = records.filter((r) => r.ethnicity === 'Moldovan' && r.sex === 'female');
    const young = top10(women.filter((r) => Number(r.age) <= 24));
    const old = top10(women.filter((r) => Number(r.age) >= 75));
    const shared = young.filter((n) => old.includes(n));
    assert.ok(shared.length <= 4, `shared: ${shared.join(', ')}`);
  });
});
