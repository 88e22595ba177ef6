/**
 * Signals through the CLI: the first SIGINT/SIGTERM ends a run however its LLM server behaves (no retry after
 * it, requests in flight aborted at the drain timeout, their records left for --resume, never failed or lost),
 * a signal during set-up ends the run before it touches anything, the sample fast path ends at whole lines,
 * a second signal kills at once. Every test synchronises on what the process does (a request reaching the
 * mock, a trapped signal in /proc, output), never on time.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { type FileHandle, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { runsThroughRunner } from '../../src/commands/command.js';
import { COMMANDS } from '../../src/commands/table.js';
import { BIN, errorCode, parseLines, runCli } from '../helpers/cli.js';
import { MockLlm, type MockOptions } from '../helpers/mock-llm.js';

interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves to the exit code, or the signal the process died of. */
  closed: Promise<number | NodeJS.Signals | null>;
}

function start(args: readonly string[], stdin?: string): Running {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c));
  child.stderr!.on('data', (c: Buffer) => (err += c));
  child.stdin!.on('error', () => undefined);
  child.stdin!.end(stdin ?? '');
  const closed = new Promise<number | NodeJS.Signals | null>((resolve) => child.on('close', (code, signal) => resolve(code ?? signal)));
  return { child, stdout: () => out, stderr: () => err, closed };
}

