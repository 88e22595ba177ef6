/**
 * validate on Persona Hub output: text-to-persona and persona-to-persona written into one Parquet dataset
 * directory (against the mock LLM) are checked per family by the hub checks, never by the census gates; the
 * sidecars say what was written, who wrote it (model, endpoint host) and never carry the key.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { FIXTURES, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';

const KEY = 'sk-secret-test';
/** Until the runner passes its run to runMetadata (run-plan.ts, the lead's), sidecars of runs describe the config. */
const HUB_FIELDS = ['id', 'persona', 'domain', 'synth_method', 'confidence_score', 'source_id', 'parent_id', 'relation', 'depth', 'domain_raw', 'model'];

let dir: string;
let mock: MockLlm;
let host: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-hub-validate-'));
  mock = new MockLlm({});
  const url = await mock.listen();
  host = new URL(url).host;
  const config = join(dir, 'hub.json');
  await writeFile(config, JSON.stringify({ seed: 3, llm: { baseUrl: url, model: 'mock', concurrency: 4, retryBaseMs: 5, retryMaxMs: 50 }, hub: { perPersona: 2, depth: 1 } }));
  const env = { OPENAI_API_KEY: KEY };
  const hub = join(dir, 'hub.parquet');
  const t2p = await runCli(['text-to-persona', '-q', '--config', config, '--input', join(FIXTURES, 'india-corpus.jsonl'), '-o', hub, '-o', join(dir, 't2p.jsonl')], undefined, env);
  assert.equal(t2p.code, 0, t2p.stderr);
  const p2p = await runCli(['persona-to-persona', '-q', '--config', config, '--input', join(dir, 't2p.jsonl'), '-o', hub, '--checkpoint', join(dir, 'p2p.checkpoint.json')], undefined, env);
  assert.equal(p2p.code, 0, p2p.stderr);
});
after(async () => {
  await mock.close();
  await rm(dir, { recursive: true, force: true });
});

interface HubSection {
  kind: string;
  family: string;
  records: number;
  gates: Array<{ name: string; passed: boolean }>;
  hub: {
    records: number;
    domains: { buckets: number; largestShare: number; top: Array<{ domain: string; count: number; share: number }> };
    synthMethods: Record<string, number>;
    confidence: { min: number; max: number; outside: number; outsideShare: number };
    persona: { empty: number; min: number; median: number; p95: number; nearDuplicateSample: number; nearDuplicateRate: number };
    ids: { checked: boolean; duplicates: number };
    depths: Record<string, number>;
    parents: { checked: boolean; links: number; missing: number } | null;
  };
}

