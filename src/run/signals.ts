/**
 * SIGINT/SIGTERM. Only bin/ ends the process: where a signal must kill at once, we re-raise it with Node's
 * default action (the process dies of the signal, `$?` 130 or 143), never process.exit.
 */

/** Removes our handlers and re-raises `signal`: the process dies of it. */
function dieOf(signal: NodeJS.Signals, off: () => void): void {
  off();
  process.kill(process.pid, signal);
}

/** Installs `handler` for SIGINT and SIGTERM; it is told the signal and a way to die of it. Returns the uninstaller. */
export function trapSignals(handler: (signal: NodeJS.Signals, die: () => void) => void): () => void {
  const listener = (signal: NodeJS.Signals) => handler(signal, () => dieOf(signal, off));
  const off = () => {
    process.off('SIGINT', listener);
    process.off('SIGTERM', listener);
  };
  process.on('SIGINT', listener);
  process.on('SIGTERM', listener);
  return off;
}

/**
 * A run's signals: the first aborts the run's controller (stop taking records, drain what is in flight,
 * checkpoint, exit 130); the second kills at once, and the last checkpoint stands. `quiet` (-q): said without a word.
 */
export function onSignals(stop: AbortController, quiet: boolean): () => void {
  return trapSignals((signal, die) => {
    if (stop.signal.aborted) return die();
    if (!quiet) process.stderr.write(`\ngen-stream: ${signal}: finishing records in flight and writing a checkpoint (again to force)\n`);
    stop.abort('interrupted');
  });
}
