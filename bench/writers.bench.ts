/**
 * Writers side by side: the same personas to JSONL, CSV, Arrow (file format) and Parquet (each codec, arrow-rs via
 * parquet-wasm), to Parquet by @dsnp/parquetjs driven as well as it can be, and DuckDB's `COPY … (FORMAT parquet)`
 * of the same rows, in the same run; then 100,000 and 1,000,000 structured rows to Parquet to show flat memory.
 *
 *   npm run bench:writers                          # 100,000 full personas + 1,000,000 structured rows
 *   npm run build && node dist/bench/writers.bench.js --quick   # 2,000 personas, 20,000 rows (CI smoke run)
 *
 * Fixture: `gen-stream -q -n N -o personas.jsonl` (template narratives, seed 42, ~5.4 KB a record) and
 * `gen-stream sample -q -n M` (structured only), made once in a temp directory by the CLI itself.
 * Each variant runs in its own process and prints one line
 * `bench=writers variant=… rows=… write_s=… cpu_s=… rows_per_s=… mb=… peak_rss_mb=…`. `write_s` is the time spent in
 * the writer only (our sinks: write/sync/close, a sync every 1,000 rows as a checkpoint does; parquetjs: appendRow
 * and close; DuckDB: the COPY statement of a table already in memory), not reading or parsing the fixture.
 * `cpu_s`: CPU seconds of all the process's threads over the same span (steadier than wall time on a shared
 * machine; with a preloaded fixture it is the writer's alone). Persona runs preload the fixture (so their
 * peak_rss_mb includes it, ~1 GB); the structured runs stream it, so their peak_rss_mb is the writer's.
 *
 * Sample numbers (2 cores, Node 20.20.2; see the README table): parquet-zstd 100,000 personas in ~6 s, 27 MB;
 * duckdb-zstd ~4–5 s, ~29 MB; parquetjs-snappy ~40 s, 80 MB.
 * Reading: the acceptance targets are parquet-<codec> write_s ≤ 1.5 × duckdb-<codec> write_s and mb ≤ 1.1 × at
 * the same codec (the `ratio` lines at the end). The two structured runs should show the same peak_rss_mb: the
 * Parquet sink holds one Arrow batch in JavaScript and one row group in WebAssembly memory, whatever the count.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openArrowSink } from '../src/writers/arrow-sink.js';
import { openCsvSink } from '../src/writers/csv-sink.js';
import { openJsonlSink } from '../src/writers/jsonl-sink.js';
import { openParquetSink } from '../src/writers/parquet-sink.js';
import type { ParquetCompression } from '../src/writers/parquet-part.js';
import type { RecordSink } from '../src/writers/sink.js';

const BIN = fileURLToPath(new URL('../../bin/gen-stream.js', import.meta.url));
const SYNC_EVERY = 1000;
type Row = Record<string, unknown>;

async function* batches(fixture: string, size: number): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  for await (const line of createInterface({ input: createReadStream(fixture), crlfDelay: Infinity })) {
    if (!line) continue;
    batch.push(JSON.parse(line) as Row);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function sizeOf(path: string): number {
  const s = statSync(path);
  return s.isDirectory() ? readdirSync(path).reduce((a, f) => a + statSync(join(path, f)).size, 0) : s.size;
}

async function openSink(variant: string, out: string): Promise<RecordSink> {
  if (variant === 'jsonl') return openJsonlSink(out, null);
  if (variant === 'csv') return openCsvSink(out, null);
  if (variant === 'arrow') return openArrowSink(out, null, { variant: 'file', batchSize: 4096, metadata: new Map() });
  const codec = variant.split('-')[1].toUpperCase() as ParquetCompression;
  return openParquetSink(out, null, 0, {
    compression: codec,
    rowGroupRows: Number(process.env.BENCH_RG ?? 65_536),
    rowGroupBytes: 64 * 2 ** 20,
    partRows: 100_000,
    partBytes: 128 * 2 ** 20,
    batchRows: Number(process.env.BENCH_BATCH ?? 4096),
    createdBy: 'gen-stream version bench',
    metadata: new Map(),
    prefix: '',
  });
}

/** The fixture's batches: all read first (`preload`: the writer timed alone) or streamed (flat memory). */
async function source(fixture: string, preload: boolean): Promise<AsyncIterable<Row[]> | Row[][]> {
  if (!preload) return batches(fixture, SYNC_EVERY);
  const all: Row[][] = [];
  for await (const b of batches(fixture, SYNC_EVERY)) all.push(b);
  return all;
}

