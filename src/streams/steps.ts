/**
 * The async steps of a Writable whose write and final do file work: each step's outcome goes to the stream's
 * callback, and the step under way is remembered (settled either way) so `destroy` can wait for it before it
 * releases files — no file is opened or written after destroy began its clean-up.
 */
export function stepper(): { step: (work: Promise<void>, callback: (err?: Error | null) => void) => void; settled: () => Promise<unknown> } {
  let busy: Promise<unknown> = Promise.resolve();
  return {
    step(work, callback) {
      busy = work.catch(() => undefined);
      work.then(() => callback(), callback);
    },
    settled: () => busy,
  };
}
