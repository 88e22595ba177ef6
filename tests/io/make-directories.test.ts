import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectories } from '../../src/io/files.js';

describe('makeDirectories (mkdir -p that always ends)', () => {
  it('makes every missing level and accepts an existing directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gs-mkdir-'));
    await makeDirectories(join(dir, 'a', 'b', 'c'));
    assert.ok((await stat(join(dir, 'a', 'b', 'c'))).isDirectory());
    await makeDirectories(join(dir, 'a', 'b'));
  });

  it('a file where a directory should be is ENOTDIR', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gs-mkdir-'));
    await writeFile(join(dir, 'f'), 'x');
    await assert.rejects(makeDirectories(join(dir, 'f', 'sub')), { code: 'ENOTDIR' });
  });

  it('under /proc, where recursive mkdir of Node 20 never returns, it fails with a code', async () => {
    await assert.rejects(makeDirectories('/proc/nonexistent/dir'), (err: NodeJS.ErrnoException) => typeof err.code === 'string');
  });
});
