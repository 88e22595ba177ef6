import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseLines, runCli } from '../helpers/cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-validate-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const CONTROLLED = ['sex', 'age_group', 'region', 'residence', 'ethnicity', 'mother_tongue', 'religion', 'education_level', 'marital_status', 'employment_status'];
const CHROMIUM = '/usr/bin/chromium';

describe('gen-stream validate', () => {
  it('100,000 personas pass every default gate; the report has one chart per controlled marginal', async () => {
    const file = join(dir, 'p.jsonl');
    assert.equal((await runCli(['sample', '-q', '-n', '100000', '-o', file])).code, 0);
    const report = join(dir, 'report');
    const res = await runCli(['validate', file, '--report', report]);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stderr, /100000 records: all gates passed/);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8'));
    assert.deepEqual(stats.marginals.map((m: { attribute: string }) => m.attribute), CONTROLLED);
    for (const m of stats.marginals) {
      assert.ok(m.worst <= 0.5 && m.pValue > 0.01 && m.cramersV < 0.01, JSON.stringify(m).slice(0, 200));
    }
    assert.equal(stats.joints.length, 6);
    for (const j of stats.joints) assert.ok(j.tvd < 0.02, `${j.name} TVD ${j.tvd}`);
    const html = await readFile(join(report, 'report.html'), 'utf8');
    for (const a of CONTROLLED) assert.ok(html.includes(`<figure id="marginal-${a}"`), `no chart for ${a}`);
    assert.match(await readFile(join(report, 'stats.md'), 'utf8'), /\| ethnicity \| 0\.\d{3} \|/);
  });

  it('renders in headless Chromium with the charts drawn', { skip: !existsSync(CHROMIUM) && !process.env.CI ? 'Chromium not installed (.ci/run installs it)' : false }, async () => {
    const file = join(dir, 'small.jsonl');
    await runCli(['-q', '-n', '2000', '-o', file]);
    const report = join(dir, 'small-report');
    await runCli(['validate', file, '--report', report, '-q']);
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'chrome')}`];
    const page = `file://${join(report, 'report.html')}`;
    const dom = spawnSync(CHROMIUM, [...args, '--dump-dom', page], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(dom.status, 0, dom.stderr);
    const figures = dom.stdout.match(/<figure id="marginal-[a-z_]+"/g) ?? [];
    assert.equal(figures.length, CONTROLLED.length);
    const bars = dom.stdout.match(/<rect class="bar observed"[^>]*width="([\d.]+)"/g) ?? [];
    assert.ok(bars.length > 80 && bars.some((b) => Number(/width="([\d.]+)"/.exec(b)![1]) > 100), 'the bars are drawn with widths');
    assert.ok(dom.stdout.includes('length-cultural_background'), 'the length histograms are there');
    const png = join(dir, 'report.png');
    const shot = spawnSync(CHROMIUM, [...args, '--window-size=900,2400', `--screenshot=${png}`, page], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(shot.status, 0, shot.stderr);
    assert.ok((await readFile(png)).length > 20_000, 'the screenshot has content');
  });

  it('a file with 70 % Moldovans fails and names the ethnicity marginal (exit 1)', async () => {
    const records = parseLines((await runCli(['sample', '-q', '-n', '20000', '--seed', '3'])).stdout);
    let moldovans = records.filter((r) => r.ethnicity === 'Moldovan').length;
    for (const r of records) {
      if (moldovans <= 0.7 * records.length) break;
      if (r.ethnicity === 'Moldovan') {
        r.ethnicity = 'Romanian';
        moldovans--;
      }
    }
    const file = join(dir, 'skewed.jsonl');
    await writeFile(file, records.map((r) => JSON.stringify(r)).join('\n'));
    const res = await runCli(['validate', file]);
    assert.equal(res.code, 1);
    assert.match(res.stdout, /FAIL {2}marginal ethnicity: worst value [67]\.\d{3} points/);
    assert.match(res.stderr, /gates failed: .*marginal ethnicity/);
    assert.doesNotMatch(res.stdout, /FAIL {2}marginal sex/);
    // -q leaves errors only: a failed gate is one (exit 1, its line on stderr); the gate list goes.
    const quiet = await runCli(['validate', file, '-q']);
    assert.equal(quiet.code, 1);
    assert.equal(quiet.stdout, '');
    assert.match(quiet.stderr, /^gen-stream: 20000 records: gates failed: .*marginal ethnicity/);
  });

  it('re-checks constraints on every record and reads CSV, Arrow and Parquet like JSONL', async () => {
    const base = join(dir, 'multi');
    const outs = ['.jsonl', '.csv', '.arrows', '.parquet'].map((e) => `${base}${e}`);
    assert.equal((await runCli(['sample', '-q', '-n', '3000', ...outs.flatMap((o) => ['--out', o])])).code, 0);
    const worst = async (path: string) => {
      const report = `${path}-report`;
      const res = await runCli(['validate', path, '--report', report, '-q']);
      assert.equal(res.code, 0, `${path}: ${res.stderr}`);
      return JSON.parse(await readFile(join(report, 'stats.json'), 'utf8')).marginals.map((m: { worst: number }) => m.worst);
    };
    const expected = await worst(outs[0]);
    for (const o of outs.slice(1)) assert.deepEqual(await worst(o), expected, o);

    const records = parseLines(await readFile(outs[0], 'utf8'));
    Object.assign(records[5], { education_level: 'doctorate', age: 22, age_group: '18-24' });
    const bad = join(dir, 'violation.jsonl');
    await writeFile(bad, records.map((r) => JSON.stringify(r)).join('\n'));
    const res = await runCli(['validate', bad]);
    assert.equal(res.code, 1);
    assert.match(res.stdout, /FAIL {2}constraints: doctorate_min_age: 1/);
  });
});

