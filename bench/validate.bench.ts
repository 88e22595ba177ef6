/**
 * gen-stream validate on a 1,000,000-record JSONL: records/s and peak RSS.
 *
 *   npm run build && node dist/bench/validate.bench.js
 *   node dist/bench/validate.bench.js --quick    # 20,000 structured and 2,000 narrated records (bench:smoke)
 *
 * Fixture: `gen-stream sample -n 1000000` (structured Moldova personas, ~700 bytes a line) and
 * `gen-stream -n 100000` (with template narratives, ~5.4 KB a line), written to a tmpdir first.
 * Each variant runs the real CLI in its own process; records/s counts the whole command (start-up, the
 * 200,000-record reference simulation for the joints, reading, statistics, gates).
 * Reading: RSS must stay under 300 MB at 1M records (memory is flat in file size: streaming reads, typed-array
 * counters, fixed-size histograms, a 4,000-record near-duplicate sample).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// --quick (bench:smoke): the same variants on small files, so CI sees one break.
const quick = process.argv.includes('--quick');
const BIN = fileURLToPath(new URL('../../bin/gen-stream.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gen-stream-validate-bench-'));
try {
  for (const [variant, full, small, command] of [
    ['structured-1m', 1_000_000, 20_000, ['sample', '-q']],
    ['narrated-100k', 100_000, 2_000, ['-q']],
  ] as const) {
    const n = quick ? small : full;
    const file = join(dir, `${variant}.jsonl`);
    const made = spawnSync(BIN, [...command, '-n', String(n), '-o', file], { encoding: 'utf8' });
    if (made.status !== 0) throw new Error(made.stderr);
    const t0 = process.hrtime.bigint();
    const res = spawnSync('/usr/bin/time', ['-f', '%M', BIN, 'validate', file, '-q'], { encoding: 'utf8' });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const rssMb = Number(res.stderr.trim().split('\n').pop()) / 1024;
    console.log(`bench=validate variant=${variant} records=${n} records_per_s=${Math.round(n / seconds)} seconds=${seconds.toFixed(2)} peak_rss_mb=${rssMb.toFixed(1)} exit=${res.status}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
