import { Duplex } from 'node:stream';
import { InternalError } from '../errors.js';
import { type Indexed, indexOf } from '../run-state/record-index.js';

/**
 * What a task resolves to when its input was left unfinished (its work was aborted by a stop): not a result,
 * and not a failure. At its turn the map cuts there: it becomes the stop index, nothing from it on is emitted
 * (later results are dropped, so a resume from the stop index redoes each of them exactly once), and the map
 * ends once the tasks in flight settle.
 */
export const UNFINISHED: unique symbol = Symbol('unfinished');
export type Unfinished = typeof UNFINISHED;

/** The two bounds of an ordered map, both integers ≥ 1. */
export interface OrderedLimits {
  /** Tasks in flight at most (a semaphore: an HTTP pool's own queue is unbounded). */
  concurrency: number;
  /**
   * Inputs started but not yet emitted at most — in flight, or finished and waiting for an earlier one. This is
   * the reorder buffer's limit: when it is reached, nothing new starts until the oldest is emitted, so one slow
   * task holds back at most `window` results however long it takes.
   */
  window: number;
}

function checkLimits({ concurrency, window }: OrderedLimits): void {
  for (const [name, value] of [['concurrency', concurrency], ['window', window]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new InternalError(`ordered map: invalid ${name}: received ${value}, expected an integer >= 1`);
  }
}

/**
 * The scheduling state of an ordered bounded map, with no stream in it: which input may start, which result
 * may be emitted, what a stop leaves unstarted. Rules:
 * - inputs are accepted with consecutive indices; the first accepted index is where this run starts (a resume
 *   starts mid-way);
 * - an input starts only while fewer than `concurrency` are in flight and fewer than `window` are started but
 *   not emitted; inputs start in index order;
 * - results are emitted in index order only: a result waits until every earlier one is out;
 * - after `stop()` nothing starts again: queued inputs and inputs accepted later are dropped, and the first
 *   dropped index is the stop index (every earlier input was started, so a resume starts there);
 * - an UNFINISHED result, at its turn, stops the schedule there: its index becomes the stop index (if lower),
 *   it and every later result are dropped, and later settles are dropped as they come.
 */
export class OrderedSchedule<T, R> {
  private readonly limits: OrderedLimits;
  private queue: Array<{ index: number; item: T }> = [];
  /** Next queue slot to start (a cursor, not shift(): a chunk of a thousand records stays linear). */
  private head = 0;
  private readonly results = new Map<number, R>();
  private begun = false;
  private nextStart = 0;
  private nextEmit = 0;
  private running = 0;
  private stopped = false;
  private firstDropped: number | null = null;
  /** Set at an UNFINISHED result's turn: nothing is emitted from here on. */
  private cut = false;

  constructor(limits: OrderedLimits) {
    checkLimits(limits);
    this.limits = { concurrency: limits.concurrency, window: limits.window };
  }

  /** Inputs accepted but not started. */
  get queued(): number {
    return this.queue.length - this.head;
  }

  /** Tasks started and not settled. */
  get inFlight(): number {
    return this.running;
  }

  /** Inputs started but not emitted (in flight, or settled and waiting for their turn): never above `window`. */
  get unemitted(): number {
    return this.nextStart - this.nextEmit;
  }

  /** Nothing queued, nothing in flight, nothing waiting to be emitted. */
  get idle(): boolean {
    return this.queued === 0 && this.running === 0 && this.results.size === 0;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** After a stop, the first input index dropped unstarted; null while nothing was dropped. */
  get stopIndex(): number | null {
    return this.firstDropped;
  }

  accept(index: number, item: T): void {
    if (!this.begun) {
      this.begun = true;
      this.nextStart = this.nextEmit = index;
    }
    if (this.stopped) this.drop(index);
    else this.queue.push({ index, item });
  }

  canStart(): boolean {
    const { concurrency, window } = this.limits;
    return this.queued > 0 && this.running < concurrency && this.nextStart - this.nextEmit < window;
  }

  /** The next input to run, now counted in flight; undefined when the bounds (or an empty queue) forbid it. */
  start(): { index: number; item: T } | undefined {
    if (!this.canStart()) return undefined;
    const entry = this.queue[this.head++];
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    }
    this.running++;
    this.nextStart = entry.index + 1;
    return entry;
  }

  /** A started input's result: it waits until its turn (after a cut it is dropped). */
  settle(index: number, result: R | Unfinished): void {
    this.running--;
    if (!this.cut) this.results.set(index, result as R);
  }

  /** The result whose turn it is, removed (emitted); undefined while it is still running, or after a cut. */
  next(): { index: number; result: R } | undefined {
    const index = this.nextEmit;
    if (this.cut || !this.results.has(index)) return undefined;
    const result = this.results.get(index) as R | Unfinished;
    if (result === UNFINISHED) {
      this.stop();
      this.cut = true;
      this.results.clear();
      this.drop(index);
      return undefined;
    }
    this.results.delete(index);
    this.nextEmit++;
    return { index, result };
  }

  /** Stops the intake: queued inputs are dropped (the first becomes the stop index); in-flight ones may settle. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.queued > 0) this.drop(this.queue[this.head].index);
    this.queue = [];
    this.head = 0;
  }

  /** Forgets everything held (queued inputs, results waiting): what destroy releases. */
  clear(): void {
    this.stopped = true;
    this.queue = [];
    this.head = 0;
    this.results.clear();
  }

  private drop(index: number): void {
    this.firstDropped = Math.min(this.firstDropped ?? Infinity, index);
  }
}

export interface OrderedMapOptions<R, O> extends OrderedLimits {
  /**
   * The work for one input. A rejection is a stream error (the stream is destroyed with it): a failure that
   * should become a result (a failure-file entry) must be caught by the task and returned as a value.
   */
  task: (record: Indexed, index: number) => Promise<R | Unfinished>;
  /**
   * Called once per input at its turn — in input order, when the reader takes results — with what the task
   * returned; gives the outputs to emit for it (none, one or many). Order-dependent side effects go here.
   */
  atTurn: (result: R, index: number) => readonly O[];
  /** Aborting stops the intake: inputs not started are dropped (see `onStopIndex`), in-flight ones finish, then the stream ends. */
  signal?: AbortSignal;
  /** Told after a stop of the first input index dropped unstarted or left unfinished (where a resume starts); told again if it lowers. */
  onStopIndex?: (index: number) => void;
}

type Callback = (err?: Error | null) => void;

/** What the stream side holds between calls. */
interface Held {
  /** The writer's callback, held until its whole chunk has started (so the intake is bounded). */
  write: Callback | null;
  /** The ender's callback, held until every input is emitted. */
  final: Callback | null;
  /** The reader asked for more and was not refused since (`push` returned true). */
  readWanted: boolean;
}

/**
 * One pass over the schedule: start what the bounds allow, release the writer once its chunk has all started,
 * emit what is due if the reader wants it, end once idle. True when emitting freed room for another pass.
 */
function step<R, O>(schedule: OrderedSchedule<Indexed, R>, held: Held, stream: Duplex, atTurn: OrderedMapOptions<R, O>['atTurn'], launch: (entry: { index: number; item: Indexed }) => void): boolean {
  while (schedule.canStart()) launch(schedule.start()!);
  if (held.write && schedule.queued === 0) {
    const cb = held.write;
    held.write = null;
    cb();
  }
  let again = false;
  if (held.readWanted) {
    const wasStopped = schedule.isStopped;
    const out: O[] = [];
    for (let due = schedule.next(); due; due = schedule.next()) for (const o of atTurn(due.result, due.index)) out.push(o);
    if (out.length) {
      // Cleared first: a read() called from inside push (a synchronous consumer) must not be overwritten.
      held.readWanted = false;
      if (stream.push(out)) held.readWanted = true;
    }
    // A cut stops the schedule: another pass releases the writer (nothing is queued any more).
    again = schedule.canStart() || (!wasStopped && schedule.isStopped);
  }
  if (held.final && schedule.idle) {
    const cb = held.final;
    held.final = null;
    stream.push(null);
    cb();
  }
  return again;
}

/** A task's promise; a synchronous throw counts as a rejection. */
function attempt<R>(task: OrderedMapOptions<R, unknown>['task'], item: Indexed, index: number): Promise<R | Unfinished> {
  try {
    return task(item, index);
  } catch (err) {
    return Promise.reject(err);
  }
}

/**
 * `pass` repeated while it asks for another, one run at a time: a call while it runs (a push, an abort or a
 * settle inside a pass) asks for one more pass instead of nesting. A throw goes to `fail`.
 */
function serialised(pass: () => boolean, fail: (err: Error) => void): () => void {
  let running = false;
  let again = false;
  return () => {
    again = true;
    if (running) return;
    running = true;
    try {
      while (again) {
        again = false;
        if (pass()) again = true;
      }
    } catch (err) {
      fail(err as Error);
    } finally {
      running = false;
    }
  };
}

/**
 * A generic ordered bounded map: arrays of indexed records (INDEX) in, arrays of outputs out in input order,
 * scheduled by an OrderedSchedule. Emission follows the reader (`read`), so a slow reader fills the window and
 * stops new tasks instead of growing a buffer; the writer's callback waits until its whole chunk has started,
 * so the intake is bounded too. `destroy` drops every queued input and waiting result and ignores tasks that
 * settle afterwards (it cannot cancel them).
 */
export function createOrderedMap<R, O>(options: OrderedMapOptions<R, O>): Duplex {
  const { task, atTurn, signal, onStopIndex } = options;
  const schedule = new OrderedSchedule<Indexed, R>(options);
  const held: Held = { write: null, final: null, readWanted: false };
  let reported: number | null = null;
  let destroyed = false;

  const reportStop = () => {
    const at = schedule.stopIndex;
    if (at === null || (reported !== null && at >= reported)) return;
    reported = at;
    onStopIndex?.(at);
  };

  const launch = ({ index, item }: { index: number; item: Indexed }) => {
    attempt(task, item, index).then(
      (result) => {
        if (destroyed) return;
        schedule.settle(index, result);
        pump();
      },
      (err: unknown) => stream.destroy(err instanceof Error ? err : new Error(String(err))),
    );
  };

  const pump = serialised(
    () => {
      if (destroyed) return false;
      const again = step(schedule, held, stream, atTurn, launch);
      reportStop(); // a cut (an UNFINISHED result at its turn) may have lowered the stop index
      return again;
    },
    (err) => stream.destroy(err),
  );

  const onAbort = () => {
    schedule.stop();
    reportStop();
    pump();
  };

  const stream = new Duplex({
    write(chunk: Indexed[], _enc, callback) {
      try {
        for (const record of chunk) schedule.accept(indexOf(record), record);
      } catch (err) {
        return callback(err as Error);
      }
      reportStop();
      held.write = callback;
      pump();
    },
    final(callback) {
      held.final = callback;
      pump();
    },
    read() {
      held.readWanted = true;
      pump();
    },
    destroy(err, callback) {
      destroyed = true;
      schedule.clear();
      held.write = held.final = null;
      signal?.removeEventListener('abort', onAbort);
      callback(err);
    },
    objectMode: true,
    readableHighWaterMark: 2,
    writableHighWaterMark: 1,
  });
  if (signal?.aborted) schedule.stop();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return stream;
}
