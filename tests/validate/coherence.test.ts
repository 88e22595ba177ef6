import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, parseLines, runCli } from '../helpers/cli.js';

let dir: string;
let clean: string;
let file: string;
let config: Record<string, unknown>;
/** Records whose narratives were made to contradict them: every third states an age 17 years off. */
let planted = 0;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-coherence-'));
  clean = join(dir, 'clean.jsonl');
  config = JSON.parse(await readFile(`${FIXTURES}moldova.json`, 'utf8'));
  assert.equal((await runCli(['-q', '-n', '300', '-o', clean], JSON.stringify(config))).code, 0);
  // The same records, a third given a wrong stated age, and every cultural background the first one's.
  const records = parseLines(await readFile(clean, 'utf8'));
  const bad = records.map((r, i) => {
    const out: Record<string, unknown> = { ...r, cultural_background: records[0].cultural_background };
    if (i % 3 === 0) {
      planted++;
      out.descriere_generala = `${String(r.descriere_generala)} ${String(r.first_name)} are ${Number(r.age) + 17} de ani.`;
    }
    return out;
  });
  file = join(dir, 'planted.jsonl');
  await writeFile(file, bad.map((r) => JSON.stringify(r)).join('\n') + '\n');
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configWith(validate: Record<string, unknown>): Promise<string> {
  const path = join(dir, `c-${Object.values(validate).join('-')}.json`);
  await writeFile(path, JSON.stringify({ ...config, validate }));
  return path;
}

describe('validate: coherence and near-duplicate gates', () => {
  it('template narratives pass both default gates: no contradiction found, near-duplicates under the limit', async () => {
    const report = join(dir, 'clean-report');
    const res = await runCli(['validate', clean, '--report', report]);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    assert.match(res.stdout, /pass {2}narratives agree with the record: /);
    assert.match(res.stdout, /pass {2}narratives not near-duplicates: /);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8'));
    assert.equal(stats.coherence.audited, 300);
    assert.equal(stats.coherence.rate, 0);
  });

  it('planted contradictions and repeated texts fail the two gates; the report shows rules, fields and spans', async () => {
    const report = join(dir, 'report');
    const res = await runCli(['validate', file, '--report', report]);
    assert.equal(res.code, 1, res.stderr);
    assert.match(res.stdout, /FAIL {2}narratives agree with the record: /);
    assert.match(res.stdout, /FAIL {2}narratives not near-duplicates: /);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8'));
    assert.equal(stats.coherence.audited, 300);
    // The planted ages, and more: the copied background carries the first person's birth year and name.
    assert.ok(Math.round(stats.coherence.rate * 300) >= planted, String(stats.coherence.rate));
    assert.ok(stats.coherence.rules.some((r: { rule: string }) => r.rule === 'ro.age.stated'));
    for (const e of stats.coherence.examples) assert.ok(e.id && e.rule && e.field && e.span && e.expected, JSON.stringify(e));
    assert.match(await readFile(join(report, 'stats.md'), 'utf8'), /## Coherence[\s\S]*\| ro\.age\.stated \| \d+ \|/);
    assert.match(await readFile(join(report, 'report.html'), 'utf8'), /<h2>Coherence<\/h2>/);
  });

  it('limits set to null are no gates; limits set to 1 pass', async () => {
    for (const limit of [null, 1]) {
      const res = await runCli(['validate', file, '--config', await configWith({ maxContradictionRate: limit, maxNearDuplicateRate: limit })]);
      assert.equal(res.code, 0, res.stdout + res.stderr);
      assert.equal(/narratives agree with the record/.test(res.stdout), limit !== null);
    }
  });

  it('a limit outside [0, 1] is a config error naming the path', async () => {
    const res = await runCli(['validate', file, '--config', await configWith({ maxContradictionRate: 2 })]);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /validate\.maxContradictionRate/);
  });
});

describe('gen-stream audit', () => {
  it('writes one JSONL line per contradiction and exits 1 over the gate; the input file is left as it was', async () => {
    const before = await readFile(file);
    const res = await runCli(['audit', '--input', file, '--config', `${FIXTURES}moldova.json`]);
    assert.equal(res.code, 1, res.stderr);
    const lines = parseLines(res.stdout);
    assert.ok(lines.length > 0);
    for (const l of lines) assert.deepEqual(Object.keys(l), ['id', 'rule', 'field', 'span', 'expected']);
    assert.match(res.stderr, new RegExp(`(\\d+) of 300 narrated records .* ${lines.length} contradictions`));
    assert.deepEqual(await readFile(file), before);
  });

  it('reads stdin and passes under a limit the rate is within', async () => {
    const res = await runCli(['audit', '-q', '--config', await configWith({ maxContradictionRate: 1 })], await readFile(file, 'utf8'));
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stderr, '');
    assert.ok(parseLines(res.stdout).length > 0);
  });
});
