/**
 * The loopback mock LLM as a command, so that every LLM path (narratives, Persona Hub, retries, faults) can be
 * tried offline and without a key. What it answers is canned text built from the prompt, not a model's; the
 * ready line and the help say so.
 */
import { UsageError } from '../errors.js';
import type { MockOptions } from '../llm/mock-server.js';
import type { Command, FlagName, FlagValues } from './command.js';
import { integerFlag } from './flag-values.js';

/** A number flag within [min, max], or undefined when not given. */
function boundedFlag(name: FlagName, raw: string | undefined, min: number, max: number, expected: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name}: expected ${expected}, received "${raw}"`);
  return n;
}

const probability = (name: FlagName, values: FlagValues) => boundedFlag(name, values[name] as string | undefined, 0, 1, 'a share between 0 and 1');

/** The mock's options from the flags, every value checked before anything listens. */
function optionsOf(values: FlagValues): Partial<MockOptions> {
  const options: Partial<MockOptions> = {
    medianMs: boundedFlag('median-ms', values['median-ms'], 0, 3_600_000, 'a wait in ms between 0 and 3600000'),
    sigma: boundedFlag('sigma', values.sigma, 0, 10, 'a lognormal sigma between 0 and 10'),
    rate429: probability('rate-429', values),
    rate500: probability('rate-500', values),
    rateReset: probability('rate-reset', values),
    rateInvalidJson: probability('rate-invalid-json', values),
    requireKey: values['require-key'],
  };
  if (options.requireKey === '') throw new UsageError('--require-key: expected a key, received ""');
  if (options.sigma && !options.medianMs) throw new UsageError('--sigma: spreads the wait around --median-ms, which is 0 (give --median-ms too)');
  // Flags not given keep the mock's defaults (MockLlm spreads these over DEFAULT_MOCK).
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

/** A listen failure the user can act on (a port taken, a privileged port, an address not of this machine). */
function listenError(err: NodeJS.ErrnoException, host: string, port: number): Error {
  if (err.code === 'EADDRINUSE') return new UsageError(`--port ${port}: ${host}:${port} is already in use (stop what listens there, choose another port, or --port 0 for any free one)`);
  if (err.code === 'EACCES') return new UsageError(`--port ${port}: not allowed to listen on ${host}:${port} (ports below 1024 need privileges)`);
  if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') {
    return new UsageError(`--host ${host}: cannot listen on this address (${err.code}); use an address of this machine, e.g. 127.0.0.1`);
  }
  return err;
}

/** Resolves at the first SIGINT or SIGTERM: stopping the mock is its normal end, so it exits 0. */
function untilStopped(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop).off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}

export const mockLlm: Command = {
  name: 'mock-llm',
  summary: "serve a loopback OpenAI-compatible mock to try LLM runs without a key (canned text, not a model's)",
  usage: ['gen-stream mock-llm [--port N] [--host HOST] [--median-ms MS [--sigma S]] [--rate-429 P] [--rate-500 P]', '    [--rate-reset P] [--rate-invalid-json P] [--require-key KEY]'],
  description: `Serves POST {url}/chat/completions the way an OpenAI-compatible server does, until SIGINT or SIGTERM
(then exit 0), so that every LLM command can be tried offline: point --llm-base-url at it. Its answers are
canned text built from the prompt, NOT a model's: each narrative field names the persona and carries a
"[ref name|age|district]" marker, Persona Hub answers get a persona, a domain and a score; the same request
gets the same answer. Usage is reported as 600 prompt and 900 completion tokens per answer. Once listening it
prints one line on stderr, "gen-stream: mock-llm listening on http://HOST:PORT/v1 (...)", and on stopping a
line with its counts; GET /stats returns them as JSON (requests, answered, peakInFlight, faults,
meanLatencyMs). Latency and faults are drawn per request from a fixed seed. A port in use is refused (exit 2).`,
  flags: ['port', 'host', 'median-ms', 'sigma', 'rate-429', 'rate-500', 'rate-reset', 'rate-invalid-json', 'require-key', 'help'],
  args: { max: 0 },
  // Nothing comes from stdin (and a mock started with `&` must not read the terminal): the default config the
  // context loads goes unused.
  stdinIsData: () => true,
  async run({ values }) {
    const options = optionsOf(values);
    const port = integerFlag('port', values.port, 0) ?? 8000;
    if (port > 65535) throw new UsageError(`--port: expected an integer between 0 and 65535, received "${values.port}"`);
    const host = values.host ?? '127.0.0.1';
    const { MockLlm } = await import('../llm/mock-server.js');
    const mock = new MockLlm(options);
    const url = await mock.listen(port, host).catch((err: NodeJS.ErrnoException) => {
      throw listenError(err, host, port);
    });
    const stopped = untilStopped();
    process.stderr.write(`gen-stream: mock-llm listening on ${url} (answers are canned text built from the prompt, not a model's)\n`);
    const signal = await stopped;
    await mock.close();
    const { requests, answered, faults } = mock.stats;
    const faultList = Object.entries(faults).map(([kind, n]) => `${kind} ${n}`).join(', ');
    process.stderr.write(`gen-stream: mock-llm stopped on ${signal}: ${requests} requests, ${answered} answered${faultList ? `, faults: ${faultList}` : ''}\n`);
    return 0;
  },
};
