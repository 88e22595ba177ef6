/**
 * SIGINT/SIGTERM. Only bin/ ends the process: where a signal must kill at once, we re-raise it with Node's
 * default action (the process dies of the signal, `$?` 130 or 143), never process.exit.
 *
 * A run command's signals are trapped from its start (trapSetup, in cli.ts, before the config is read), so a
 * first signal is never lost to Node's default action while the census, the calibration or the resume are
 * being set up; the runner then takes the trap over (onSignals). Other commands (validate, describe, card,
 * mock-llm, batch-export) keep Node's default or their own handler.
 */
import { setMaxListeners } from 'node:events';

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
 * How long the first signal lets requests in flight run before they are aborted, when `--drain-timeout` is
 * not given: 20 s, under the 30 s that Kubernetes (terminationGracePeriodSeconds) and Slurm (KillWait) wait
 * between SIGTERM and SIGKILL, so the final checkpoint is written before the kill.
 */
export const DEFAULT_DRAIN_MS = 20_000;

/** The set-up trap of a run command, until the runner takes it over; null outside one. */
let setup: { stop: AbortController; off: () => void } | null = null;

/**
 * cli.ts, for a command that runs through the runner, before any work: a first signal during set-up is kept
 * (the returned signal aborts) so the run ends before its first record, with nothing opened or written (exit
 * 130); a second kills at once.
 */
export function trapSetup(quiet: boolean): AbortSignal {
  releaseSetup();
  const stop = new AbortController();
  const off = trapSignals((signal, die) => {
    if (stop.signal.aborted) return die();
    if (!quiet) process.stderr.write(`\ngen-stream: ${signal}: stopping before the first record; nothing is written (again to force)\n`);
    stop.abort(signal);
  });
  setup = { stop, off };
  return stop.signal;
}

/** Ends the set-up trap (a command path that ends without a run); a no-op once the runner took it over. */
export function releaseSetup(): void {
  setup?.off();
  setup = null;
}

/** What a run is told of its signals. */
export interface RunSignals {
  /** Aborted by the first signal (not by the run's other stops): no retry starts from then on. */
  interrupt: AbortSignal;
  /** Aborted `drainMs` after the first signal: requests still in flight are aborted, their records left for the resume. */
  deadline: AbortSignal;
  /** A signal came during set-up: the run must not start. */
  early: boolean;
  off: () => void;
}

/**
 * A run's signals, taken over from the set-up trap: the first aborts the run's controller (stop taking
 * records, let requests in flight finish within `drainMs`, checkpoint, exit 130); the second kills at once,
 * and the last checkpoint stands. `quiet` (-q): said without a word; `doing`: what the notice says.
 */
export function onSignals(stop: AbortController, quiet: boolean, drainMs: number, doing = `finishing records in flight (at most ${drainMs / 1000} s) and writing a checkpoint`): RunSignals {
  const early = setup?.stop.signal.aborted ?? false;
  releaseSetup();
  const interrupt = new AbortController();
  const deadline = new AbortController();
  // Every request waiting out a backoff listens to the interrupt: as many as the LLM concurrency, not a leak.
  setMaxListeners(0, interrupt.signal);
  let timer: NodeJS.Timeout | undefined;
  const begin = () => {
    interrupt.abort('interrupted');
    if (!stop.signal.aborted) stop.abort('interrupted');
    timer = setTimeout(() => deadline.abort('drain timeout'), drainMs);
    timer.unref();
  };
  const off = trapSignals((signal, die) => {
    if (interrupt.signal.aborted) return die();
    if (!quiet) process.stderr.write(`\ngen-stream: ${signal}: ${doing} (again to force)\n`);
    begin();
  });
  if (early) begin();
  return {
    interrupt: interrupt.signal,
    deadline: deadline.signal,
    early,
    off: () => {
      clearTimeout(timer);
      off();
    },
  };
}
