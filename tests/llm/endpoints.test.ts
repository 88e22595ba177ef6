import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { parseLines, runCli } from '../helpers/cli.js';
import { MockLlm } from '../helpers/mock-llm.js';

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gen-stream-endpoints-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('many endpoints (llm.baseUrls, BalancedPool)', () => {
  it('one endpoint starts failing mid-run: no record lost, its share of traffic drops, the other takes over', async (t) => {
    const a = new MockLlm({ medianMs: 4 });
    const b = new MockLlm({ medianMs: 4 });
    const [urlA, urlB] = [await a.listen(), await b.listen()];
    // B turns to 500s for good once it has answered 60 requests.
    const watch = setInterval(() => {
      if (b.stats.answered >= 60) b.options.forceStatus = 500;
    }, 2);
    let bAtSwitch = -1;
    let aAtSwitch = -1;
    const mark = setInterval(() => {
      if (bAtSwitch < 0 && b.options.forceStatus === 500) {
        bAtSwitch = b.stats.requests;
        aAtSwitch = a.stats.requests;
      }
    }, 1);
    try {
      const config = join(dir, 'config.json');
      await writeFile(
        config,
        JSON.stringify({
          count: 400,
          seed: 3,
          llm: { baseUrls: [urlA, urlB], model: 'mock', concurrency: 8, grouping: 'single', retryBaseMs: 5, retryMaxMs: 40, evictAfter: 3, evictForMs: 600_000 },
        }),
      );
      const out = join(dir, 'out.jsonl');
      const res = await runCli(['--config', config, '--out', out]);
      assert.equal(res.code, 0, res.stderr);
      const records = parseLines(await readFile(out, 'utf8'));
      assert.equal(records.length, 400, 'every record written');
      assert.equal(new Set(records.map((r) => r.id)).size, 400, 'each exactly once');
      assert.equal(await readFile(`${out}.failed.jsonl`, 'utf8').catch(() => ''), '', 'no failures');
      assert.ok(bAtSwitch > 0, 'B failed mid-run');
      const bAfter = b.stats.requests - bAtSwitch;
      const aAfter = a.stats.requests - aAtSwitch;
      // Before the switch the two shared the traffic; after it B saw only the few requests that evicted it.
      const shareBefore = bAtSwitch / (aAtSwitch + bAtSwitch);
      const shareAfter = bAfter / (aAfter + bAfter);
      t.diagnostic(`B's share: ${(100 * shareBefore).toFixed(1)} % before it failed, ${(100 * shareAfter).toFixed(1)} % after (${bAfter} requests)`);
      assert.ok(shareBefore > 0.3, `B had ${(100 * shareBefore).toFixed(1)} % of the traffic before it failed`);
      // What B still saw: the requests already routed to it when it failed, up to its eviction after 3 in a row.
      assert.ok(bAfter <= 3 + 8 && shareAfter < 0.05, `B got ${bAfter} requests (${(100 * shareAfter).toFixed(1)} %) after it began failing`);
      assert.ok(aAfter > 200, `A took over (${aAfter} requests after the switch)`);
      assert.match(res.stderr, new RegExp(`endpoint ${new URL(urlB).origin} failed 3 times in a row: out of rotation`));
      assert.match(res.stderr, new RegExp(`endpoint ${new URL(urlB).origin}: \\d+ responses, \\d+ failed, out of rotation 1 time`));
    } finally {
      clearInterval(watch);
      clearInterval(mark);
      await a.close();
      await b.close();
    }
  });

  it('an evicted endpoint comes back after evictForMs; per-endpoint concurrency caps each server', async () => {
    const a = new MockLlm({ medianMs: 15 });
    const b = new MockLlm({ medianMs: 15, forceStatus: 503 });
    const [urlA, urlB] = [await a.listen(), await b.listen()];
    // B recovers 50 ms after its first failures; evicted for 300 ms, it then comes back and gets traffic again.
    let healAt: NodeJS.Timeout | undefined;
    const heal = setInterval(() => {
      if (!healAt && (b.stats.faults['503'] ?? 0) >= 2) healAt = setTimeout(() => (b.options.forceStatus = null), 50);
    }, 2);
    try {
      const config = join(dir, 'config-back.json');
      await writeFile(
        config,
        JSON.stringify({
          count: 600,
          seed: 4,
          llm: {
            baseUrls: [urlA, urlB],
            model: 'mock',
            concurrency: 12,
            endpointConcurrency: 4,
            grouping: 'single',
            retryBaseMs: 5,
            retryMaxMs: 40,
            evictAfter: 2,
            evictForMs: 300,
          },
        }),
      );
      const out = join(dir, 'back.jsonl');
      const res = await runCli(['--config', config, '--out', out]);
      assert.equal(res.code, 0, res.stderr);
      assert.equal(parseLines(await readFile(out, 'utf8')).length, 600);
      assert.match(res.stderr, /back in rotation/);
      assert.ok(b.stats.answered > 20, `B answered ${b.stats.answered} after it came back`);
      assert.ok(a.stats.peakInFlight <= 4 && b.stats.peakInFlight <= 4, `peaks A ${a.stats.peakInFlight}, B ${b.stats.peakInFlight}`);
    } finally {
      clearInterval(heal);
      clearTimeout(healAt);
      await a.close();
      await b.close();
    }
  });

  it('the config takes baseUrl or baseUrls (or neither, for batch files), with one API path', () => {
    assert.ok(loadConfig({ llm: { model: 'm' } }), 'batch-export needs no endpoint');
    const refusedAt = (path: string) => (e: unknown) => e instanceof ConfigError && e.code === 'E_CONFIG' && e.issues.some((i) => i.path === path);
    assert.throws(() => loadConfig({ llm: { model: 'm', baseUrl: 'http://a:1/v1', baseUrls: ['http://b:1/v1'] } }), refusedAt('llm.baseUrl'));
    assert.throws(() => loadConfig({ llm: { model: 'm', baseUrls: ['http://a:1/v1', 'http://b:1/api'] } }), refusedAt('llm.baseUrls'));
    assert.ok(loadConfig({ llm: { model: 'm', baseUrls: ['http://a:1/v1', 'http://b:1/v1/'] } }));
  });
});
