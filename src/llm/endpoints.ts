import { BalancedPool, type Dispatcher, Pool } from 'undici';

export interface EndpointOptions {
  /** Consecutive failures (5xx, 429, network errors) that take an endpoint out of rotation. */
  evictAfter: number;
  /** How long an evicted endpoint stays out before it is tried again. */
  evictForMs: number;
  /** Told when an endpoint leaves or rejoins the rotation. */
  log?: (message: string) => void;
}

export interface EndpointStats {
  origin: string;
  requests: number;
  failures: number;
  evictions: number;
  inRotation: boolean;
}

type Outcome = (origin: string, ok: boolean) => void;

/**
 * A Pool that reports each response's outcome: BalancedPool picks the upstream, so only the upstream's own
 * Pool knows which endpoint answered. The per-request handler is patched in place (a wrapper object would
 * leave undici's request handler reading its own, stale state).
 */
class ObservedPool extends Pool {
  private readonly origin: string;
  private readonly outcome: Outcome;

  constructor(origin: string, options: Pool.Options, outcome: Outcome) {
    super(origin, options);
    this.origin = origin;
    this.outcome = outcome;
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
    const h = handler as Record<string, unknown>;
    let reported = false;
    const report = (ok: boolean) => {
      if (reported) return;
      reported = true;
      this.outcome(this.origin, ok);
    };
    const failedStatus = (status: number) => status >= 500 || status === 429;
    for (const [name, statusArg] of [['onHeaders', 0], ['onResponseStart', 1]] as const) {
      const original = h[name];
      if (typeof original !== 'function') continue;
      h[name] = function (this: unknown, ...args: unknown[]) {
        report(!failedStatus(Number(args[statusArg])));
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
    for (const name of ['onError', 'onResponseError'] as const) {
      const original = h[name];
      if (typeof original !== 'function') continue;
      h[name] = function (this: unknown, ...args: unknown[]) {
        report(false);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      };
    }
    return super.dispatch(options, handler);
  }
}

/**
 * Several OpenAI-compatible endpoints behind one undici BalancedPool (weighted round robin, each upstream its
 * own Pool of `connections` sockets: the per-endpoint in-flight limit). An endpoint that fails `evictAfter`
 * times in a row is removed from the rotation for `evictForMs` — its in-flight requests finish, new ones go
 * to the others — then added back. The last endpoint in rotation is never removed.
 */
export class EndpointPool {
  readonly dispatcher: BalancedPool;
  private readonly stats = new Map<string, EndpointStats & { streak: number }>();
  private readonly options: EndpointOptions;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(origins: readonly string[], poolOptions: Pool.Options, options: EndpointOptions) {
    this.options = options;
    for (const origin of origins) this.stats.set(origin, { origin, requests: 0, failures: 0, evictions: 0, inRotation: true, streak: 0 });
    const factory = (origin: string | URL, opts: object) => new ObservedPool(String(origin), opts as Pool.Options, (o, ok) => this.outcome(o, ok));
    this.dispatcher = new BalancedPool([...origins], { ...poolOptions, factory } as Pool.Options);
  }

  private outcome(origin: string, ok: boolean): void {
    const s = this.stats.get(origin);
    if (!s) return;
    s.requests++;
    if (ok) {
      s.streak = 0;
      return;
    }
    s.failures++;
    s.streak++;
    const inRotation = [...this.stats.values()].filter((x) => x.inRotation).length;
    if (s.inRotation && s.streak >= this.options.evictAfter && inRotation > 1) {
      s.inRotation = false;
      s.evictions++;
      this.dispatcher.removeUpstream(origin);
      this.options.log?.(`endpoint ${origin} failed ${s.streak} times in a row: out of rotation for ${this.options.evictForMs} ms`);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        s.inRotation = true;
        s.streak = 0;
        this.dispatcher.addUpstream(origin);
        this.options.log?.(`endpoint ${origin} back in rotation`);
      }, this.options.evictForMs);
      timer.unref();
      this.timers.add(timer);
    }
  }

  endpoints(): EndpointStats[] {
    return [...this.stats.values()].map(({ streak: _s, ...rest }) => rest);
  }

  async close(): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.dispatcher.close();
  }
}