async function ours(variant: string, fixture: string, out: string, preload: boolean): Promise<[number, number]> {
  const input = await source(fixture, preload);
  cpuMark(false);
  const sink = await openSink(variant, out);
  let rows = 0;
  let inWriter = 0;
  for await (const batch of input) {
    const t = performance.now();
    await sink.write(batch);
    if (!process.env.BENCH_NOSYNC) await sink.sync();
    inWriter += performance.now() - t;
    rows += batch.length;
  }
  const t = performance.now();
  await sink.close();
  cpuMark(true);
  return [rows, (inWriter + performance.now() - t) / 1000];
}

/** @dsnp/parquetjs at its best: 3-level LIST, big_five as a group, required fields, large row groups. */
async function parquetjs(variant: string, fixture: string, out: string, preload: boolean): Promise<[number, number]> {
  const input = await source(fixture, preload);
  const { default: parquet } = await import('@dsnp/parquetjs');
  const compression = variant.split('-')[1].toUpperCase();
  let writer: InstanceType<typeof parquet.ParquetWriter> | null = null;
  let rows = 0;
  let inWriter = 0;
  const field = (v: unknown): Record<string, unknown> => {
    if (Array.isArray(v)) return { type: 'LIST', fields: { list: { repeated: true, fields: { element: { type: 'UTF8', compression } } } } };
    if (v !== null && typeof v === 'object') return { fields: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, field(x)])) };
    return { type: typeof v === 'number' ? 'INT64' : 'UTF8', compression };
  };
  for await (const batch of input) {
    const t = performance.now();
    if (!writer) {
      const schema = new parquet.ParquetSchema(Object.fromEntries(Object.entries(batch[0]).map(([k, v]) => [k, field(v)])) as never);
      writer = await parquet.ParquetWriter.openFile(schema, out, { rowGroupSize: 16_384 });
    }
    for (const r of batch) {
      const row: Row = {};
      for (const [k, v] of Object.entries(r)) row[k] = Array.isArray(v) ? { list: v.map((element) => ({ element })) } : v;
      await writer.appendRow(row);
    }
    inWriter += performance.now() - t;
    rows += batch.length;
  }
  const t = performance.now();
  await writer!.close();
  cpuMark(true);
  return [rows, (inWriter + performance.now() - t) / 1000];
}

/** DuckDB: the fixture read into a table first (not timed), then `COPY t TO … (FORMAT parquet, COMPRESSION c)`. */
async function duckdb(variant: string, fixture: string, out: string): Promise<[number, number]> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const [, codec, threads] = variant.split('-');
  const db = await DuckDBInstance.create(':memory:', threads ? { threads } : {});
  const c = await db.connect();
  await c.run(`create table t as select * from read_json('${fixture}', format='newline_delimited')`);
  const [[n]] = (await c.runAndReadAll('select count(*) from t')).getRows();
  const t = performance.now();
  cpuMark(false);
  await c.run(`copy t to '${out}' (format parquet, compression ${codec === 'none' ? 'uncompressed' : codec})`);
  const s = (performance.now() - t) / 1000;
  cpuMark(true);
  c.closeSync();
  return [Number(n), s];
}

/** CPU seconds (all threads of the process) spent from the writer's start to its end, set by the variants. */
let cpuStart: NodeJS.CpuUsage | null = null;
let cpuSeconds = 0;
export function cpuMark(end: boolean): void {
  if (!end) cpuStart = process.cpuUsage();
  else {
    const d = process.cpuUsage(cpuStart!);
    cpuSeconds = (d.user + d.system) / 1e6;
  }
}

