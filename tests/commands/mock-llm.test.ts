/**
 * `gen-stream mock-llm`: the loopback mock as users run it. Each test synchronises on the ready line the
 * process prints, never on time.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, FIXTURES, errorCode, parseLines, runCli } from '../helpers/cli.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-mock-llm-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface RunningMock {
  child: ChildProcess;
  url: string;
  /** The ready line, as printed. */
  ready: string;
  /** Sends `signal` and resolves to the exit code and everything written on stderr. */
  stop: (signal: NodeJS.Signals) => Promise<{ code: number | null; stderr: string }>;
}

/** Starts `gen-stream mock-llm ARGS` and resolves once it printed its ready line (rejects if it ends first). */
function startMock(args: readonly string[]): Promise<RunningMock> {
  const child = spawn(process.execPath, [BIN, 'mock-llm', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  let stdout = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c));
  const closed = once(child, 'close') as Promise<[number | null]>;
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      const before = stderr;
      stderr += c;
      const ready = /^gen-stream: mock-llm listening on (\S+) .*$/m.exec(stderr);
      if (ready && !/listening on/.test(before)) {
        resolve({
          child,
          url: ready[1],
          ready: ready[0],
          async stop(signal) {
            child.kill(signal);
            const [code] = await closed;
            assert.equal(stdout, '', 'the mock writes nothing on stdout');
            return { code, stderr };
          },
        });
      }
    });
    void closed.then(([code]) => reject(new Error(`mock-llm ended (exit ${code}) before its ready line: ${stderr}`)));
  });
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const CHAT = { model: 'mock', messages: [{ role: 'user', content: 'Persona facts (JSON):\n{"name":"Ana Rusu","age":40,"district":"Orhei"}\n\n- "persona_summary": one line' }] };

