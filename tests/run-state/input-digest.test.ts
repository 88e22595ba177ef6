import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { GenStreamError } from '../../src/errors.js';
import { InputDigest, type InputMark } from '../../src/run-state/input-digest.js';

const lines = Array.from({ length: 50 }, (_, i) => `{"i":${i}}`);
const shaOf = (ls: readonly string[]) => createHash('sha256').update(ls.map((l) => `${l}\n`).join('')).digest('hex');

/** Feeds `ls` as the batcher does: one group, each position taken then counted, a mark at the group's end. */
function feed(d: InputDigest, ls: readonly string[], from = 0): number {
  for (const l of ls) d.push(l);
  let index = from;
  for (const _ of ls) {
    d.take();
    d.counted(++index);
  }
  d.mark(index);
  return index;
}

describe('input-digest', () => {
  it('a checkpoint at k gets the SHA-256 of the positions up to the last mark at or before k (boundaries exact)', () => {
    const d = new InputDigest({ every: 10 });
    feed(d, lines.slice(0, 7));
    feed(d, lines.slice(7, 23), 7);
    assert.deepEqual(d.at(20), { index: 20, positions: 20, sha256: shaOf(lines.slice(0, 20)) });
    // A stop at 23 (a batch end) is exact too; at 25 the mark at 23 stands.
    assert.deepEqual(d.at(25), { index: 23, positions: 23, sha256: shaOf(lines.slice(0, 23)) });
    assert.equal(new InputDigest({ every: 10 }).at(5), null);
  });

  it('resumed: the same input passes at the mark, another is refused there (E_CHECKPOINT), a shorter one at its end', async () => {
    const expect: InputMark = { index: 20, positions: 20, sha256: shaOf(lines.slice(0, 20)) };
    const same = new InputDigest({ every: 10, expect });
    assert.equal(same.checking, true);
    feed(same, lines.slice(0, 30));
    await same.checked;
    assert.equal(same.checking, false);
    // The checkpoint's own mark stands for its offset until the run passes it.
    assert.deepEqual(new InputDigest({ every: 10, expect }).at(20), expect);

    const other = new InputDigest({ every: 10, expect });
    const changed = [...lines];
    changed[3] = '{"i":"x"}';
    assert.throws(() => feed(other, changed.slice(0, 30)), (err: GenStreamError) => err.code === 'E_CHECKPOINT');
    await assert.rejects(other.checked, (err: GenStreamError) => err.code === 'E_CHECKPOINT');

    const short = new InputDigest({ every: 10, expect });
    feed(short, lines.slice(0, 12));
    short.ended(false);
    await assert.rejects(short.checked, (err: GenStreamError) => err.code === 'E_CHECKPOINT');

    // Stopped (a signal) before the mark: not a refusal; nothing was emitted.
    const stopped = new InputDigest({ every: 10, expect });
    feed(stopped, lines.slice(0, 5));
    stopped.ended(true);
    await stopped.checked;
  });
});