async function child(variant: string, fixture: string, out: string, label: string, preload: boolean): Promise<void> {
  const [rows, seconds] = variant.startsWith('duckdb') ? await duckdb(variant, fixture, out) : variant.startsWith('parquetjs') ? await parquetjs(variant, fixture, out, preload) : await ours(variant, fixture, out, preload);
  console.log(
    `bench=writers variant=${variant} fixture=${label} rows=${rows} write_s=${seconds.toFixed(2)} cpu_s=${cpuSeconds.toFixed(2)} rows_per_s=${Math.round(rows / seconds)} ` +
      `mb=${(sizeOf(out) / 1e6).toFixed(1)} peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`,
  );
}

function cli(args: string[]): void {
  const res = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) throw new Error(`gen-stream ${args.join(' ')} failed (${res.status})`);
}

const { values } = parseArgs({ options: { variant: { type: 'string' }, fixture: { type: 'string' }, out: { type: 'string' }, label: { type: 'string' }, quick: { type: 'boolean' }, only: { type: 'string' }, stream: { type: 'boolean' } } });
if (values.variant) await child(values.variant, values.fixture!, values.out!, values.label ?? '', !values.stream);
else {
  const personas = values.quick ? 2_000 : 100_000;
  const structured = values.quick ? [2_000, 20_000] : [100_000, 1_000_000];
  const dir = mkdtempSync(join(tmpdir(), 'gen-stream-bench-writers-'));
  try {
    const full = join(dir, 'personas.jsonl');
    cli(['-q', '-n', String(personas), '-o', full]);
    const lines: string[] = [];
    const runOne = (variant: string, fixture: string, label: string, stream = false) => {
      const ext = variant === 'jsonl' ? 'jsonl' : variant === 'csv' ? 'csv' : variant === 'arrow' ? 'arrow' : 'parquet';
      const out = join(dir, `out-${variant}.${ext}`);
      rmSync(out, { recursive: true, force: true });
      const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--variant', variant, '--fixture', fixture, '--out', out, '--label', label, ...(stream ? ['--stream'] : [])], { encoding: 'utf8' });
      const line = res.status === 0 ? res.stdout : `bench=writers variant=${variant} fixture=${label} error=${JSON.stringify(res.stderr.slice(-300))}\n`;
      process.stdout.write(line);
      lines.push(line);
      rmSync(out, { recursive: true, force: true });
    };
    const codecs = ['zstd', 'snappy', 'gzip', 'none'];
    const variants = ['jsonl', 'csv', 'arrow', ...codecs.flatMap((c) => [`parquet-${c}`, `duckdb-${c}`]), 'duckdb-zstd-1', 'parquetjs-snappy'];
    for (const v of variants.filter((x) => !values.only || x.startsWith(values.only))) runOne(v, full, `personas-${personas}`);
    for (const n of structured) {
      const sample = join(dir, `sample-${n}.jsonl`);
      cli(['sample', '-q', '-n', String(n), '-o', sample]);
      if (!values.only || 'parquet-zstd'.startsWith(values.only)) runOne('parquet-zstd', sample, `structured-${n}`, true);
      rmSync(sample, { force: true });
    }
    const get = (v: string, key: string) => Number(lines.find((l) => l.includes(`variant=${v} fixture=personas`))?.match(new RegExp(`${key}=([\\d.]+)`))?.[1]);
    for (const c of codecs) {
      const t = get(`parquet-${c}`, 'write_s') / get(`duckdb-${c}`, 'write_s');
      const m = get(`parquet-${c}`, 'mb') / get(`duckdb-${c}`, 'mb');
      console.log(`bench=writers ratio codec=${c} time_vs_duckdb=${t.toFixed(2)} size_vs_duckdb=${m.toFixed(2)}`);
    }
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}
