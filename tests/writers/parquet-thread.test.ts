/**
 * parquet-thread: what fails on the encoder's thread reaches the main thread as a GenStreamError — a system
 * error (here: a directory that does not exist) as E_IO with its path, an encoder failure as E_INTERNAL.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { GenStreamError } from '../../src/errors.js';
import type { PartProperties } from '../../src/writers/parquet-part.js';
import { PartThread } from '../../src/writers/parquet-thread.js';

const props: PartProperties = { compression: 'NONE', rowGroupRows: 1024, rowGroupBytes: 1 << 20, createdBy: 'gen-stream test', metadata: new Map(), plainColumns: [] };

describe('parquet-thread', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('a part that cannot be opened rejects with E_IO naming its path', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gen-stream-pqthread-'));
    dirs.push(dir);
    const path = join(dir, 'no-such-dir', 'part-0.parquet.tmp');
    const thread = new PartThread();
    try {
      const err = await thread.open(path, props).then(() => null, (e: unknown) => e);
      assert.ok(err instanceof GenStreamError, String(err));
      assert.equal(err.code, 'E_IO');
      assert.ok(err.message.includes(path), err.message);
    } finally {
      await thread.end();
    }
  });

  it('bytes the encoder cannot read reject with E_INTERNAL', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gen-stream-pqthread-'));
    dirs.push(dir);
    const thread = new PartThread();
    try {
      await thread.open(join(dir, 'part-0.parquet.tmp'), props);
      // write resolves once the batch before it is taken: the failure shows on the next call.
      const err = await thread
        .write(new Uint8Array([1, 2, 3, 4]))
        .then(() => thread.close())
        .then(() => null, (e: unknown) => e);
      assert.ok(err instanceof GenStreamError, String(err));
      assert.equal(err.code, 'E_INTERNAL');
    } finally {
      await thread.end();
    }
  });
});