describe('gen-stream mock-llm', () => {
  it('serves the LLM fixture without a key: 20 records, each narrated for itself; SIGTERM closes it, exit 0, with its counts', async () => {
    const mock = await startMock(['--port', '0']);
    // The ready line says plainly that the text is not a model's.
    assert.match(mock.ready, /^gen-stream: mock-llm listening on http:\/\/127\.0\.0\.1:\d+\/v1 \(answers are canned text built from the prompt, not a model's\)$/);
    const out = join(dir, 'p.jsonl');
    const run = await runCli(['--config', join(FIXTURES, 'moldova-llm.json'), '--llm-base-url', mock.url, '-n', '20', '-o', out], undefined, { OPENAI_API_KEY: '' });
    assert.equal(run.code, 0, run.stderr);
    const records = parseLines(await readFile(out, 'utf8'));
    assert.equal(records.length, 20);
    for (const [i, r] of records.entries()) {
      const ref = `[ref ${String(r.name)}|${String(r.age)}|${String(r.district)}]`;
      for (const f of ['descriere_generala', 'cultural_background', 'persona_summary']) assert.ok(String(r[f]).includes(ref), `record ${i}: ${f} missing or written for another record`);
    }
    const stats = (await (await fetch(mock.url.replace(/\/v1$/, '/stats'))).json()) as { requests: number; answered: number };
    assert.deepEqual([stats.requests, stats.answered], [60, 60], 'three requests a record (llm.grouping "three"), all answered');
    const { code, stderr } = await mock.stop('SIGTERM');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /^gen-stream: mock-llm stopped on SIGTERM: 60 requests, 60 answered$/m, 'GET /stats is not counted');
  });

  it('SIGINT closes it too, exit 0', async () => {
    const mock = await startMock(['--port', '0']);
    const { code, stderr } = await mock.stop('SIGINT');
    assert.equal(code, 0, stderr);
    assert.match(stderr, /stopped on SIGINT: 0 requests, 0 answered$/m);
  });

  it('the fault and key flags reach the server: --rate-500 1, --rate-invalid-json 1, --require-key', async () => {
    const failing = await startMock(['--port', '0', '--rate-500', '1']);
    const res500 = await post(failing.url, CHAT);
    assert.equal(res500.status, 500);
    await res500.body?.cancel();
    assert.match((await failing.stop('SIGTERM')).stderr, /faults: 500 1$/m);

    const cut = await startMock(['--port', '0', '--rate-invalid-json', '1']);
    const answer = (await (await post(cut.url, CHAT)).json()) as { choices: Array<{ message: { content: string } }> };
    assert.throws(() => JSON.parse(answer.choices[0].message.content) as unknown, SyntaxError);
    await cut.stop('SIGTERM');

    const keyed = await startMock(['--port', '0', '--require-key', 'sk-made-up']);
    const without = await post(keyed.url, CHAT);
    assert.equal(without.status, 401);
    await without.body?.cancel();
    const withKey = (await (await post(keyed.url, CHAT, { authorization: 'Bearer sk-made-up' })).json()) as { choices: Array<{ message: { content: string } }> };
    assert.match(String((JSON.parse(withKey.choices[0].message.content) as { persona_summary: string }).persona_summary), /^Ana Rusu \[ref Ana Rusu\|40\|Orhei\]/);
    await keyed.stop('SIGTERM');
  });

  it('bad values are E_USAGE, exit 2, naming the flag, before anything listens', async () => {
    const cases: Array<[string[], string]> = [
      [['--port', '70000'], '--port'],
      [['--port', 'x'], '--port'],
      [['--port', '-1'], '--port'],
      [['--rate-429', '1.5'], '--rate-429'],
      [['--rate-500', 'often'], '--rate-500'],
      [['--rate-reset', ''], '--rate-reset'],
      [['--rate-invalid-json=-0.1'], '--rate-invalid-json'],
      [['--median-ms=-5'], '--median-ms'],
      [['--median-ms', '100', '--sigma', 'abc'], '--sigma'],
      [['--sigma', '0.5'], '--sigma'],
      [['--require-key='], '--require-key'],
      [['--config', 'x.json'], '--config'],
    ];
    for (const [args, flag] of cases) {
      const res = await runCli(['mock-llm', ...args]);
      assert.equal(res.code, 2, `${args.join(' ')}: ${res.stderr}`);
      assert.equal(errorCode(res.stderr), 'E_USAGE', args.join(' '));
      assert.ok(res.stderr.includes(flag), `${args.join(' ')} names ${flag}: ${res.stderr}`);
      assert.doesNotMatch(res.stderr, /listening/, args.join(' '));
    }
  });

  it('a port in use is E_USAGE, exit 2, no stack trace; the mock holding it keeps serving', async () => {
    const first = await startMock(['--port', '0']);
    const port = new URL(first.url).port;
    const res = await runCli(['mock-llm', '--port', port]);
    assert.equal(res.code, 2, res.stderr);
    assert.equal(errorCode(res.stderr), 'E_USAGE');
    assert.match(res.stderr, new RegExp(`--port ${port}: 127\\.0\\.0\\.1:${port} is already in use`));
    assert.doesNotMatch(res.stderr, /\n\s+at /, 'no stack trace');
    const still = await post(first.url, CHAT);
    assert.equal(still.status, 200);
    await still.body?.cancel();
    assert.equal((await first.stop('SIGTERM')).code, 0);
  });

  it('--help documents it, saying the text is not a model\'s', async () => {
    const res = await runCli(['mock-llm', '--help']);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /^Usage: gen-stream mock-llm /);
    assert.match(res.stdout, /NOT a model's/);
    for (const flag of ['--port N', '--host HOST', '--median-ms MS', '--sigma S', '--rate-429 P', '--rate-500 P', '--rate-reset P', '--rate-invalid-json P', '--require-key KEY']) {
      assert.ok(res.stdout.includes(flag), flag);
    }
    assert.match((await runCli(['--help'])).stdout, /^ {2}mock-llm {12}/m, 'listed among the commands');
  });
});
