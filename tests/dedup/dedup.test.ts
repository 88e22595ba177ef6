import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';
import { makeRandom, personaTexts } from './harness.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-dedup-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rnd = makeRandom(7);
const persona = personaTexts(rnd);

describe('gen-stream dedup', () => {
  it('finds planted exact and near duplicates (one word of 60 changed), removes nothing distinct', async () => {
    const originals = Array.from({ length: 1000 }, (_, i) => ({ id: `p${i}`, persona: persona() }));
    const planted: Array<{ id: string; persona: string; of: string }> = [];
    for (let i = 0; i < 150; i++) {
      const source = originals[i * 6];
      const words = source.persona.split(' ');
      if (i % 3 === 0) planted.push({ id: `x${i}`, persona: `${source.persona.toUpperCase()}!`, of: source.id });
      else {
        words[Math.floor(rnd() * words.length)] = 'altered';
        planted.push({ id: `n${i}`, persona: words.join(' '), of: source.id });
      }
    }
    const input = [...originals, ...planted.map(({ id, persona: p }) => ({ id, persona: p }))];
    const file = join(dir, 'in.jsonl');
    await writeFile(file, input.map((r) => JSON.stringify(r)).join('\n'));
    const out = join(dir, 'kept.jsonl');
    // Without -q: the summary is asserted below (-q silences it).
    const res = await runCli(['dedup', '--input', file, '--out', out]);
    assert.equal(res.code, 0, res.stderr);
    const kept = parseLines(await readFile(out, 'utf8'));
    const removed = parseLines(await readFile(`${out}.removed.jsonl`, 'utf8'));
    assert.equal(kept.length + removed.length, input.length, 'kept + removed = input');
    assert.deepEqual(kept.slice(0, 1000).map((r) => r.id), originals.map((r) => r.id), 'no distinct persona removed, order kept');
    const found = planted.filter((p) => removed.some((r) => r.id === p.id && r.duplicate_of === p.of));
    assert.ok(found.length / planted.length >= 0.95, `recall ${found.length}/${planted.length}`);
    assert.ok(removed.filter((r) => r.kind === 'exact').length >= 45);
    assert.match(res.stderr, /dedup kept \d+, removed \d+ exact and \d+ near duplicates/);
  });

  it('refuses --resume', async () => {
    const res = await runCli(['dedup', '-q', '--resume', '--out', join(dir, 'r.jsonl')], '');
    assert.equal(res.code, 2);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
  });
});
