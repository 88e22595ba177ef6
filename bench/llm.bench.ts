/**
 * LLM stage throughput against the loopback mock, beside the official openai SDK at the same concurrency.
 *
 *   npm run build && node dist/bench/llm.bench.js                     # all variants (a few minutes)
 *   node dist/bench/llm.bench.js --quick                               # 2,000 records, concurrency 64 and 256
 *
 * Fixture: Moldova personas (seed 42) narrated with grouping "single" (one request per record); the mock runs
 * in its own process with lognormal latency (median 200 ms, sigma 0.5) and reports the mean latency it served.
 * Variants, each in its own process with a fresh mock: `gen-stream` (createNarrateLlm over an undici Pool) and
 * `openai-sdk` (openai.chat.completions.create driven by a promise pool), at concurrency 64, 256 and 1,024.
 * Reading: ideal throughput is concurrency ÷ mean served latency; `efficiency` is throughput ÷ ideal. `added_p50_ms`
 * is the median of (client-observed request time − the mock's own delay for that request): the client's overhead.
 * peak_rss_mb at 5,000 and 20,000 records shows whether memory grows with record count.
 */
import { spawn, spawnSync } from 'node:child_process';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { FailureSink } from '../src/run-state/failure-sink.js';
import { ChatClient } from '../src/llm/chat-client.js';
import { prepareGroups } from '../src/llm/narrate-record.js';
import { loadConfig } from '../src/config.js';
import { prepareRun } from '../src/generator/calibration.js';
import { buildMessages, requestGroups } from '../src/prompts/messages.js';
import { createRecordFormatter } from '../src/generator/record-format.js';
import { INDEX, type Indexed } from '../src/run-state/record-index.js';
import { REPORT, RunStats, type StageReport } from '../src/run-state/run-stats.js';
import { createNarrateLlm } from '../src/streams/narrate-llm.js';
import { Stream, rngFor } from '../src/generator/rng.js';

const SELF = fileURLToPath(import.meta.url);
const BIN = fileURLToPath(new URL('../../bin/gen-stream.js', import.meta.url));

/**
 * Personas drawn on demand, in batches of 256: the benchmark holds no more records than the stage does.
 * The set-up (config, warm-up) runs at the call, before the clock starts; only the draws run inside it.
 */
function personaBatches(n: number): Generator<Record<string, unknown>[]> {
  const { model, config } = loadConfig({ count: n, seed: 42 });
  const run = prepareRun(model, config);
  const format = createRecordFormatter(model, 42);
  const codes = new Uint16Array(run.sampler.width);
  // Calibration is irrelevant to this benchmark: plain draws are enough to make prompts.
  return (function* () {
    for (let start = 0; start < n; start += 256) {
      const batch: Record<string, unknown>[] = [];
      for (let i = start; i < Math.min(n, start + 256); i++) {
        run.sampler.sample(rngFor(42, Stream.person, i), codes, 0);
        // The LLM stage takes records as the runner hands them: each carrying its input index.
        const record = JSON.parse(format(codes, 0, i)) as Indexed;
        record[INDEX] = i;
        batch.push(record);
      }
      yield batch;
    }
  })();
}

const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[xs.length >> 1] : NaN);

