/**
 * Deduplication of 1,000,000 personas of ~100 words: records/s, peak RSS, and the memory projected for 20M.
 *
 *   npm run build && node dist/bench/dedup.bench.js
 *
 * Fixture (generated in memory, deterministic): texts of 100 words drawn from a 20,000-word vocabulary, ids
 * as UUID-length strings; 2 % are near-duplicates of an earlier text (one word changed). Variant `deduper`
 * times only Deduper.check (normalise, shingle, MinHash 128, LSH 16 × 8, verification); `end-to-end` adds
 * making the texts. Each variant in its own process.
 * DEDUP_N=300000 runs a smaller fixture.
 * Reading: memory grows with the records kept (that is the point of a seen-set): the projection multiplies the
 * measured bytes per kept record (tables + sketches, plus ~70 B per id string) by 20M. Sharding by domain
 * divides it by the number of shards.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Deduper } from '../src/dedup/deduper.js';

const { values } = parseArgs({ options: { variant: { type: 'string' }, quick: { type: 'boolean' } } });
// --quick (bench:smoke) reaches the variants through the environment, as DEDUP_N does.
if (values.quick) process.env.DEDUP_N ??= '50000';
const N = Number(process.env.DEDUP_N ?? 1_000_000);
const ID_BYTES = 70; // a 36-character id string in V8 (header + one-byte characters) plus its array slot

function run(variant: string): void {
  let x = 42;
  const rnd = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 4294967296;
  const vocab = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}x`);
  const recent: string[] = [];
  const d = new Deduper();
  let inCheck = 0;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    let text: string;
    if (recent.length > 100 && rnd() < 0.02) {
      const words = recent[Math.floor(rnd() * recent.length)].split(' ');
      words[Math.floor(rnd() * words.length)] = 'changed';
      text = words.join(' ');
    } else text = Array.from({ length: 100 }, () => vocab[Math.floor(rnd() * vocab.length)]).join(' ');
    if (recent.length < 1000) recent.push(text);
    else recent[i % 1000] = text;
    const id = `00000000-0000-8000-8000-${String(i).padStart(12, '0')}`;
    const c0 = performance.now();
    d.check(id, text);
    inCheck += performance.now() - c0;
  }
  const total = (performance.now() - t0) / 1000;
  const seconds = variant === 'deduper' ? inCheck / 1000 : total;
  const perKept = d.memoryBytes() / d.kept + ID_BYTES;
  console.log(
    `bench=dedup variant=${variant} records=${N} records_per_s=${Math.round(N / seconds)} kept=${d.kept} removed_near=${d.removedNear} ` +
      `tables_mb=${(d.memoryBytes() / 1e6).toFixed(1)} peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(1)} ` +
      `bytes_per_kept=${perKept.toFixed(0)} projected_20m_gb=${((perKept * 20e6) / 1e9).toFixed(1)}`,
  );
}

if (values.variant) run(values.variant);
else
  for (const v of ['deduper', 'end-to-end']) {
    const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--variant', v], { encoding: 'utf8' });
    process.stdout.write(res.status === 0 ? res.stdout : `bench=dedup variant=${v} error=${JSON.stringify(res.stderr.slice(0, 300))}\n`);
    if (res.status !== 0) process.exitCode = 1;
  }
