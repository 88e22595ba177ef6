/**
 * Progress and summary lines: the pure lines (a resume counts on from its checkpoint, its rate and ETA are of
 * this run's records, the summary counts this run's records and the outputs' in all), and through the CLI what
 * each command prints on stderr, and that -q leaves only errors.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { FRESH, intervalOf, progressLine, readLine, type RunBase, sinceStart, writtenPhrase } from '../../src/run/progress.js';
import { RunStats } from '../../src/run-state/run-stats.js';
import { BIN, parseLines, runCli } from '../helpers/cli.js';

describe('progress line', () => {
  it('shows done/total, rate, in flight, retries, failures, tokens, cost and ETA', () => {
    const stats = new RunStats();
    Object.assign(stats, { total: 1000, done: 240, failed: 10, inFlight: 16, requests: 800, retries: 12, promptTokens: 400_000, completionTokens: 200_000, cost: 0.1234 });
    const line = progressLine(stats, { ...FRESH, stage: true }, stats.startedAt + 10_000);
    assert.equal(line, 'gen-stream: 250/1000 records, 25.0/s | in flight 16 | retries 12 | tokens 600k | cost 0.1234 | failed 10 | ETA 30s');
  });

  it('leaves out LLM columns and ETA when the total is unknown; without a record stage, written records count', () => {
    const stats = new RunStats();
    stats.written = 5000;
    assert.equal(progressLine(stats, FRESH, stats.startedAt + 2_000), 'gen-stream: 5000 records, 2500.0/s | failed 0');
  });

  it('a resume counts on from its checkpoint; rate and ETA are of this run\'s records', () => {
    // The checkpoint had 74,688 positions settled (2 of them failed); this run wrote 50,000 more in 10 s.
    const stats = new RunStats();
    Object.assign(stats, { total: 200_000, written: 74_686 + 50_000, failed: 2 });
    const base: RunBase = { offset: 74_688, resumed: true, rangeStart: 0, written: 74_686, failed: 2, stage: false };
    assert.equal(progressLine(stats, base, stats.startedAt + 10_000), 'gen-stream: 124688/200000 records (resumed at 74688), 5000.0/s | failed 2 | ETA 15s');
  });

  it('a shard counts from its range\'s start: positions 500–999 are 0/500', () => {
    const stats = new RunStats();
    Object.assign(stats, { total: 1000, written: 100 });
    assert.equal(progressLine(stats, { ...FRESH, rangeStart: 500 }, stats.startedAt + 1_000), 'gen-stream: 100/500 records, 100.0/s | failed 0 | ETA 4s');
  });

  it('the summary says this run\'s records, and for a resume the outputs\' total', () => {
    const stats = new RunStats();
    stats.written = 200_000;
    assert.equal(writtenPhrase(stats, FRESH), '200000 records written');
    assert.equal(writtenPhrase(stats, { ...FRESH, offset: 74_688, resumed: true, written: 74_688 }), '125312 records written this run (200000 in all)');
  });

  it('times are measured from the process start; the read line; the interval off a terminal', () => {
    assert.equal(sinceStart(performance.timeOrigin + 1500), 1.5);
    assert.equal(new RunStats().startedAt, performance.timeOrigin);
    assert.equal(readLine(3000, 2), 'gen-stream: 3000 records read, 1500.0/s');
    assert.equal(intervalOf({}), 5000);
    assert.equal(intervalOf({ GEN_STREAM_PROGRESS_MS: '20' }), 20);
    assert.equal(intervalOf({ GEN_STREAM_PROGRESS_MS: 'soon' }), 5000);
    assert.equal(intervalOf({ GEN_STREAM_PROGRESS_MS: '0' }), 5000);
  });
});

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-progress-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A CLI child whose stdin the test holds open: the run waits on it, so whatever the test waits for on stderr
 * (a progress line, a checkpoint file) is reached before the input ends, at any speed.
 */
