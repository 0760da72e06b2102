// Waits that end early when their signal aborts, for the loops of the worker and the alert sweeper.

/**
 * Waits `ms`, or less if the signal aborts first; never rejects, so loops can just re-check state.
 * `unref`: the wait alone does not keep the process alive (a sweeper beside a web server).
 */
export function sleep(ms: number, signal?: AbortSignal, { unref = false }: { unref?: boolean } = {}): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    if (unref) timer.unref();
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/**
 * Resolves once the signal aborts, at once if it already has: a listener added to an aborted
 * signal is never called, so waiting on one that aborted a moment earlier would wait forever.
 */
export function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
