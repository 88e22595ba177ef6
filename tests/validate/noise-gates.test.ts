import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { Stream, rngFor, uniform } from '../../src/generator/rng.js';
import { FidelityCounter, type MarginalResult } from '../../src/validate/fidelity-stats.js';
import { allowedPoints, binomialRange, bonferroniZ, chiSquareGate, marginalGate, noiseRule } from '../../src/validate/noise.js';
import { parseLines, runCli } from '../helpers/cli.js';

const SETTINGS = { maxMarginalPoints: 0.5, noiseAlpha: 0.01, minPValue: 0.01, minRecordsForPValue: 1000 };

describe('the noise allowance of the marginal gates', () => {
  const RULE = { tail: 0.01 / (2 * 67), z: bonferroniZ(0.01, 67) };

  it('allows z standard errors where the binomial is near normal, or the floor if that is more', () => {
    // One half at n = 10,000 (variance 2,500): one standard error is 100·√(0.25/10000) = 0.5 points.
    assert.deepEqual(allowedPoints(0.5, 10_000, 0.5, { tail: RULE.tail, z: 3 }), { below: 1.5, above: 1.5 });
    assert.deepEqual(allowedPoints(0.5, 10_000_000, 0.5, RULE), { below: 0.5, above: 0.5 });
    // No records or a share of 0 or 1: nothing to allow for but the floor.
    assert.deepEqual(allowedPoints(0.5, 0, 0.5, RULE), { below: 0.5, above: 0.5 });
    assert.deepEqual(allowedPoints(0, 250, 0.5, RULE), { below: 0.5, above: 0.5 });
  });

  it('sums binomial tails exactly for rare values: a share of 0.09 % at n = 250 may reach 4 records, not 5', () => {
    // By hand: P(X ≥ 4) ≈ 8.7e-5 and P(X ≥ 5) ≈ 3.8e-6 for Binomial(250, 0.0009); the tail is 7.46e-5. The normal
    // approximation would allow 3.79 SE = 0.72 points (2 records): 0.16 % of genuine files would fail on this value alone.
    const pmf = (k: number) => Array.from({ length: k }, (_, i) => (250 - i) / (i + 1)).reduce((a, b) => a * b, 1) * 0.0009 ** k * 0.9991 ** (250 - k);
    const atLeast = (k: number) => 1 - Array.from({ length: k }, (_, j) => pmf(j)).reduce((a, b) => a + b, 0);
    assert.ok(atLeast(4) >= RULE.tail && atLeast(5) < RULE.tail, `${atLeast(4)} ${atLeast(5)}`);
    assert.deepEqual(binomialRange(250, 0.0009, RULE.tail), [0, 4]);
    const rare = allowedPoints(0.0009, 250, 0.5, RULE);
    assert.ok(Math.abs(rare.above - 100 * (4 / 250 - 0.0009)) < 1e-9 && rare.below === 0.5, JSON.stringify(rare));
    // Just below the normal regime the exact range is the normal one to within a few percent.
    const exact = allowedPoints(0.5, 3996, 0, RULE);
    const normal = RULE.z * 100 * Math.sqrt(0.25 / 3996);
    assert.ok(Math.abs(exact.above / normal - 1) < 0.03 && Math.abs(exact.below / normal - 1) < 0.03, `${JSON.stringify(exact)} vs ${normal}`);
  });

  it('sizes z by Bonferroni: two-sided, alpha shared out over the comparisons', () => {
    assert.ok(Math.abs(bonferroniZ(0.05, 1) - 1.95996) < 1e-4);
    assert.ok(Math.abs(bonferroniZ(0.01, 67) - 3.7923) < 1e-3);
    assert.ok(bonferroniZ(0.01, 200) > bonferroniZ(0.01, 67));
  });

  it('fails a marginal when any value is past its own allowance, even when the worst value is within its', () => {
    const m: MarginalResult = {
      attribute: 'x',
      n: 1000,
      rows: [
        { value: 'big', target: 50, observed: 53, diff: 3 }, // allowed about 3.79·1.58 = 6.0
        { value: 'rare', target: 0.1, observed: 1.1, diff: 1 }, // 11 records where 1 is expected: far past the tail
        { value: 'rest', target: 49.9, observed: 45.9, diff: -4 },
      ],
      worst: 4,
      chiSquare: 0,
      df: 2,
      pValue: 1,
      cramersV: 0,
    };
    const rule = { floorPoints: 0.5, alpha: 0.01, comparisons: 67, ...RULE, n: 1000, chiSquare: null };
    assert.equal(marginalGate(m, rule).passed, false);
    m.rows[1] = { value: 'rare', target: 0.1, observed: 0.5, diff: 0.4 }; // within the floor
    assert.equal(marginalGate(m, rule).passed, true);
    assert.equal(marginalGate(m, { ...rule, tail: 0.01 }).passed, false, 'rest is 2.5 standard errors off');
  });

  it('shares the chi-square p-value limit out over the chi-square gates', () => {
    const { model } = loadConfig({});
    const marginals = new FidelityCounter(model, []).marginals();
    assert.equal(noiseRule(marginals, 999, SETTINGS).chiSquare, null);
    const chi = noiseRule(marginals, 1000, SETTINGS).chiSquare!;
    assert.equal(chi.limit, 0.01 / marginals.length);
    const m = { ...marginals[0], pValue: 0.005 };
    assert.equal(chiSquareGate(m, chi).passed, true, 'p 0.005 passes 0.01 over ten tests');
    assert.equal(chiSquareGate({ ...m, pValue: 0.0005 }, chi).passed, false);
  });

  // Files drawn value by value (iid) from the census targets: the worst case for noise, since the generator's
  // calibration keeps its files closer than that. The rule must pass nearly all of them and fail every one
  // where a third of the Moldovans were turned into Russians.
  it('passes ≥ 98 % of genuine iid draws at n = 250 and 1,000 and fails every skewed one', () => {
    const { model } = loadConfig({});
    const targets = model.targets.map((t) => ({ name: model.attributes[t.attribute].name, values: model.attributes[t.attribute].values, cumulative: cumulate(t.shares) }));
    for (const n of [250, 1000]) {
      let genuineFailed = 0;
      let skewedPassed = 0;
      for (let file = 0; file < 200; file++) {
        const rng = rngFor(n, Stream.person, file);
        const records = Array.from({ length: n }, () => Object.fromEntries(targets.map((t) => [t.name, t.values[pick(t.cumulative, uniform(rng))]])));
        if (!passes(model, records)) genuineFailed++;
        const moldovans = records.filter((r) => r.ethnicity === 'Moldovan');
        moldovans.slice(0, Math.floor(moldovans.length / 3)).forEach((r) => (r.ethnicity = 'Russian'));
        if (passes(model, records)) skewedPassed++;
      }
      assert.ok(genuineFailed <= 4, `n=${n}: ${genuineFailed} of 200 genuine draws failed`);
      assert.equal(skewedPassed, 0, `n=${n}: skewed files passed`);
    }
  });
});

