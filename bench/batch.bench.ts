/**
 * The Batch API path: `gen-stream batch-export` and `gen-stream batch-import`, records/s and peak RSS of each.
 *
 *   npm run build && node dist/bench/batch.bench.js
 *   node dist/bench/batch.bench.js --quick    # 2,000 personas, 5,000 texts (bench:smoke)
 *
 * Variants: narrate over 30,000 census personas (`gen-stream sample`, three request groups: 90,000 requests
 * in two request files at the 50,000 limit), and text-to-persona over 100,000 generated corpus texts (~400
 * characters each). Between the two commands the test stand-in provider (tests/helpers/mock-batch.ts)
 * answers every request, shuffled and split over two output files, 1 % expired; it is not timed. Import writes
 * JSONL and Parquet. Each command runs as the real CLI in its own process under /usr/bin/time.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerBatch } from '../tests/helpers/mock-batch.js';

// --quick (bench:smoke): 2,000 personas and 5,000 texts instead of 30,000 and 100,000.
const quick = process.argv.includes('--quick');
const PERSONAS = quick ? 2_000 : 30_000;
const TEXTS = quick ? 5_000 : 100_000;
const BIN = fileURLToPath(new URL('../../bin/gen-stream.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gen-stream-batch-bench-'));

function timed(args: string[], input?: string): { seconds: number; rssMb: number } {
  const t0 = process.hrtime.bigint();
  const res = spawnSync('/usr/bin/time', ['-f', '%M', BIN, ...args], { encoding: 'utf8', input: input ?? '', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) throw new Error(`${args.join(' ')}: ${res.stderr}`);
  return { seconds, rssMb: Number(res.stderr.trim().split('\n').pop()) / 1024 };
}

const WORDS = 'market farmer river school train cricket doctor festival software monsoon harvest village temple bank loan exam'.split(' ');

try {
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ seed: 1, narrative: { language: 'en' }, llm: { model: 'mock' } }));
  const personas = join(dir, 'personas.jsonl');
  const made = spawnSync(BIN, ['sample', '-q', '-n', String(PERSONAS), '-o', personas], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(made.stderr);
  const corpus = join(dir, 'corpus.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < TEXTS; i++) {
    const words: string[] = [];
    for (let w = 0; w < 60; w++) words.push(WORDS[(i * 7 + w * w + (i >> 3)) % WORDS.length]);
    lines.push(JSON.stringify({ id: `t${i}`, text: `Text ${i}: ${words.join(' ')}.` }));
  }
  writeFileSync(corpus, `${lines.join('\n')}\n`);

  for (const [variant, mode, input, n] of [
    [`narrate-${PERSONAS / 1000}k`, 'narrate', personas, PERSONAS],
    [`text-to-persona-${TEXTS / 1000}k`, 'text-to-persona', corpus, TEXTS],
  ] as const) {
    const batchDir = join(dir, `${variant}.batch`);
    const exported = timed(['batch-export', mode, '--config', config, '--input', input, '--batch', batchDir, '-q']);
    const requestFiles = readdirSync(batchDir).filter((f) => f.startsWith('requests-')).map((f) => join(batchDir, f));
    const resultsDir = join(dir, `${variant}.results`);
    mkdirSync(resultsDir);
    const answers = answerBatch(requestFiles, resultsDir, { expired: 0.01 }, 2);
    const out = join(dir, `${variant}.jsonl`);
    const imported = timed(['batch-import', '--batch', batchDir, '--out', out, '--out', join(dir, `${variant}.parquet`), '-q', ...answers.outputs, ...answers.errors]);
    console.log(
      `bench=batch variant=${variant} inputs=${n} requests=${answers.requests} request_files=${requestFiles.length} ` +
        `export_records_per_s=${Math.round(n / exported.seconds)} export_s=${exported.seconds.toFixed(2)} export_peak_rss_mb=${exported.rssMb.toFixed(1)} ` +
        `import_records_per_s=${Math.round(n / imported.seconds)} import_s=${imported.seconds.toFixed(2)} import_peak_rss_mb=${imported.rssMb.toFixed(1)}`,
    );
    rmSync(resultsDir, { recursive: true, force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