function holdOpen(args: readonly string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'ignore', 'pipe'], env: { ...process.env, ...env } });
  // A signalled run closes its input unread: the rest of what the test wrote meets EPIPE, which is expected.
  child.stdin.on('error', (err: NodeJS.ErrnoException) => assert.equal(err.code, 'EPIPE'));
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stderr.on('data', (c: Buffer) => {
    stderr += c;
    for (const w of waiters.splice(0)) w();
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return {
    child,
    stderr: () => stderr,
    closed,
    /** Resolves to the first match of `re` on stderr (rejects if the child ends first). */
    async waitFor(re: RegExp): Promise<RegExpExecArray> {
      let ended = false;
      void closed.then(() => {
        ended = true;
        for (const w of waiters.splice(0)) w();
      });
      for (;;) {
        const m = re.exec(stderr);
        if (m) return m;
        if (ended) throw new Error(`the child ended without printing ${re}: ${stderr}`);
        await new Promise<void>((r) => waiters.push(r));
      }
    },
  };
}

const exists = (path: string) => readFile(path).then(() => true, () => false);

describe('progress, summaries and -q through the CLI', () => {
  let records: string;
  before(async () => {
    const res = await runCli(['sample', '-q', '-n', '3000', '--seed', '7']);
    assert.equal(res.code, 0, res.stderr);
    records = res.stdout;
  });

  it('validate and card: a summary on stderr with the records read; -q prints nothing (exit 0)', async () => {
    const data = join(dir, 'data');
    const file = join(data, 'p.jsonl');
    assert.equal((await runCli(['sample', '-q', '-n', '10000', '-o', file])).code, 0);
    const loud = await runCli(['validate', file]);
    assert.equal(loud.code, 0, loud.stderr);
    assert.equal(Number(/^gen-stream: (\d+) records: all gates passed \([\d.]+ s\)$/m.exec(loud.stderr)?.[1]), 10000, loud.stderr);
    const quiet = await runCli(['validate', file, '-q']);
    assert.deepEqual(quiet, { code: 0, stdout: '', stderr: '' });
    const card = await runCli(['card', data]);
    assert.equal(card.code, 0, card.stderr);
    assert.equal(Number(/\((\d+) records read, [\d.]+ s\)$/m.exec(card.stderr)?.[1]), 10000, card.stderr);
    assert.deepEqual(await runCli(['card', data, '-q']), { code: 0, stdout: '', stderr: '' });
  });

  it('dedup -q prints nothing; without -q its summary counts every record read', async () => {
    // Names repeat among 500 personas: compared by name, some records are duplicates.
    const input = join(dir, 'dedup-in.jsonl');
    assert.equal((await runCli(['sample', '-q', '-n', '500', '-o', input])).code, 0);
    assert.deepEqual(await runCli(['dedup', '--input', input, '--field', 'name', '--out', join(dir, 'dedup-q.jsonl'), '-q']), { code: 0, stdout: '', stderr: '' });
    const loud = await runCli(['dedup', '--input', input, '--field', 'name', '--out', join(dir, 'dedup.jsonl')]);
    assert.equal(loud.code, 0, loud.stderr);
    assert.equal(Number(/\((\d+) read\)/.exec(loud.stderr)?.[1]), 500, loud.stderr);
  });

  it('SIGINT under -q: nothing on stderr, exit 130; the resume counts on from the checkpoint and its summary counts this run', async () => {
    const out = join(dir, 'resume.jsonl');
    const config = join(dir, 'resume-config.json');
    await writeFile(config, JSON.stringify({ checkpoint: { every: 256 } }));
    // The first run gets every record but its stdin stays open: it is interrupted waiting for more.
    const first = holdOpen(['write', '--config', config, '--out', out, '-q']);
    first.child.stdin.write(records);
    while (!(await exists(`${out}.checkpoint.json`))) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGINT');
    first.child.stdin.end();
    assert.equal(await first.closed, 130);
    assert.equal(first.stderr(), '', 'nothing but errors under -q');
    const cp = JSON.parse(await readFile(`${out}.checkpoint.json`, 'utf8')) as { offset: number; written: number; complete: boolean };
    assert.ok(!cp.complete && cp.offset > 0 && cp.offset < 3000, `checkpoint at ${cp.offset}`);

    const second = holdOpen(['write', '--config', config, '--out', out, '--resume'], { GEN_STREAM_PROGRESS_MS: '20' });
    second.child.stdin.write(records);
    const line = await second.waitFor(/^gen-stream: (\d+) records \(resumed at (\d+)\), [\d.]+\/s/m);
    assert.equal(Number(line[2]), cp.offset, line[0]);
    assert.ok(Number(line[1]) >= cp.offset, line[0]);
    second.child.stdin.end();
    assert.equal(await second.closed, 0, second.stderr());
    const summary = /^gen-stream: (\d+) records written this run \((\d+) in all\) in [\d.]+ s/m.exec(second.stderr());
    assert.ok(summary, second.stderr());
    assert.equal(Number(summary[1]) + cp.written, Number(summary[2]));
    assert.equal(Number(summary[2]), 3000);
    assert.equal(parseLines(await readFile(out, 'utf8')).length, 3000);

    // Resuming the complete run: nothing to do, and under -q nothing said.
    assert.deepEqual(await runCli(['write', '--config', config, '--out', out, '--resume', '-q']), { code: 0, stdout: '', stderr: '' });
    const loud = await runCli(['write', '--config', config, '--out', out, '--resume']);
    assert.equal(loud.code, 0);
    assert.match(loud.stderr, /nothing to resume/);
  });

  it('SIGINT without -q says it is finishing the records in flight', async () => {
    const out = join(dir, 'loud.jsonl');
    const run = holdOpen(['write', '--out', out]);
    run.child.stdin.write(records);
    // The progress timer is off a terminal and 5 s by default: wait for the checkpoint instead.
    while (!(await exists(`${out}.checkpoint.json`))) await new Promise((r) => setTimeout(r, 10));
    run.child.kill('SIGINT');
    await run.waitFor(/SIGINT: finishing records in flight/);
    run.child.stdin.end();
    assert.equal(await run.closed, 130);
  });
});
