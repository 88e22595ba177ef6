import type { RunStats } from '../run-state/run-stats.js';

const fmt = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : String(Math.round(n)));

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '?';
  if (s < 90) return `${Math.round(s)}s`;
  if (s < 5400) return `${Math.round(s / 60)}m`;
  return `${(s / 3600).toFixed(1)}h`;
}

export function progressLine(stats: RunStats, now = Date.now()): string {
  const secs = (now - stats.startedAt) / 1000;
  const finished = stats.done + stats.failed;
  const rate = secs > 0 ? finished / secs : 0;
  const total = stats.total !== null ? `/${stats.total}` : '';
  const eta = stats.total !== null && rate > 0 ? ` | ETA ${duration((stats.total - finished) / rate)}` : '';
  const llm = stats.requests
    ? ` | in flight ${stats.inFlight} | retries ${stats.retries} | tokens ${fmt(stats.promptTokens + stats.completionTokens)} | cost ${stats.cost.toFixed(4)}`
    : '';
  return `gen-stream: ${finished}${total} records, ${rate.toFixed(1)}/s${llm} | failed ${stats.failed}${eta}`;
}

/**
 * Progress on stderr: one live line on a terminal (4 updates a second), otherwise a line every 5 s.
 * Returns the function that stops it.
 */
export function startProgress(stats: RunStats, enabled: boolean): () => void {
  if (!enabled) return () => {};
  const tty = process.stderr.isTTY === true;
  const timer = setInterval(() => process.stderr.write(tty ? `\r\x1b[K${progressLine(stats)}` : `${progressLine(stats)}\n`), tty ? 250 : 5000);
  timer.unref();
  return () => {
    clearInterval(timer);
    if (tty) process.stderr.write('\r\x1b[K');
  };
}
