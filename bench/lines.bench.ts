/**
 * Long input lines: one JSONL record of 4, 8, 16 and 200 MB read by the JSONL source (`lineBatches` + parse, as
 * `write`/`narrate` read their input), each in its own process. The 200 MB line is over the 64 MiB limit and
 * must be refused early, in flat memory; the others are read whole.
 *
 *   npm run build && node dist/bench/lines.bench.js
 *
 * One line per variant: `bench=lines mb=… outcome=read|refused seconds=… peak_rss_mb=…`.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createJsonlSource } from '../src/streams/jsonl-source.js';

async function child(file: string, mb: number): Promise<void> {
  const t = performance.now();
  let outcome = 'read';
  try {
    for await (const batch of createJsonlSource(createReadStream(file), { name: file })) void batch;
  } catch (err) {
    outcome = (err as { code?: string }).code === 'E_INPUT' ? 'refused' : `error:${(err as Error).message}`;
  }
  const seconds = (performance.now() - t) / 1000;
  console.log(`bench=lines mb=${mb} outcome=${outcome} seconds=${seconds.toFixed(2)} peak_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
}

const { values } = parseArgs({ options: { file: { type: 'string' }, mb: { type: 'string' } , quick: { type: 'boolean' } } });
if (values.file) await child(values.file, Number(values.mb));
else {
  const dir = mkdtempSync(join(tmpdir(), 'gen-stream-bench-lines-'));
  try {
    // --quick (bench:smoke): one line under the 64 MB limit and one over it.
    for (const mb of values.quick ? [1, 70] : [4, 8, 16, 200]) {
      const file = join(dir, `line-${mb}.jsonl`);
      writeFileSync(file, `{"id":"a"}\n{"id":"long","pad":"${'a'.repeat(mb * 1e6)}"}\n{"id":"b"}\n`);
      const res = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--file', file, '--mb', String(mb)], { encoding: 'utf8' });
      process.stdout.write(res.status === 0 ? res.stdout : `bench=lines mb=${mb} error=${JSON.stringify(res.stderr.slice(-300))}\n`);
      if (res.status !== 0) process.exitCode = 1;
      rmSync(file);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