function cumulate(shares: Float64Array): Float64Array {
  const c = new Float64Array(shares.length);
  shares.reduce((s, x, i) => (c[i] = s + x), 0);
  return c;
}

function pick(cumulative: Float64Array, u: number): number {
  const i = cumulative.findIndex((c) => u * cumulative[cumulative.length - 1] < c);
  return i < 0 ? cumulative.length - 1 : i;
}

function passes(model: ReturnType<typeof loadConfig>['model'], records: Record<string, string>[]): boolean {
  const counter = new FidelityCounter(model, []);
  records.forEach((r) => counter.add(r));
  const marginals = counter.marginals();
  const rule = noiseRule(marginals, counter.n, SETTINGS);
  return marginals.every((m) => marginalGate(m, rule).passed && (!rule.chiSquare || chiSquareGate(m, rule.chiSquare).passed));
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-noise-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('gen-stream validate at small n (issue 14)', () => {
  it("passes the README's first command (1,000 records) for three seeds", async () => {
    for (const seed of [null, '1', '2']) {
      const file = join(dir, `personas-${seed ?? 'default'}.jsonl`);
      const gen = await runCli(['-n', '1000', '-o', file, '-q', ...(seed ? ['--seed', seed] : [])]);
      assert.equal(gen.code, 0, gen.stderr);
      const res = await runCli(['validate', file, '-q']);
      assert.equal(res.code, 0, `seed ${seed ?? 'default'}:\n${res.stdout}`);
    }
  });

  it('passes each of four 250-record shards of that run', async () => {
    for (const i of [0, 1, 2, 3]) {
      const gen = await runCli(['-n', '1000', '--shard', `${i}/4`, '-o', join(dir, 's.jsonl'), '-q']);
      assert.equal(gen.code, 0, gen.stderr);
      const res = await runCli(['validate', join(dir, `s.shard-0000${i}-of-00004.jsonl`), '-q']);
      assert.equal(res.code, 0, `shard ${i}:\n${res.stdout}`);
    }
  });

  it('fails 1,000 records where a third of the Moldovans were turned into Russians (exit 1)', async () => {
    const file = join(dir, 'to-skew.jsonl');
    assert.equal((await runCli(['-n', '1000', '-o', file, '-q'])).code, 0);
    const records = parseLines(await readFile(file, 'utf8'));
    const moldovans = records.filter((r) => r.ethnicity === 'Moldovan');
    moldovans.slice(0, Math.floor(moldovans.length / 3)).forEach((r) => (r.ethnicity = 'Russian'));
    const skewed = join(dir, 'skewed.jsonl');
    await writeFile(skewed, records.map((r) => JSON.stringify(r)).join('\n'));
    const report = join(dir, 'skewed-report');
    assert.equal((await runCli(['validate', skewed, '--report', report, '-q'])).code, 1);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8')) as { gates: Array<{ name: string; passed: boolean }> };
    const failed = stats.gates.filter((g) => !g.passed).map((g) => g.name);
    assert.ok(failed.includes('marginal ethnicity'), failed.join(', '));
  });
});
