// The worker's tick: turn due slots into runs, reap runs whose worker died, claim what fits in the
// free capacity and start it; then sleep until the next thing is due (at most one poll interval),
// or until a run finishes and frees a place.
import { setMaxListeners } from "node:events";
import type { Db, JobKind } from "@/lib/db";
import { databaseErrorSummary } from "@/lib/db";
import type { Logger } from "@/lib/log";
import { claimRuns } from "@/lib/runs/claim-runs";
import { enqueueDueRuns } from "@/lib/runs/enqueue-due";
import { nextDueAfter } from "@/lib/runs/next-due";
import { reapExpiredRuns } from "@/lib/runs/reap-expired";
import { executeRun } from "./execute";
import type { Executor } from "./executors/types";
import { sleep } from "./sleep";

export type LoopOptions = {
  workerId: string;
  capacity: number;
  leaseMs: number;
  pollMs: number;
  shutdownGraceMs: number;
  executors: Partial<Record<JobKind, Executor>>;
  log: Logger;
  /** Aborted on SIGTERM / SIGINT: stop claiming and drain. */
  stop: AbortSignal;
  /** Called once with a function that makes the loop look again at once (a due notification). */
  onWakeReady?: (wakeNow: () => void) => void;
};

const MAX_BACKOFF_MS = 30_000;

export async function runWorkerLoop(db: Db, options: LoopOptions): Promise<void> {
  const { workerId, capacity, leaseMs, pollMs, shutdownGraceMs, executors, log, stop } = options;
  const kinds = Object.keys(executors) as JobKind[];
  const running = new Map<string, Promise<void>>();
  const hardStop = new AbortController();
  // Each running run listens on it: up to `capacity` listeners is expected, not a leak.
  setMaxListeners(capacity + 1, hardStop.signal);
  let wake = new AbortController();
  let failures = 0;
  options.onWakeReady?.(() => wake.abort());

  while (!stop.aborted) {
    let waitMs = pollMs;
    try {
      const now = new Date();
      const enqueued = await enqueueDueRuns(db, now);
      for (const failure of enqueued.failed) log.error({ jobId: failure.jobId, error: failure.error }, "could not plan the job's due slots");
      const reaped = await reapExpiredRuns(db, now);
      if (reaped > 0) log.warn({ reaped }, "runs of a lost worker recorded as lost");
      const claimed = await claimRuns(db, { workerId, now, limit: capacity - running.size, leaseMs, kinds });
      for (const run of claimed) {
        const execution = executeRun(db, run, executors[run.kind]!, { log, hardStop: hardStop.signal, leaseMs })
          .catch((error: unknown) => log.error({ err: error, runId: run.id }, "run execution failed unexpectedly"))
          .finally(() => {
            running.delete(run.id);
            wake.abort();
          });
        running.set(run.id, execution);
      }
      const next = await nextDueAfter(db, new Date());
      if (next) waitMs = Math.max(0, Math.min(pollMs, next.getTime() - Date.now()));
      if (failures > 0) log.info({ failures }, "database reachable again");
      failures = 0;
    } catch (error) {
      failures += 1;
      waitMs = Math.min(MAX_BACKOFF_MS, pollMs * 2 ** Math.min(failures - 1, 5));
      log.error({ error: databaseErrorSummary(error), failures, retryInMs: waitMs }, "worker tick failed");
    }
    // A run that finished during this tick freed a place: look again at once.
    if (wake.signal.aborted) {
      wake = new AbortController();
      continue;
    }
    await sleep(waitMs, AbortSignal.any([stop, wake.signal]));
  }

  if (running.size > 0) {
    log.info({ running: running.size, graceMs: shutdownGraceMs }, "waiting for running runs to finish");
    const drained = Promise.allSettled(running.values());
    const graceOver = new Promise<"grace over">((resolve) => setTimeout(() => resolve("grace over"), shutdownGraceMs).unref());
    if ((await Promise.race([drained, graceOver])) === "grace over") {
      log.warn({ running: running.size }, "grace period over; canceling the runs still running");
      hardStop.abort();
      await drained;
    }
  }
}
