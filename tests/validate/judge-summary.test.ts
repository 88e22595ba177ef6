import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JUDGE_CRITERIA } from '../../src/prompts/judge.js';
import { JudgeCounter, WORST_PER_CRITERION } from '../../src/validate/judge-summary.js';

const row = (id: number, score: (c: string) => unknown) =>
  Object.fromEntries([['id', `r${id}`], ['judge_model', 'm'], ...JUDGE_CRITERIA.flatMap((c) => [[c.name, score(c.name)], [`${c.name}_reason`, `why ${id}`]])]);

describe('JudgeCounter (validate --judge)', () => {
  it('means, distributions, the share at 1–2 and the lowest rows per criterion', () => {
    const counter = new JudgeCounter();
    for (let i = 0; i < 100; i++) counter.add(row(i, (c) => (c === 'coherence' ? 1 + (i % 5) : 5)));
    const r = counter.report('scores.jsonl');
    assert.equal(r.rows, 100);
    assert.equal(r.malformed, 0);
    const coherence = r.criteria.find((c) => c.criterion === 'coherence')!;
    assert.deepEqual(coherence.distribution, [20, 20, 20, 20, 20]);
    assert.equal(coherence.mean, 3);
    assert.equal(coherence.lowShare, 0.4);
    assert.equal(coherence.worst.length, WORST_PER_CRITERION);
    assert.deepEqual(coherence.worst.map((w) => [w.id, w.score]), [['r0', 1], ['r5', 1], ['r10', 1], ['r15', 1], ['r20', 1]]);
    const lang = r.criteria.find((c) => c.criterion === 'language_correctness')!;
    assert.deepEqual([lang.mean, lang.lowShare], [5, 0]);
  });

  it('scores that are not whole numbers 1–5 are counted as malformed, not averaged', () => {
    const counter = new JudgeCounter();
    counter.add(row(1, () => 4));
    counter.add(row(2, (c) => (c === 'specificity' ? 7 : c === 'coherence' ? '3' : 2.5)));
    const r = counter.report('x');
    assert.equal(r.malformed, JUDGE_CRITERIA.length);
    assert.ok(r.criteria.every((c) => c.scored === 1 && c.mean === 4));
  });
});
