/**
 * The README's examples, run as written: every ```sh block, in order, in one scratch directory (so a block may
 * use the files an earlier one made), with `gen-stream` (and `npx gen-stream`) resolving to this checkout, as
 * they do after the set-up's `npm ci` + `npm link`. A block is skipped only when the line before it says
 * `<!-- example: not run (reason) -->` (a cluster, a paid endpoint). `$ cmd` lines are commands whose following
 * lines are sample output (not compared: ids and timings differ by machine); other blocks are bash scripts run
 * with `set -euo pipefail`. Each must exit 0.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BIN } from '../helpers/cli.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Example {
  /** 1-based line of the opening fence. */
  line: number;
  script: string;
  skip: string | null;
}

/** The ```sh blocks of a Markdown text: `$ ` lines become the script (their output lines dropped), else the block is the script. */
export function examplesOf(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const out: Example[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== '```sh') continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i].trim() !== '```'; i++) body.push(lines[i]);
    const marker = /<!-- example: not run \((.+)\) -->/.exec(lines[start - 1] ?? '') ?? /<!-- example: not run \((.+)\) -->/.exec(lines[start - 2] ?? '');
    const prompted = body.some((l) => l.startsWith('$ '));
    const script = prompted ? body.filter((l) => l.startsWith('$ ')).map((l) => l.slice(2)).join('\n') : body.join('\n');
    out.push({ line: start + 1, script, skip: marker ? marker[1] : null });
  }
  return out;
}

const scratch = mkdtempSync(join(tmpdir(), 'gen-stream-readme-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH directory where `gen-stream` is this checkout's, and `npx gen-stream` too (other npx calls pass through). */
function shims(): string {
  const dir = join(scratch, '.bin');
  mkdirSync(dir);
  writeFileSync(join(dir, 'gen-stream'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\nif [ "$1" = gen-stream ]; then shift; exec "${process.execPath}" "${BIN}" "$@"; fi\nPATH="${process.env.PATH}" exec npx "$@"\n`);
  for (const f of ['gen-stream', 'npx']) chmodSync(join(dir, f), 0o755);
  return dir;
}

describe('README examples run as written', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const examples = examplesOf(readme);
  const work = join(scratch, 'clone');
  mkdirSync(work);
  // The examples run from the clone's root: its fixtures, deploy files and bin/ are there.
  for (const f of ['bin', 'fixtures', 'deploy']) symlinkSync(join(ROOT, f), join(work, f));
  const path = `${shims()}:${process.env.PATH}`;

  it('the README has examples, and the set-up block is the one CI runs', () => {
    assert.ok(examples.length >= 8, `${examples.length} sh blocks`);
    assert.match(examples[0].script, /npm ci/);
  });

  // The set-up block is what CI itself runs (npm ci, npm test): not again from here.
  for (const ex of examples.slice(1)) {
    it(`README.md:${ex.line}`, { skip: ex.skip ?? false, timeout: 600_000 }, () => {
      // A block that fails half-way must not leave its background jobs (a mock server) holding our pipes.
      const script = `trap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n${ex.script}`;
      const res = spawnSync('bash', ['-euo', 'pipefail', '-c', script], { cwd: work, env: { ...process.env, PATH: path }, encoding: 'utf8', maxBuffer: 1 << 28, timeout: 590_000 });
      assert.equal(res.status, 0, `README.md:${ex.line} exited ${res.status}\n--- script\n${ex.script}\n--- stderr\n${res.stderr.slice(-3000)}`);
    });
  }
});