async function until(ready: () => boolean | Promise<boolean>, what: string, running: Running): Promise<void> {
  let exited = false;
  void running.closed.then(() => (exited = true));
  while (!(await ready())) {
    if (exited) throw new Error(`the process ended before ${what}: ${running.stderr()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * A FIFO as the config file, and a writer that opens it: the open returns once the process has opened it to
 * read its config, so it is in its set-up, with its signals trapped (cli.ts traps them before the config).
 */
async function configFifo(path: string): Promise<{ inSetUp: Promise<FileHandle> }> {
  execFileSync('mkfifo', [path]);
  return { inSetUp: open(path, 'w') };
}

const exists = (path: string) => readFile(path).then(() => true, () => false);
const linesOf = async (path: string) => ((await exists(path)) ? parseLines(await readFile(path, 'utf8')) : []);

describe('signals', () => {
  let dir: string;
  let input: string;
  const N = 60;
  const mocks: MockLlm[] = [];

  /** A mock of its own for one run, and the config pointing at it. */
  async function mockConfig(options: Partial<MockOptions>, llm: Record<string, unknown> = {}): Promise<{ mock: MockLlm; config: string }> {
    const mock = new MockLlm(options);
    mocks.push(mock);
    const url = await mock.listen();
    const config = join(dir, `config-${mocks.length}.json`);
    await writeFile(config, JSON.stringify({ seed: 42, checkpoint: { every: 5 }, llm: { baseUrl: url, model: 'mock', concurrency: 4, grouping: 'single', ...llm } }));
    return { mock, config };
  }

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gen-stream-signals-'));
    input = join(dir, 'in.jsonl');
    const made = await runCli(['sample', '-q', '-n', String(N), '-o', input]);
    assert.equal(made.code, 0, made.stderr);
  });
  after(async () => {
    for (const m of mocks) await m.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('the first SIGINT ends a run whose server stops answering: exit 130, no record failed, and the resume writes every record once', async (t) => {
    const ref = join(dir, 'ref.jsonl');
    const normal = await mockConfig({});
    const full = await runCli(['narrate', '-q', '--config', normal.config, '--input', input, '--out', ref]);
    assert.equal(full.code, 0, full.stderr);

    // Answers 20 requests, then takes every request and never answers (the default timeouts are minutes).
    const hung = await mockConfig({ hangAfter: 20 });
    const out = join(dir, 'hung.jsonl');
    const run = start(['narrate', '-q', '--config', hung.config, '--input', input, '--out', out, '--drain-timeout', '1']);
    await until(() => (hung.mock.stats.faults.hang ?? 0) >= 4 && hung.mock.stats.inFlight >= 4, 'every request in flight hung', run);
    const t0 = performance.now();
    run.child.kill('SIGINT');
    assert.equal(await run.closed, 130, run.stderr());
    t.diagnostic(`exit ${((performance.now() - t0) / 1000).toFixed(2)} s after the SIGINT (--drain-timeout 1)`);
    assert.equal(hung.mock.stats.inFlight, 0, 'the requests in flight were aborted');
    assert.deepEqual(await linesOf(`${out}.failed.jsonl`), [], 'aborted records are not failures');
    const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { offset: number; written: number; failed: number; complete: boolean };
    assert.equal(cp.complete, false);
    assert.ok(cp.offset > 0 && cp.offset < N, `checkpoint at ${cp.offset}`);
    assert.equal(cp.failed, 0);
    assert.equal((await linesOf(out)).length, cp.offset, 'every record before the checkpoint is written, none after it');

    const resumed = await runCli(['narrate', '-q', '--config', normal.config, '--input', input, '--out', out, '--resume']);
    assert.equal(resumed.code, 0, resumed.stderr);
    const written = await linesOf(out);
    assert.equal(written.length + (await linesOf(`${out}.failed.jsonl`)).length, N, 'records out + failures = lines in');
    assert.ok((await readFile(out)).equals(await readFile(ref)), 'the resumed output differs from the uninterrupted run');
  });

  it('the first SIGINT starts no retry: records waiting out a backoff are left for the resume, not failed', async () => {
    // Every request is answered 500 and the backoffs run to minutes, the drain timeout to 10: only the end of
    // retrying can end this run.
    const failing = await mockConfig({ forceStatus: 500 }, { retryBaseMs: 60_000, retryMaxMs: 600_000 });
    const out = join(dir, 'backoff.jsonl');
    const run = start(['narrate', '-q', '--config', failing.config, '--input', input, '--out', out, '--drain-timeout', '600']);
    await until(() => failing.mock.stats.requests >= 4, 'four records asked', run);
    run.child.kill('SIGINT');
    assert.equal(await run.closed, 130, run.stderr());
    assert.deepEqual(await linesOf(`${out}.failed.jsonl`), [], 'records stopped retrying are not failures');
    const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { offset: number; complete: boolean };
    assert.deepEqual([cp.offset, cp.complete], [0, false]);
    assert.deepEqual(await linesOf(out), []);
  });

  it('a second signal kills at once, whatever is in flight', async () => {
    const hung = await mockConfig({ hangAfter: 0 });
    const out = join(dir, 'second.jsonl');
    const run = start(['narrate', '--config', hung.config, '--input', input, '--out', out, '--drain-timeout', '600']);
    await until(() => hung.mock.stats.inFlight >= 1, 'a request in flight', run);
    run.child.kill('SIGINT');
    await until(() => /SIGINT: finishing records in flight/.test(run.stderr()), 'the notice of the first signal', run);
    run.child.kill('SIGINT');
    assert.equal(await run.closed, 'SIGINT', run.stderr());
  });

  it('a SIGTERM during set-up ends the run before its first record: exit 130, nothing written', async () => {
    const out = join(dir, 'setup.jsonl');
    const before = '{"kept":"a file of the user\'s"}\n';
    await writeFile(out, before);
    // The config is read from a FIFO that gives nothing until the signal came: the run is in its set-up.
    const fifo = await configFifo(join(dir, 'setup.fifo'));
    const run = start(['-n', '100', '--config', join(dir, 'setup.fifo'), '--out', out]);
    const writer = await fifo.inSetUp;
    run.child.kill('SIGTERM');
    await until(() => /SIGTERM: stopping before the first record/.test(run.stderr()), 'the notice of the signal', run);
    await writer.writeFile('{}'); // the config comes late: the set-up was abandoned, nothing starts
    await writer.close();
    assert.equal(await run.closed, 130, run.stderr());
    assert.equal(await readFile(out, 'utf8'), before, 'the output was touched');
    assert.equal(await exists(`${out}.checkpoint.json`), false);
    assert.equal(run.stdout(), '');
  });

  it('a first signal any time after the trap exits 130, in set-up or in the run', async () => {
    const out = join(dir, 'early.jsonl');
    const fifo = await configFifo(join(dir, 'early.fifo'));
    const run = start(['-q', '--config', join(dir, 'early.fifo'), '-n', '1000000', '--out', out]);
    const writer = await fifo.inSetUp;
    await writer.writeFile(JSON.stringify({ narrative: { enabled: false } }));
    await writer.close();
    run.child.kill('SIGTERM');
    assert.equal(await run.closed, 130, run.stderr());
  });

  it('sample to stdout (the fast path): the first SIGINT ends the output at whole lines, exit 130', async () => {
    const run = start(['sample', '-q', '-n', '5000000']);
    await until(() => run.stdout().length > 0, 'the first records', run);
    run.child.kill('SIGINT');
    assert.equal(await run.closed, 130, run.stderr());
    const text = run.stdout();
    assert.ok(text.endsWith('\n'), 'the output ends mid-line');
    const records = parseLines(text);
    assert.ok(records.length > 0 && records.length < 5_000_000, `${records.length} records`);
  });

  it('only the commands that run through the runner trap signals from the start', () => {
    const trapping = COMMANDS.filter(runsThroughRunner).map((c) => c.name);
    assert.deepEqual(trapping, ['main', 'sample', 'narrate', 'write', 'dedup', 'text-to-persona', 'persona-to-persona', 'batch-import', 'judge']);
  });

  it('--drain-timeout takes seconds ≥ 0, on the commands that make LLM requests', async () => {
    for (const bad of ['-1', 'soon', '1e3', '86401']) {
      const res = await runCli(['narrate', '--drain-timeout', bad, '--input', input, '--out', join(dir, 'bad.jsonl')]);
      assert.equal(res.code, 2, bad);
      assert.equal(errorCode(res.stderr), 'E_USAGE', bad);
    }
    const sample = await runCli(['sample', '--drain-timeout', '5']);
    assert.equal(sample.code, 2);
    assert.equal(errorCode(sample.stderr), 'E_USAGE');
  });
});
