import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DomainNormaliser, foldDomain } from '../src/hub/domains.js';
import { describePersona } from '../src/hub/describe-persona.js';
import { estimateTokens, truncateToTokens } from '../src/hub/truncate.js';
import { FIXTURES, parseLines, runCli } from './helpers/cli.js';
import { query } from './helpers/duckdb.js';
import { type MockOptions, MockLlm } from './helpers/mock-llm.js';

const CORPUS = join(FIXTURES, 'india-corpus.jsonl');
const BAD = join(FIXTURES, 'corpus-with-bad-lines.jsonl');

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-hub-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs a hub command against a fresh mock; returns the CLI result and the mock's counters. */
async function runHub(command: string, config: Record<string, unknown>, args: string[], mockOptions: Partial<MockOptions> = {}, input?: string) {
  const mock = new MockLlm(mockOptions);
  const url = await mock.listen();
  try {
    const configPath = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
    const llm = { baseUrl: url, model: 'mock', concurrency: 8, retryBaseMs: 5, retryMaxMs: 50, ...(config.llm as object | undefined) };
    await writeFile(configPath, JSON.stringify({ ...config, llm }));
    const result = await runCli([command, '--config', configPath, '-q', ...args], input);
    return { ...result, mock: mock.stats };
  } finally {
    await mock.close();
  }
}

const readJsonl = async (path: string) => parseLines(await readFile(path, 'utf8'));
const corpusLines = async (path: string) => (await readFile(path, 'utf8')).split('\n').slice(0, -1);

