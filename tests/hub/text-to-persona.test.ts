import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { query } from '../helpers/duckdb.js';
import { BAD, CORPUS, corpusLines, readJsonl, runHub, workspace } from './harness.js';

const ws = workspace();

describe('text-to-persona', () => {
  it('every corpus line ends as exactly one persona or one failure, under 429s, 500s and invalid JSON', async () => {
    const out = join(ws.dir, 't2p-faults.jsonl');
    const faults = { rate429: 0.1, rate500: 0.05, rateInvalidJson: 0.05, retryAfterMs: 5 };
    const res = await runHub(ws, 'text-to-persona', {}, ['--input', CORPUS, '--out', out], faults);
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
    const a = join(ws.dir, 't2p-a.jsonl');
    const b = join(ws.dir, 't2p-b.jsonl');
    const pq = join(ws.dir, 't2p.parquet');
    const arrayPath = join(ws.dir, 'corpus.json');
    const items = (await corpusLines(CORPUS)).map((l) => JSON.parse(l) as unknown);
    // Pretty-printed over many lines: the array is streamed by stream-json, not split by line.
    await writeFile(arrayPath, JSON.stringify(items, null, 2));
    const first = await runHub(ws, 'text-to-persona', { seed: 7 }, ['--input', CORPUS, '--out', a, '--out', pq]);
    assert.equal(first.code, 0, first.stderr);
    const second = await runHub(ws, 'text-to-persona', { seed: 7 }, ['--input', arrayPath, '--out', b], {}, undefined);
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

    const otherSeed = await runHub(ws, 'text-to-persona', { seed: 8 }, ['--input', CORPUS, '--out', join(ws.dir, 't2p-c.jsonl')]);
    assert.equal(otherSeed.code, 0);
    const ids = new Set(parseLines(textA).map((r) => r.id));
    assert.ok(!(await readJsonl(join(ws.dir, 't2p-c.jsonl'))).some((r) => ids.has(r.id)), 'another seed, other ids');
  });

  it('blank, textless and malformed lines go to the failure file with their file:line', async () => {
    const out = join(ws.dir, 't2p-bad.jsonl');
    const res = await runHub(ws, 'text-to-persona', {}, ['--input', BAD, '--out', out]);
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
    const free = join(ws.dir, 't2p-free.jsonl');
    const capped = join(ws.dir, 't2p-capped.jsonl');
    assert.equal((await runHub(ws, 'text-to-persona', {}, ['--input', CORPUS, '--out', free])).code, 0);
    const res = await runHub(ws, 'text-to-persona', { domains: { maxPerDomain: 7, synonyms: { sports: ['cricket'] } } }, ['--input', CORPUS, '--out', capped]);
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
    const whole = join(ws.dir, 't2p-whole.jsonl');
    const parts = join(ws.dir, 't2p-parts.jsonl');
    assert.equal((await runHub(ws, 'text-to-persona', config, ['--input', CORPUS, '--out', whole])).code, 0);
    // 1,500 mock tokens a request at 1 per 1M tokens: the cap stops the intake after ~67 requests.
    const first = await runHub(ws, 'text-to-persona', config, ['--input', CORPUS, '--out', parts, '--max-cost', '0.1']);
    assert.equal(first.code, 0, first.stderr);
    const partial = await readJsonl(parts);
    assert.ok(partial.length > 0 && partial.length < (await readJsonl(whole)).length);
    const second = await runHub(ws, 'text-to-persona', config, ['--input', CORPUS, '--out', parts, '--resume']);
    assert.equal(second.code, 0, second.stderr);
    assert.equal(await readFile(parts, 'utf8'), await readFile(whole, 'utf8'));
    assert.equal(await readFile(`${parts}.failed.jsonl`, 'utf8'), await readFile(`${whole}.failed.jsonl`, 'utf8'));
    assert.equal(await readFile(`${parts}.domains.json`, 'utf8'), await readFile(`${whole}.domains.json`, 'utf8'));
  });

  it('--retry-failed asks again for the failed texts: with the first pass, exactly the records of a run without faults', async () => {
    const clean = join(ws.dir, 't2p-clean.jsonl');
    const ok = await runHub(ws, 'text-to-persona', { seed: 9 }, ['--input', CORPUS, '--out', clean]);
    assert.equal(ok.code, 0, ok.stderr);
    const out = join(ws.dir, 't2p-first.jsonl');
    // No retries: every 500 fails its text.
    const first = await runHub(ws, 'text-to-persona', { seed: 9, llm: { maxRetries: 0 } }, ['--input', CORPUS, '--out', out], { rate500: 0.2 });
    assert.equal(first.code, 0, first.stderr);
    const failed = await readJsonl(`${out}.failed.jsonl`);
    assert.ok(failed.length > 20, `${failed.length} failed`);
    const retried = join(ws.dir, 't2p-retried.jsonl');
    const again = await runHub(ws, 'text-to-persona', { seed: 9 }, ['--retry-failed', `${out}.failed.jsonl`, '--out', retried]);
    assert.equal(again.code, 0, again.stderr);
    const byId = (rs: Record<string, unknown>[]) => [...rs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    // The retried texts keep their place in the corpus, so their ids are the ones a first success would have had.
    assert.deepEqual(byId([...(await readJsonl(out)), ...(await readJsonl(retried))]), byId(await readJsonl(clean)));
  });

  it('without an llm block it is a usage error (exit 2)', async () => {
    const res = await runCli(['text-to-persona', '--input', CORPUS, '-q'], undefined);
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
  });
});
