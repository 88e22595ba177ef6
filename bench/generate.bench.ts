/**
 * Structured generation throughput and memory: census sampling + online IPF + JSONL to /dev/null.
 *
 *   npm run build && node dist/bench/generate.bench.js            # all variants, each in its own process
 *   node dist/bench/generate.bench.js --variant calibrated --n 100000   # one variant
 *   node dist/bench/generate.bench.js --quick                          # 10,000 and 50,000 records (bench:smoke)
 *
 * Fixture: the built-in moldova-2024 census, seed 42, output to /dev/null.
 * Variants: `calibrated` (the default pipeline: generator → ipf-correct → format-jsonl), `uncalibrated`
 * (calibration.enabled = false: generator → format-jsonl), `cli` (the gen-stream binary as a user runs it,
 * process start-up included). Each at 100,000 and 1,000,000 records.
 * Sample (2 cores, Node 20.20.2, 2026-11-22):
 *   bench=generate variant=calibrated records=100000 records_per_s=… peak_rss_mb=…
 * Reading: records_per_s counts everything from config load to the last byte written, warm-up included,
 * so small runs look slower than large ones. peak_rss_mb at 1,000,000 against 100,000 shows whether memory
 * grows with record count (it must not: the ratio line prints it).
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { prepareRun } from '../src/generator/calibration.js';
import { sampleStages } from '../src/run/sample-pipeline.js';

const BIN = fileURLToPath(new URL('../../bin/gen-stream.js', import.meta.url));
const { values } = parseArgs({ options: { variant: { type: 'string' }, n: { type: 'string' }, quick: { type: 'boolean' } } });
// --quick (bench:smoke): the same variants at sizes that take seconds, so CI sees a broken variant.
const SIZES = values.quick ? [10_000, 50_000] : [100_000, 1_000_000];
const VARIANTS = ['calibrated', 'uncalibrated', 'cli'] as const;

function line(variant: string, n: number, seconds: number, rssMb: number): string {
  return `bench=generate variant=${variant} records=${n} records_per_s=${Math.round(n / seconds)} seconds=${seconds.toFixed(2)} peak_rss_mb=${rssMb.toFixed(1)}`;
}

async function runOne(variant: string, n: number): Promise<void> {
  const started = process.hrtime.bigint();
  const { model, config } = loadConfig({ count: n, calibration: { enabled: variant !== 'uncalibrated' } });
  const run = prepareRun(model, config);
  await pipeline([...sampleStages(run, config, 0, n), createWriteStream('/dev/null', { highWaterMark: 1 << 20 })]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(line(variant, n, seconds, process.resourceUsage().maxRSS / 1024));
}

function spawnVariant(variant: string, n: number): string {
  if (variant === 'cli') {
    const t0 = process.hrtime.bigint();
    // Through the shim's shebang, exactly as a user runs it (its node flags included).
    const res = spawnSync('/usr/bin/time', ['-f', '%M', BIN, '-q', '-n', String(n), '-o', '/dev/null'], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rssKb = Number(res.stderr.trim().split('\n').pop());
    return line(variant, n, seconds, rssKb / 1024);
  }
  const self = fileURLToPath(import.meta.url);
  // Same V8 flag as bin/gen-stream.js, so in-process variants measure what the CLI does.
  const res = spawnSync(process.execPath, ['--min-semi-space-size=16', self, '--variant', variant, '--n', String(n)], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(res.stderr);
  return res.stdout.trim();
}

if (values.variant) await runOne(values.variant, Number(values.n ?? 100_000));
else {
  for (const variant of VARIANTS) {
    const rss: number[] = [];
    for (const n of SIZES) {
      const out = spawnVariant(variant, n);
      console.log(out);
      rss.push(Number(/peak_rss_mb=([\d.]+)/.exec(out)![1]));
    }
    console.log(`bench=generate variant=${variant} rss_ratio_1m_vs_100k=${(rss[1] / rss[0]).toFixed(3)}`);
  }
}
