import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { FidelityCounter } from '../../src/validate/fidelity-stats.js';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';

const moldovaConfig = () => readFile(join(FIXTURES, 'moldova.json'), 'utf8');
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function share(records: Record<string, unknown>[], where: (r: Record<string, unknown>) => boolean, what: (r: Record<string, unknown>) => boolean) {
  const group = records.filter(where);
  return (100 * group.filter(what).length) / group.length;
}

describe('gen-stream sample on the Moldova 2024 census', () => {
  it('100,000 personas: valid lines, unique ids, every controlled marginal within 0.2 points, regional structure kept', async () => {
    const res = await runCli(['sample', '-n', '100000', '-q'], await moldovaConfig());
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stderr, '');
    const records = parseLines(res.stdout);
    assert.equal(records.length, 100_000);
    assert.equal(new Set(records.map((r) => r.id)).size, 100_000);
    for (const r of records) assert.match(String(r.id), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const { model } = loadConfig({});
    const counter = new FidelityCounter(model, []);
    records.forEach((r) => counter.add(r));
    const report = counter.marginals();
    assert.deepEqual(
      report.map((m) => m.attribute).sort(),
      ['age_group', 'education_level', 'employment_status', 'ethnicity', 'marital_status', 'mother_tongue', 'region', 'religion', 'residence', 'sex'],
    );
    for (const m of report) assert.ok(m.worst <= 0.2, `${m.attribute} is ${m.worst.toFixed(3)} points off target`);

    const moldovans = (100 * records.filter((r) => r.ethnicity === 'Moldovan').length) / records.length;
    assert.ok(Math.abs(moldovans - 76.73) <= 0.2, `Moldovans ${moldovans}%`);
    const gagauz = share(records, (r) => r.region === 'UTA Găgăuzia', (r) => r.ethnicity === 'Gagauz');
    assert.ok(Math.abs(gagauz - 81.2) <= 2, `Gagauz inside UTA Găgăuzia ${gagauz}%`);
    const bulgarians = share(records, (r) => r.district === 'Taraclia', (r) => r.ethnicity === 'Bulgarian');
    assert.ok(Math.abs(bulgarians - 64.2) <= 2, `Bulgarians in Taraclia ${bulgarians}%`);
    // Every published share inside a unit is a calibration target too: hit within a point, not by luck.
    for (const ct of model.controls.filter((c) => c.rows)) {
      const attr = model.attributes[ct.attribute];
      const inside = records.filter((r) => ct.filter.every(([a, mask]) => mask[model.attributes[a].values.indexOf(String(r[model.attributes[a].name]))] === 1));
      attr.values.forEach((value, code) => {
        const g = ct.group[code];
        if (g === ct.shares.length - 1) return; // the pooled rest
        const observed = (100 * inside.filter((r) => r[attr.name] === value).length) / inside.length;
        assert.ok(Math.abs(observed - 100 * ct.shares[g]) <= 1, `${ct.name}: ${value} ${observed.toFixed(2)}% vs ${(100 * ct.shares[g]).toFixed(2)}%`);
      });
    }
    // The failures of the original project, each as a regression check.
    const urbanChisinau = share(records, (r) => r.region === 'Chișinău', (r) => r.residence === 'urban');
    const urbanCentru = share(records, (r) => r.region === 'Centru', (r) => r.residence === 'urban');
    assert.ok(urbanChisinau - urbanCentru > 40, `urban share must differ by region (Chișinău ${urbanChisinau}, Centru ${urbanCentru})`);
    const marriedYoung = share(records, (r) => r.age_group === '18-24', (r) => r.marital_status === 'married');
    assert.ok(marriedYoung < 25, `married among 18-24: ${marriedYoung}%`);
    assert.ok(records.some((r) => Number(r.age) >= 90), 'nobody over 90');
    assert.ok(records.every((r) => Number(r.age) >= 18 && Number(r.age) <= 100));
  });

  it('1,000 personas: every controlled marginal within 2 points', async () => {
    const { model } = loadConfig({});
    for (const seed of ['1', '2', '3']) {
      const res = await runCli(['sample', '-n', '1000', '--seed', seed, '-q'], await moldovaConfig());
      assert.equal(res.code, 0, res.stderr);
      const counter = new FidelityCounter(model, []);
      parseLines(res.stdout).forEach((r) => counter.add(r));
      for (const m of counter.marginals()) assert.ok(m.worst <= 2, `seed ${seed}: ${m.attribute} is ${m.worst.toFixed(2)} points off`);
    }
  });

  it('same config and seed give byte-identical output; another seed gives other output', async () => {
    const cfg = await moldovaConfig();
    const a = await runCli(['-n', '3000', '-q'], cfg);
    const b = await runCli(['-n', '3000', '-q', '--config', join(FIXTURES, 'moldova.json')]);
    const c = await runCli(['-n', '3000', '-q', '--seed', '43'], cfg);
    assert.equal(a.code, 0);
    assert.equal(sha(a.stdout), sha(b.stdout));
    assert.notEqual(sha(a.stdout), sha(c.stdout));
    const idsA = new Set(parseLines(a.stdout).map((r) => r.id));
    assert.ok(parseLines(c.stdout).every((r) => !idsA.has(r.id)), 'ids of different seeds must not collide');
  });

  it('keys come out in a fixed order', async () => {
    const res = await runCli(['sample', '-n', '50', '-q']);
    const keys = parseLines(res.stdout).map((r) => Object.keys(r).join(','));
    assert.equal(new Set(keys).size, 1);
    assert.equal(
      keys[0],
      'id,name,first_name,last_name,sex,age,age_group,region,district,residence,country,ethnicity,mother_tongue,religion,marital_status,education_level,employment_status,occupation,disability_pension,big_five',
    );
  });

  it('--out FILE writes the file, its metadata and a complete checkpoint, and no temporaries', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gen-stream-'));
    try {
      const file = join(dir, 'p.jsonl');
      const res = await runCli(['sample', '-n', '300', '-q', '--out', file]);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(res.stdout, '');
      assert.equal(parseLines(await readFile(file, 'utf8')).length, 300);
      assert.deepEqual((await readdir(dir)).sort(), ['p.jsonl', 'p.jsonl.checkpoint.json', 'p.jsonl.meta.json']);
      const checkpoint = JSON.parse(await readFile(`${file}.checkpoint.json`, 'utf8'));
      assert.equal(checkpoint.complete, true);
      assert.equal(checkpoint.offset, 300);
      const meta = JSON.parse(await readFile(`${file}.meta.json`, 'utf8'));
      assert.equal(meta.census.name, 'moldova-2024');
      assert.equal(meta.settings.count, 300);
      assert.match(meta.configFingerprint, /^[0-9a-f]{64}$/);
      const modelled = meta.attributes.filter((a: { modelled: boolean }) => a.modelled).map((a: { name: string }) => a.name);
      assert.ok(modelled.includes('education_level') && modelled.includes('ethnicity') && !modelled.includes('district'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
