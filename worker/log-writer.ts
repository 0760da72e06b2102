// Writes the output of every running run together: one write per flush interval for the whole
// worker, not one per run. A worker running hundreds of runs at once otherwise made a write (and a
// transaction) per run per interval, and the more it fell behind, the more of its runs lasted long
// enough to need one. A run's last lines are not written here: they go with its outcome.
//
// Only lines that have waited a whole interval are written: most runs end within it (an HTTP job's
// "POST …" line, then its answer), and their lines then go with the outcome in the same write
// instead of a write of their own. Otherwise a flush that came just after 1,000 runs were released
// on one instant wrote 1,000 first lines, on the event loop their requests were waiting for. A long
// run's output still shows while it runs, between one and two intervals after it was printed.
import type { Db } from "@/lib/db";
import type { Logger } from "@/lib/log";
import { appendRunLogs } from "@/lib/runs/run-logs";
import { RunLogBuffer, type RunLogBatch } from "./run-log-buffer";

const FLUSH_INTERVAL_MS = 500;

export type LogWriter = {
  /** A buffer for a run's lines, written every flush interval until the run closes it. */
  open: (run: { runId: string; claimToken: string }) => RunLogBuffer;
  /**
   * Stops writing the run's lines and returns those not yet written, to be recorded with its
   * outcome. Waits for a write in flight first: lines written after the outcome would find the run
   * no longer running and be refused.
   */
  close: (buffer: RunLogBuffer) => Promise<RunLogBatch>;
  stop: () => void;
};

export function createLogWriter(db: Db, log: Logger, { flushIntervalMs = FLUSH_INTERVAL_MS }: { flushIntervalMs?: number } = {}): LogWriter {
  const open = new Set<RunLogBuffer>();
  let flushing: Promise<void> = Promise.resolve();

  const flush = () => {
    flushing = flushing.then(async () => {
      const now = performance.now();
      const batches = [...open].filter((buffer) => (buffer.pendingForMs(now) ?? -1) >= flushIntervalMs).map((buffer) => ({ ...buffer.run, ...buffer.take() }));
      if (batches.length === 0) return;
      try {
        await appendRunLogs(db, batches);
      } catch (error) {
        const runIds = batches.map((batch) => batch.runId);
        log.warn({ err: error, runIds, lines: batches.reduce((sum, batch) => sum + batch.lines.length, 0) }, "could not write run log lines");
      }
    });
  };
  const timer = setInterval(flush, flushIntervalMs);

  return {
    open(run) {
      const buffer = new RunLogBuffer(run);
      open.add(buffer);
      return buffer;
    },
    async close(buffer) {
      open.delete(buffer);
      await flushing;
      return buffer.take();
    },
    stop() {
      clearInterval(timer);
    },
  };
}
