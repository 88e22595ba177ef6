/** What a user gets wrong on the command line is answered with a code and exit 2, never a stack trace. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { errorCode, parseLines, runCli } from '../helpers/cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-usage-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function refused(args: string[], code = 'E_USAGE', exit = 2): Promise<string> {
  const res = await runCli(args);
  assert.equal(res.code, exit, `${args.join(' ')}: ${res.stderr}`);
  assert.equal(errorCode(res.stderr), code, args.join(' '));
  assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
  return res.stderr;
}

describe('command-line mistakes', () => {
  it('an unknown option is E_USAGE and names the nearest flag', async () => {
    const stderr = await refused(['sample', '--cout', '5']);
    // The suggestion is the behaviour under test: the nearest flag must be named.
    assert.match(stderr, /--count\?/);
  });

  it('a negative count is E_USAGE (not parseArgs\' "ambiguous")', async () => {
    await refused(['sample', '-n', '-5']);
    await refused(['sample', '--seed', '-1']);
  });

  it('a flag the command does not take is refused', async () => {
    await refused(['describe', '-o', join(dir, 'foo.jsonl'), '--resume']);
    await refused(['sample', '--report', join(dir, 'r')]);
    assert.equal(existsSync(join(dir, 'foo.jsonl')), false);
  });

  it('--format contradicting the output\'s extension is refused; --format csv to stdout writes CSV', async () => {
    await refused(['sample', '-n', '5', '-o', join(dir, 'x.parquet'), '--format', 'csv']);
    assert.equal(existsSync(join(dir, 'x.parquet')), false);
    const csv = await runCli(['sample', '-q', '-n', '5', '--format', 'csv']);
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(csv.stdout.trim().split('\n').length, 6, 'a header and five rows');
    assert.match(csv.stdout, /^id,/);
  });

  it('--version and help COMMAND work; an unknown help topic is E_USAGE', async () => {
    const version = await runCli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^gen-stream \d+\.\d+\.\d+\n$/);
    const help = await runCli(['help', 'sample']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: gen-stream sample/);
    assert.match(help.stdout, /--shard/, 'help lists every flag the command takes');
    await refused(['help', 'nope']);
  });

  it('validate of a missing file is exit 2 with a code', async () => {
    const res = await runCli(['validate', join(dir, 'nonexist.jsonl')]);
    assert.equal(res.code, 2);
    assert.ok(['E_INPUT', 'E_IO'].includes(errorCode(res.stderr) ?? ''), res.stderr);
  });

  it('a full device is E_IO, exit 1, no stack trace', async () => {
    await refused(['sample', '-q', '-n', '20000', '-o', '/dev/full', '--format', 'jsonl'], 'E_IO', 1);
  });

  it('missing parent directories of an output are made', async () => {
    const out = join(dir, 'out', 'deep', 'p.jsonl');
    const res = await runCli(['-q', '-n', '10', '-o', out]);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(parseLines(await readFile(out, 'utf8')).length, 10);
  });
});
