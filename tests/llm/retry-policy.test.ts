import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backoffMs, classifyStatus, isRetryableNetworkError, retryAfterMs } from '../../src/llm/retry-policy.js';
import { Stream, rngFor } from '../../src/generator/rng.js';

describe('retry policy', () => {
  it('classifies statuses as the providers document them', () => {
    assert.equal(classifyStatus(200, ''), 'ok');
    for (const s of [408, 409, 429, 500, 502, 503, 504]) assert.equal(classifyStatus(s, '{}'), 'retry', String(s));
    assert.equal(classifyStatus(401, ''), 'auth');
    assert.equal(classifyStatus(403, ''), 'auth');
    assert.equal(classifyStatus(429, '{"error":{"code":"insufficient_quota"}}'), 'quota');
    assert.equal(classifyStatus(429, '{"code":"Throttling.AllocationQuota"}'), 'quota');
    assert.equal(classifyStatus(429, '{"code":"Throttling.RateQuota"}'), 'retry', 'DashScope rate throttling is retryable');
    assert.equal(classifyStatus(400, '{"code":"data_inspection_failed"}'), 'record');
    assert.equal(classifyStatus(404, ''), 'record');
  });

  it('retries resets, refusals and timeouts, also when wrapped as a cause', () => {
    assert.ok(isRetryableNetworkError(Object.assign(new Error('x'), { code: 'ECONNRESET' })));
    assert.ok(isRetryableNetworkError(Object.assign(new Error('x'), { code: 'UND_ERR_HEADERS_TIMEOUT' })));
    assert.ok(isRetryableNetworkError(Object.assign(new Error('x'), { name: 'TimeoutError' })));
    assert.ok(isRetryableNetworkError(new Error('fetch failed', { cause: Object.assign(new Error('y'), { code: 'ECONNREFUSED' }) })));
    assert.ok(!isRetryableNetworkError(new TypeError('bad argument')));
  });

  it('reads retry-after-ms, Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    assert.equal(retryAfterMs({ 'retry-after-ms': '250' }, now), 250);
    assert.equal(retryAfterMs({ 'retry-after-ms': '250', 'retry-after': '9' }, now), 250, 'retry-after-ms wins');
    assert.equal(retryAfterMs({ 'retry-after': '3' }, now), 3000);
    assert.equal(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 10:00:05 GMT' }, now), 5000);
    assert.equal(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 09:00:00 GMT' }, now), 0, 'a past date means now');
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }, now), null);
    assert.equal(retryAfterMs({}, now), null);
  });

  it('full jitter: uniform below min(cap, base·2^attempt), and it varies', () => {
    const rng = rngFor(1, Stream.retry, 0);
    for (let attempt = 0; attempt < 12; attempt++) {
      const values = Array.from({ length: 200 }, () => backoffMs(attempt, 100, 5000, rng));
      const ceiling = Math.min(5000, 100 * 2 ** attempt);
      assert.ok(values.every((v) => v >= 0 && v < ceiling));
      assert.ok(Math.max(...values) > ceiling * 0.8 && Math.min(...values) < ceiling * 0.2, `attempt ${attempt} is not spread over [0, ${ceiling})`);
    }
  });
});