async function startMock(): Promise<{ url: string; stop: () => Promise<{ meanLatencyMs: number; peakInFlight: number }> }> {
  // `gen-stream mock-llm` prints one ready line on stderr: "… listening on <url> (…)".
  const child = spawn(process.execPath, [BIN, 'mock-llm', '--port', '0', '--median-ms', '200', '--sigma', '0.5'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise<string>((resolve) => child.stderr.once('data', (b: Buffer) => resolve(/listening on (\S+)/.exec(b.toString())![1])));
  return {
    url,
    async stop() {
      const stats = (await (await fetch(`${url.replace(/\/v1$/, '')}/stats`)).json()) as { meanLatencyMs: number; peakInFlight: number };
      child.kill();
      return stats;
    },
  };
}

async function runOurs(url: string, batches: Generator<Record<string, unknown>[]>, concurrency: number, added: number[]): Promise<void> {
  const client = new ChatClient({
    baseUrl: url,
    apiKey: 'bench',
    connections: concurrency,
    maxRetries: 3,
    timeoutMs: 60_000,
    headersTimeoutMs: 60_000,
    bodyTimeoutMs: 60_000,
    retryBaseMs: 100,
    retryMaxMs: 2_000,
    onAttempt: (ms, headers) => added.push(ms - Number(headers['x-mock-latency-ms'] ?? 0)),
  });
  const stats = new RunStats();
  const stage = createNarrateLlm({
    client,
    groups: prepareGroups(requestGroups('single'), 'json_schema'),
    narrate: { model: 'mock', temperature: 0.8, responseFormat: 'json_schema', maxInvalidRetries: 2, language: 'ro' },
    concurrency,
    window: 8 * concurrency,
    failures: new FailureSink('/dev/null'),
    provider: 'llm:mock',
    seed: 42,
  });
  stage.on(REPORT, (r: StageReport) => stats.apply(r));
  await pipeline(Readable.from(batches, { objectMode: true, highWaterMark: 1 }), stage, new Writable({ objectMode: true, write: (_c, _e, cb) => cb() }));
  await client.close();
  if (stats.failed) throw new Error(`${stats.failed} records failed`);
}

async function runSdk(url: string, batches: Generator<Record<string, unknown>[]>, concurrency: number, added: number[]): Promise<void> {
  const openai = new OpenAI({ baseURL: url, apiKey: 'bench', maxRetries: 3, timeout: 60_000 });
  const [group] = requestGroups('single');
  const [prepared] = prepareGroups([group], 'json_schema');
  let batch: Record<string, unknown>[] = [];
  const nextRecord = (): Record<string, unknown> | undefined => {
    if (!batch.length) batch = batches.next().value ?? [];
    return batch.shift();
  };
  const worker = async () => {
    for (let record = nextRecord(); record; record = nextRecord()) {
      const t0 = performance.now();
      const { data, response } = await openai.chat.completions
        .create({
          model: 'mock',
          temperature: 0.8,
          messages: buildMessages(group, record, 'ro'),
          response_format: prepared.format.responseFormat as unknown as OpenAI.ResponseFormatJSONSchema,
        })
        .withResponse();
      added.push(performance.now() - t0 - Number(response.headers.get('x-mock-latency-ms') ?? 0));
      JSON.parse(data.choices[0].message.content ?? '{}');
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function child(variant: string, n: number, concurrency: number): Promise<void> {
  const mock = await startMock();
  const batches = personaBatches(n);
  const added: number[] = [];
  const t0 = performance.now();
  await (variant === 'gen-stream' ? runOurs : runSdk)(mock.url, batches, concurrency, added);
  const seconds = (performance.now() - t0) / 1000;
  const served = await mock.stop();
  const throughput = n / seconds;
  const ideal = concurrency / (served.meanLatencyMs / 1000);
  console.log(
    `bench=llm variant=${variant} concurrency=${concurrency} records=${n} records_per_s=${throughput.toFixed(1)} ideal_per_s=${ideal.toFixed(1)} ` +
      `efficiency=${(throughput / ideal).toFixed(3)} mock_mean_latency_ms=${served.meanLatencyMs.toFixed(1)} peak_in_flight=${served.peakInFlight} ` +
      `added_p50_ms=${median(added).toFixed(2)} peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)}`,
  );
}

const { values } = parseArgs({ options: { variant: { type: 'string' }, n: { type: 'string' }, concurrency: { type: 'string' }, quick: { type: 'boolean' } } });
if (values.variant) await child(values.variant, Number(values.n), Number(values.concurrency));
else {
  const n = values.quick ? 2_000 : 20_000;
  const levels = values.quick ? [64, 256] : [64, 256, 1024];
  const runs: Array<[string, number, number]> = [];
  for (const c of levels) for (const v of ['gen-stream', 'openai-sdk']) runs.push([v, n, c]);
  if (!values.quick) runs.push(['gen-stream', 5_000, 256]);
  for (const [v, records, c] of runs) {
    const res = spawnSync(process.execPath, ['--min-semi-space-size=16', SELF, '--variant', v, '--n', String(records), '--concurrency', String(c)], { encoding: 'utf8' });
    process.stdout.write(res.status === 0 ? res.stdout : `bench=llm variant=${v} concurrency=${c} error=${JSON.stringify(res.stderr.slice(0, 300))}\n`);
    if (res.status !== 0) process.exitCode = 1;
  }
}
