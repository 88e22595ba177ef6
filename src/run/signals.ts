/**
 * SIGINT/SIGTERM for a run: the first aborts the run's controller (stop taking records, drain what is in
 * flight, checkpoint, exit 130); the second re-raises the signal with Node's default action, so the process
 * dies at once and the last checkpoint stands. Re-raising, not process.exit: only bin/ ends the process.
 */
export function onSignals(stop: AbortController): () => void {
  const handler = (signal: NodeJS.Signals) => {
    if (!stop.signal.aborted) {
      process.stderr.write(`\ngen-stream: ${signal}: finishing records in flight and writing a checkpoint (again to force)\n`);
      stop.abort('interrupted');
      return;
    }
    off();
    process.kill(process.pid, signal);
  };
  const off = () => {
    process.off('SIGINT', handler);
    process.off('SIGTERM', handler);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return off;
}