describe('validate on Persona Hub output', () => {
  it('a directory holding text-to-persona and persona-to-persona: each family by the hub checks, no census gate, exit 0', async () => {
    const report = join(dir, 'report');
    const res = await runCli(['validate', join(dir, 'hub.parquet'), '--report', report]);
    assert.equal(res.code, 0, res.stdout + res.stderr);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8')) as { kind: string; records: number; passed: boolean; datasets: HubSection[]; gates: Array<{ name: string }> };
    assert.equal(stats.kind, 'datasets');
    assert.equal(stats.passed, true);
    assert.equal(stats.records, 750);
    assert.deepEqual(stats.datasets.map((d) => [d.kind, d.family, d.records]), [
      ['hub', 'text-to-persona', 250],
      ['hub', 'persona-to-persona', 500],
    ]);
    assert.deepEqual(stats.gates.map((g) => g.name), [
      'text-to-persona: unique ids',
      'text-to-persona: confidence scores in [0,1]',
      'text-to-persona: personas present',
      'persona-to-persona: unique ids',
      'persona-to-persona: confidence scores in [0,1]',
      'persona-to-persona: personas present',
    ]);
    assert.ok(!stats.gates.some((g) => /marginal|chi-square|constraints|known values/.test(g.name)), 'no census gate');
    const [t2p, p2p] = stats.datasets;
    for (const d of stats.datasets) {
      const h = d.hub;
      assert.equal(h.records, d.records);
      assert.equal(h.domains.top.reduce((n, t) => n + t.count, 0) <= d.records, true);
      assert.equal(h.domains.top[0].share, h.domains.largestShare);
      assert.ok(h.domains.buckets >= h.domains.top.length && h.domains.buckets > 1);
      assert.ok(h.confidence.min >= 0 && h.confidence.max <= 1);
      assert.equal(h.confidence.outside, 0);
      assert.equal(h.confidence.outsideShare, 0);
      assert.equal(h.persona.empty, 0);
      assert.ok(h.persona.min > 0 && h.persona.min <= h.persona.median && h.persona.median <= h.persona.p95);
      assert.equal(h.persona.nearDuplicateSample, d.records);
      assert.ok(h.persona.nearDuplicateRate >= 0 && h.persona.nearDuplicateRate <= 1);
      assert.deepEqual(h.ids, { checked: true, duplicates: 0 });
    }
    assert.deepEqual(t2p.hub.synthMethods, { text_to_persona: 250 });
    assert.deepEqual(t2p.hub.depths, { 0: 250 });
    assert.equal(t2p.hub.parents, null);
    assert.deepEqual(p2p.hub.synthMethods, { persona_to_persona: 500 });
    assert.deepEqual(p2p.hub.depths, { 1: 500 });
    // Every related persona's parent is a text-to-persona record of the same directory.
    assert.deepEqual(p2p.hub.parents && { checked: p2p.hub.parents.checked, links: p2p.hub.parents.links, missing: p2p.hub.parents.missing }, { checked: true, links: 250, missing: 0 });
    const md = await readFile(join(report, 'stats.md'), 'utf8');
    assert.match(md, /## Validation of .*hub\.parquet \(text-to-persona\)/);
    assert.match(md, /## Validation of .*hub\.parquet \(persona-to-persona\)/);
    const html = await readFile(join(report, 'report.html'), 'utf8');
    assert.ok(html.includes('<figure id="domains-text-to-persona"') && html.includes('<figure id="domains-persona-to-persona"'));
    assert.ok(!html.includes('id="marginal-'), 'no census chart');
  });

  it('one hub file alone (JSONL, no family in its name) is known by its columns and sidecar: hub checks, exit 0', async () => {
    const report = join(dir, 'report-t2p');
    const res = await runCli(['validate', join(dir, 't2p.jsonl'), '--report', report, '-q']);
    assert.equal(res.code, 0, res.stderr);
    const stats = JSON.parse(await readFile(join(report, 'stats.json'), 'utf8')) as HubSection;
    assert.equal(stats.kind, 'hub');
    assert.equal(stats.records, 250);
    assert.deepEqual(stats.gates.map((g) => g.passed), [true, true, true]);
  });

  it('a broken hub file fails the hub gates by name: a repeated id, a score outside [0,1], an empty persona (exit 1)', async () => {
    const lines = (await readFile(join(dir, 't2p.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    lines[3].id = lines[2].id;
    lines[5].confidence_score = 1.5;
    lines[7].persona = '';
    const bad = join(dir, 'bad.jsonl');
    await writeFile(bad, lines.map((l) => JSON.stringify(l)).join('\n'));
    const res = await runCli(['validate', bad]);
    assert.equal(res.code, 1);
    const failed = res.stdout.split('\n').filter((l) => l.startsWith('FAIL')).map((l) => l.slice(6, l.indexOf(':')));
    assert.deepEqual(failed, ['unique ids', 'confidence scores in [0,1]', 'personas present']);
  });

  it('the sidecars name the fields, the model and the endpoint host, and no census block', async () => {
    const t2p = JSON.parse(await readFile(join(dir, 'hub.parquet.text-to-persona.meta.json'), 'utf8'));
    const p2p = JSON.parse(await readFile(join(dir, 'hub.parquet.persona-to-persona.meta.json'), 'utf8'));
    for (const [meta, family] of [[t2p, 'text-to-persona'], [p2p, 'persona-to-persona']] as const) {
      assert.equal(meta.family, family);
      assert.deepEqual(meta.fields, HUB_FIELDS);
      assert.deepEqual(meta.llm, { model: 'mock', endpoints: [host] });
      assert.deepEqual(meta.narrative, { enabled: false, language: 'en', provider: null });
      assert.equal(meta.attributes, undefined, 'no census attributes for hub data');
      assert.equal(meta.census, undefined);
    }
  });

  it('the API key (OPENAI_API_KEY in the environment) is in no file the runs and validate wrote', async () => {
    const files: string[] = [];
    const walk = async (d: string) => {
      for (const e of await readdir(d, { withFileTypes: true })) (e.isDirectory() ? await walk(join(d, e.name)) : files.push(join(d, e.name)));
    };
    await walk(dir);
    assert.ok(files.some((f) => f.endsWith('.meta.json')) && files.some((f) => f.endsWith('.parquet')));
    for (const f of files) assert.ok(!(await readFile(f)).includes(KEY), `${f} holds the key`);
  });
});
