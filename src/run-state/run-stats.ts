/** Counters shared by the stages of one run, read by the progress line and the summary. */
export class RunStats {
  /** Records expected, when known. */
  total: number | null = null;
  done = 0;
  /** Records written to the outputs by the tee. */
  written = 0;
  failed = 0;
  inFlight = 0;
  requests = 0;
  retries = 0;
  promptTokens = 0;
  completionTokens = 0;
  cost = 0;
  /** Why the run stopped taking records early (max cost, a fatal API error, a signal), if it did. */
  stopReason: string | null = null;
  /** Input positions taken from the source so far (one past the last). */
  taken = 0;
  /** After a stop: the first input position left unattempted (a resume starts there). */
  stopIndex: number | null = null;
  readonly startedAt = Date.now();
}

/** Estimated cost of a token count at a per-1M-token price. */
export function costOf(promptTokens: number, completionTokens: number, price: { input: number; output: number } | undefined): number {
  return price ? (promptTokens * price.input + completionTokens * price.output) / 1e6 : 0;
}
