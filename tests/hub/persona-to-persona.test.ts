import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseLines, runCli } from '../helpers/cli.js';
import { CORPUS, readJsonl, runHub, workspace } from './harness.js';

const ws = workspace();

describe('persona-to-persona', () => {
  it('K related personas per level, D levels deep, linked to their parents, relations distinct per parent', async () => {
    const seedOut = join(ws.dir, 'p2p-seed.jsonl');
    assert.equal((await runHub(ws, 'text-to-persona', {}, ['--input', CORPUS, '--out', seedOut])).code, 0);
    const roots = (await readJsonl(seedOut)).slice(0, 6);
    const input = `${roots.map((r) => JSON.stringify(r)).join('\n')}\n`;
    const out = join(ws.dir, 'p2p.jsonl');
    const relations = ['family_member', 'colleague', 'client', 'mentor'];
    const res = await runHub(ws, 'persona-to-persona', { hub: { perPersona: 2, depth: 2, relations } }, ['--out', out], {}, input);
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
    const again = join(ws.dir, 'p2p-again.jsonl');
    assert.equal((await runHub(ws, 'persona-to-persona', { hub: { perPersona: 2, depth: 2, relations } }, ['--out', again], {}, input)).code, 0);
    assert.equal(await readFile(again, 'utf8'), await readFile(out, 'utf8'));
  });

  it('takes census personas from the core generator (their structured facts describe them)', async () => {
    const sample = await runCli(['sample', '-n', '5', '-q'], undefined);
    assert.equal(sample.code, 0);
    const census = parseLines(sample.stdout);
    const out = join(ws.dir, 'p2p-census.jsonl');
    const res = await runHub(ws, 'persona-to-persona', { hub: { perPersona: 1, domainFrom: 'infer' } }, ['--out', out], {}, sample.stdout);
    assert.equal(res.code, 0, res.stderr);
    const records = await readJsonl(out);
    assert.deepEqual(
      records.map((r) => [r.source_id, r.parent_id]),
      census.map((c) => [c.id, c.id]),
    );
    for (const [i, r] of records.entries()) assert.ok(String(r.persona).includes(String(census[i].name)), 'the prompt carried the census facts');
  });
});
