import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressLine } from '../../src/run/progress.js';
import { RunStats } from '../../src/run-state/run-stats.js';

describe('progress line', () => {
  it('shows done/total, rate, in flight, retries, failures, tokens, cost and ETA', () => {
    const stats = new RunStats();
    Object.assign(stats, { total: 1000, done: 240, failed: 10, inFlight: 16, requests: 800, retries: 12, promptTokens: 400_000, completionTokens: 200_000, cost: 0.1234 });
    const line = progressLine(stats, stats.startedAt + 10_000);
    assert.equal(line, 'gen-stream: 250/1000 records, 25.0/s | in flight 16 | retries 12 | tokens 600k | cost 0.1234 | failed 10 | ETA 30s');
  });

  it('leaves out LLM columns for the template narrator and ETA when the total is unknown', () => {
    const stats = new RunStats();
    stats.done = 5000;
    assert.equal(progressLine(stats, stats.startedAt + 2_000), 'gen-stream: 5000 records, 2500.0/s | failed 0');
  });
});