describe('text-to-persona', () => {
  it('every corpus line ends as exactly one persona or one failure, under 429s, 500s and invalid JSON', async () => {
    const out = join(dir, 't2p-faults.jsonl');
    const faults = { rate429: 0.1, rate500: 0.05, rateInvalidJson: 0.05, retryAfterMs: 5 };
    const res = await runHub('text-to-persona', {}, ['--input', CORPUS, '--out', out], faults);
    assert.equal(res.code, 0, res.stderr);
    assert.ok((res.mock.faults['429'] ?? 0) > 0 && (res.mock.faults['500'] ?? 0) > 0 && (res.mock.faults.invalid_json ?? 0) > 0);
    const lines = (await corpusLines(CORPUS)).map((l) => JSON.parse(l) as { id: string; text: string });
    const records = await readJsonl(out);
    const failed = await readFile(`${out}.failed.jsonl`, 'utf8').then(parseLines, () => []);
    assert.equal(records.length + failed.length, lines.length);
    const seen = [...records.map((r) => r.source_id), ...failed.map((f) => (f.record as { source_id: string }).source_id)].sort();
    assert.deepEqual(seen, lines.map((l) => l.id).sort(), 'each corpus id exactly once');
    // Each persona answers its own text, in corpus order.
    const byId = new Map(lines.map((l) => [l.id, l.text]));
    let last = -1;
    for (const r of records) {
      const opening = byId.get(String(r.source_id))!.split(/\s+/).slice(0, 10).join(' ');
      assert.ok(String(r.persona).includes(opening), `persona of ${String(r.source_id)} answers its own text`);
      const position = lines.findIndex((l) => l.id === r.source_id);
      assert.ok(position > last, 'corpus order kept');
      last = position;
      assert.equal(r.synth_method, 'text_to_persona');
      assert.ok(typeof r.confidence_score === 'number' && r.confidence_score >= 0 && r.confidence_score <= 1);
      assert.match(String(r.id), /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
  });

  it('ids and output are deterministic; a JSON array corpus gives the same records as JSONL; Parquet has the compact schema', async () => {
    const a = join(dir, 't2p-a.jsonl');
    const b = join(dir, 't2p-b.jsonl');
    const pq = join(dir, 't2p.parquet');
    const arrayPath = join(dir, 'corpus.json');
    const items = (await corpusLines(CORPUS)).map((l) => JSON.parse(l) as unknown);
    // Pretty-printed over many lines: the array is streamed by stream-json, not split by line.
    await writeFile(arrayPath, JSON.stringify(items, null, 2));
    const first = await runHub('text-to-persona', { seed: 7 }, ['--input', CORPUS, '--out', a, '--out', pq]);
    assert.equal(first.code, 0, first.stderr);
    const second = await runHub('text-to-persona', { seed: 7 }, ['--input', arrayPath, '--out', b], {}, undefined);
    assert.equal(second.code, 0, second.stderr);
    const textA = await readFile(a, 'utf8');
    assert.equal(textA, await readFile(b, 'utf8'));
    assert.equal(parseLines(textA).length, items.length);

    const columns = await query(`DESCRIBE SELECT * FROM read_parquet('${pq}/*.parquet')`);
    assert.deepEqual(
      columns.map((c) => [c[0], c[1]]),
      [
        ['id', 'VARCHAR'],
        ['persona', 'VARCHAR'],
        ['domain', 'VARCHAR'],
        ['synth_method', 'VARCHAR'],
        ['confidence_score', 'DOUBLE'],
        ['source_id', 'VARCHAR'],
        ['parent_id', 'VARCHAR'],
        ['relation', 'VARCHAR'],
        ['depth', 'INTEGER'],
        ['domain_raw', 'VARCHAR'],
        ['model', 'VARCHAR'],
      ],
    );
    const rows = await query(`SELECT id, persona, domain, confidence_score, source_id, parent_id FROM read_parquet('${pq}/*.parquet') ORDER BY filename, file_row_number`);
    const expected = parseLines(textA);
    assert.equal(rows.length, expected.length);
    assert.equal(new Set(rows.map((r) => r[0])).size, rows.length, 'unique ids');
    for (let i = 0; i < rows.length; i++) {
      assert.deepEqual(rows[i], [expected[i].id, expected[i].persona, expected[i].domain, expected[i].confidence_score, expected[i].source_id, null]);
    }
    assert.ok(rows.some((r) => r[3] === 1) && rows.some((r) => r[3] === 0), 'scores of exactly 0 and 1 survive as doubles');

    const otherSeed = await runHub('text-to-persona', { seed: 8 }, ['--input', CORPUS, '--out', join(dir, 't2p-c.jsonl')]);
    assert.equal(otherSeed.code, 0);
    const ids = new Set(parseLines(textA).map((r) => r.id));
    assert.ok(!(await readJsonl(join(dir, 't2p-c.jsonl'))).some((r) => ids.has(r.id)), 'another seed, other ids');
  });

  it('blank, textless and malformed lines go to the failure file with their file:line', async () => {
    const out = join(dir, 't2p-bad.jsonl');
    const res = await runHub('text-to-persona', {}, ['--input', BAD, '--out', out]);
    assert.equal(res.code, 0, res.stderr);
    const records = await readJsonl(out);
    assert.deepEqual(
      records.map((r) => r.source_id),
      ['ok-1', 'ok-2', `${BAD}:8`, 'ok-3'],
    );
    const failed = await readJsonl(`${out}.failed.jsonl`);
    assert.deepEqual(
      failed.map((f) => [f.index, (f.error as { code: string }).code]),
      [1, 2, 3, 5, 6].map((i) => [i, 'E_INPUT']),
    );
    for (const [k, line] of [2, 3, 4, 6, 7].entries()) assert.ok(String((failed[k].error as { message: string }).message).startsWith(`${BAD}:${line}: `));
    assert.equal(res.mock.requests, 4, 'no request is spent on an unusable line');
  });

  it('per-domain caps hold exactly, capped records are accounted for, and the domain table sums to the output', async () => {
    const free = join(dir, 't2p-free.jsonl');
    const capped = join(dir, 't2p-capped.jsonl');
    assert.equal((await runHub('text-to-persona', {}, ['--input', CORPUS, '--out', free])).code, 0);
    const res = await runHub('text-to-persona', { domains: { maxPerDomain: 7, synonyms: { sports: ['cricket'] } } }, ['--input', CORPUS, '--out', capped]);
    assert.equal(res.code, 0, res.stderr);
    const uncapped = new Map<string, number>();
    for (const r of await readJsonl(free)) {
      const d = String(r.domain) === 'cricket' ? 'sports' : String(r.domain);
      uncapped.set(d, (uncapped.get(d) ?? 0) + 1);
    }
    const records = await readJsonl(capped);
    const counts = new Map<string, number>();
    for (const r of records) counts.set(String(r.domain), (counts.get(String(r.domain)) ?? 0) + 1);
    assert.ok(!counts.has('cricket') && counts.get('sports') === 7, 'the synonym map sends cricket to sports');
    for (const [d, n] of uncapped) assert.equal(counts.get(d), Math.min(7, n), `domain ${d}`);
    const failed = await readJsonl(`${capped}.failed.jsonl`);
    assert.ok(failed.every((f) => (f.error as { code: string }).code === 'E_DOMAIN_CAP'));
    assert.equal(records.length + failed.length, 250);
    const table = JSON.parse(await readFile(`${capped}.domains.json`, 'utf8')) as { records: number; buckets: number; maxPerDomain: number; domains: Array<{ domain: string; count: number }> };
    assert.equal(table.records, records.length);
    assert.equal(table.domains.reduce((s, d) => s + d.count, 0), records.length);
    assert.equal(table.buckets, counts.size);
    assert.deepEqual(Object.fromEntries(table.domains.map((d) => [d.domain, d.count])), Object.fromEntries(counts));
  });

  it('a run stopped by the cost cap resumes to the same records, caps and table as one uninterrupted run', async () => {
    const config = { checkpoint: { every: 10 }, domains: { maxPerDomain: 9 }, llm: { prices: { mock: { input: 1, output: 1 } }, concurrency: 4 } };
    const whole = join(dir, 't2p-whole.jsonl');
    const parts = join(dir, 't2p-parts.jsonl');
    assert.equal((await runHub('text-to-persona', config, ['--input', CORPUS, '--out', whole])).code, 0);
    // 1,500 mock tokens a request at 1 per 1M tokens: the cap stops the intake after ~67 requests.
    const first = await runHub('text-to-persona', config, ['--input', CORPUS, '--out', parts, '--max-cost', '0.1']);
    assert.equal(first.code, 0, first.stderr);
    const partial = await readJsonl(parts);
    assert.ok(partial.length > 0 && partial.length < (await readJsonl(whole)).length);
    const second = await runHub('text-to-persona', config, ['--input', CORPUS, '--out', parts, '--resume']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(await readFile(parts, 'utf8'), await readFile(whole, 'utf8'));
    assert.equal(await readFile(`${parts}.failed.jsonl`, 'utf8'), await readFile(`${whole}.failed.jsonl`, 'utf8'));
    assert.equal(await readFile(`${parts}.domains.json`, 'utf8'), await readFile(`${whole}.domains.json`, 'utf8'));
  });

  it('--retry-failed asks again for the failed texts: with the first pass, exactly the records of a run without faults', async () => {
    const clean = join(dir, 't2p-clean.jsonl');
    const ok = await runHub('text-to-persona', { seed: 9 }, ['--input', CORPUS, '--out', clean]);
    assert.equal(ok.code, 0, ok.stderr);
    const out = join(dir, 't2p-first.jsonl');
    // No retries: every 500 fails its text.
    const first = await runHub('text-to-persona', { seed: 9, llm: { maxRetries: 0 } }, ['--input', CORPUS, '--out', out], { rate500: 0.2 });
    assert.equal(first.code, 0, first.stderr);
    const failed = await readJsonl(`${out}.failed.jsonl`);
    assert.ok(failed.length > 20, `${failed.length} failed`);
    const retried = join(dir, 't2p-retried.jsonl');
    const again = await runHub('text-to-persona', { seed: 9 }, ['--retry-failed', `${out}.failed.jsonl`, '--out', retried]);
    assert.equal(again.code, 0, again.stderr);
    const byId = (rs: Record<string, unknown>[]) => [...rs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    // The retried texts keep their place in the corpus, so their ids are the ones a first success would have had.
    assert.deepEqual(byId([...(await readJsonl(out)), ...(await readJsonl(retried))]), byId(await readJsonl(clean)));
  });

  it('without an llm block it is a usage error (exit 2)', async () => {
    const res = await runCli(['text-to-persona', '--input', CORPUS, '-q'], undefined);
    assert.equal(res.code, 2);
    assert.match(res.stderr, /E_USAGE.*needs an llm block/);
  });
});

describe('persona-to-persona', () => {
  it('K related personas per level, D levels deep, linked to their parents, relations distinct per parent', async () => {
    const seedOut = join(dir, 'p2p-seed.jsonl');
    assert.equal((await runHub('text-to-persona', {}, ['--input', CORPUS, '--out', seedOut])).code, 0);
    const roots = (await readJsonl(seedOut)).slice(0, 6);
    const input = `${roots.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const out = join(dir, 'p2p.jsonl');
    const relations = ['family_member', 'colleague', 'client', 'mentor'];
    const res = await runHub('persona-to-persona', { hub: { perPersona: 2, depth: 2, relations } }, ['--out', out], {}, input);
    assert.equal(res.code, 0, res.stderr);
    const records = await readJsonl(out);
    assert.equal(records.length, 6 * (2 + 4));
    const byId = new Map(records.map((r) => [r.id, r]));
    assert.equal(byId.size, records.length, 'unique ids');
    const rootIds = new Map(roots.map((r) => [r.id, r]));
    const children = new Map<unknown, string[]>();
    for (const r of records) {
      assert.equal(r.synth_method, 'persona_to_persona');
      assert.ok(relations.includes(String(r.relation)));
      const parent = r.depth === 1 ? rootIds.get(r.parent_id) : byId.get(r.parent_id);
      assert.ok(parent, `parent of ${String(r.id)} exists`);
      if (r.depth === 2) assert.equal(parent.depth, 1);
      children.set(r.parent_id, [...(children.get(r.parent_id) ?? []), String(r.relation)]);
      // hub.domainFrom "inherit": the root's domain all the way down.
      const root = rootIds.get(r.source_id)!;
      assert.equal(r.domain, root.domain);
      assert.ok(String(r.persona).includes(`The ${String(r.relation).replace(/_/g, ' ')} of`));
    }
    for (const [, rels] of children) {
      assert.equal(rels.length, 2);
      assert.equal(new Set(rels).size, 2);
    }
    // Deterministic: the same input and seed give the same file.
    const again = join(dir, 'p2p-again.jsonl');
    assert.equal((await runHub('persona-to-persona', { hub: { perPersona: 2, depth: 2, relations } }, ['--out', again], {}, input)).code, 0);
    assert.equal(await readFile(again, 'utf8'), await readFile(out, 'utf8'));
  });

  it('takes census personas from the core generator (their structured facts describe them)', async () => {
    const sample = await runCli(['sample', '-n', '5', '-q'], undefined);
    assert.equal(sample.code, 0);
    const census = parseLines(sample.stdout);
    const out = join(dir, 'p2p-census.jsonl');
    const res = await runHub('persona-to-persona', { hub: { perPersona: 1, domainFrom: 'infer' } }, ['--out', out], {}, sample.stdout);
    assert.equal(res.code, 0, res.stderr);
    const records = await readJsonl(out);
    assert.deepEqual(
      records.map((r) => [r.source_id, r.parent_id]),
      census.map((c) => [c.id, c.id]),
    );
    for (const [i, r] of records.entries()) assert.ok(String(r.persona).includes(String(census[i].name)), 'the prompt carried the census facts');
  });
});

describe('hub helpers', () => {
  it('domain labels fold case, spacing and punctuation, then synonyms (user over built-in)', () => {
    assert.equal(foldDomain('  Health   Care. '), 'health care');
    assert.equal(foldDomain('Arts & Crafts'), 'arts and crafts');
    const n = new DomainNormaliser({ sports: ['cricket', 'kabaddi'], 'health tech': ['medicine'] });
    assert.equal(n.bucket('CRICKET '), 'sports');
    assert.equal(n.bucket('Health Care'), 'healthcare');
    assert.equal(n.bucket('Medicine'), 'health tech');
    assert.equal(n.bucket('Quantum Basket-Weaving'), 'quantum basket weaving');
    assert.equal(n.bucket(' '), 'unknown');
    assert.equal(new DomainNormaliser({}, false).bucket('Health Care'), 'health care');
  });

  it('texts are cut at a word boundary to the token budget', () => {
    const text = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
    const cut = truncateToTokens(text, 100);
    assert.ok(cut.truncated);
    assert.ok(estimateTokens(cut.text) <= 100 && estimateTokens(cut.text) > 90);
    assert.match(cut.text, /word\d+$/);
    assert.deepEqual(truncateToTokens('short text', 100), { text: 'short text', truncated: false });
  });

  it('describes Persona Hub records by their persona and census records by summary and facts', () => {
    assert.equal(describePersona({ id: 'x', persona: ' A teacher. ' }), 'A teacher.');
    assert.equal(describePersona({ id: 'x', persona_summary: 'Ion, 40, farmer.', age: 40, sex: 'Masculin' }), 'Ion, 40, farmer.\nFacts: age: 40; sex: Masculin.');
    assert.equal(describePersona({ id: 'x', big_five: {} }), null);
  });
});
