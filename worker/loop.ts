// The worker's tick: turn due slots into runs, reap runs whose worker died, claim what fits in the
// free capacity and start it; then sleep until the next thing is due (at most one poll interval),
// or until a run finishes and frees a place that a waiting run can take.
//
// The tick runs `leadMs` ahead of the slots: it plans and claims what falls due within the lead, and
// each claimed run waits for its own time. The database work of 1,000 slots in one second is then
// done before that second, and the runs start on their timers, not after the transactions.
import { setMaxListeners } from "node:events";
import type { Db, JobKind } from "@/lib/db";
import { databaseErrorSummary } from "@/lib/db";
import type { Logger } from "@/lib/log";
import { cancelRequestedRunIds } from "@/lib/runs/cancel-requests";
import { claimRuns } from "@/lib/runs/claim-runs";
import type { Clock } from "@/lib/runs/db-clock";
import { enqueueDueRuns, PLAN_BATCH } from "@/lib/runs/enqueue-due";
import { earliestDue, firstDueMs } from "@/lib/runs/next-due";
import { reapExpiredRuns } from "@/lib/runs/reap-expired";
import { executeRun } from "./execute";
import { createLogWriter } from "./log-writer";
import { createOutcomeWriter } from "./outcome-writer";
import type { Executor } from "./executors/types";
import { sleep } from "@/lib/sleep";
import { createStartGate } from "./start-gate";

export type LoopOptions = {
  workerId: string;
  capacity: number;
  leaseMs: number;
  pollMs: number;
  /** How far ahead of their time slots are planned and runs claimed. */
  leadMs: number;
  /** Jobs planned per transaction (default PLAN_BATCH). */
  planBatch?: number;
  shutdownGraceMs: number;
  executors: Partial<Record<JobKind, Executor>>;
  log: Logger;
  /** "Now" for every decision the database sees (the database's clock on PostgreSQL). */
  clock: Clock;
  /** Aborted on SIGTERM / SIGINT: stop claiming and drain. */
  stop: AbortSignal;
  /** Called once with a function that makes the loop look again at once (a due notification). */
  onWakeReady?: (wakeNow: () => void) => void;
};

const MAX_BACKOFF_MS = 30_000;
const FREED_PLACE_GATHER_MS = 5;
/** How often runs held back by their job's max instances are looked at again until decided. */
const HELD_RECHECK_MS = 100;
/** Cancel requests on the runs this worker holds are looked for this often, not on every tick. */
const CANCEL_CHECK_INTERVAL_MS = 1_000;

export async function runWorkerLoop(db: Db, options: LoopOptions): Promise<void> {
  const { workerId, capacity, leaseMs, pollMs, leadMs, planBatch = PLAN_BATCH, shutdownGraceMs, executors, log, clock, stop } = options;
  const ahead = () => new Date(clock.now().getTime() + leadMs);
  // Expired leases are looked for every tenth of a lease (1 to 5 s): a dead worker's run is recorded
  // lost soon after its lease runs out, and an idle worker does not query for them every second.
  const reapIntervalMs = Math.min(5_000, Math.max(1_000, leaseMs / 10));
  const kinds = Object.keys(executors) as JobKind[];
  const running = new Map<string, Promise<void>>();
  // One per running run: aborted when someone asks to cancel that run.
  const cancels = new Map<string, AbortController>();
  const outcomes = createOutcomeWriter(db);
  const logWriter = createLogWriter(db, log);
  const gate = createStartGate(clock);
  const hardStop = new AbortController();
  // Each running run listens on it: up to `capacity` listeners is expected, not a leak.
  setMaxListeners(capacity + 1, hardStop.signal);
  let wake = new AbortController();
  let failures = 0;
  options.onWakeReady?.(() => wake.abort());
  // Due runs were left queued for want of a place (or of their job's max instances): a run that
  // finishes should wake the loop. Otherwise nothing waits, and finishing needs no extra tick.
  let waiting = false;
  let gathering: ReturnType<typeof setTimeout> | null = null;
  const wakeForFreedPlace = () => {
    if (!waiting || gathering) return;
    // Runs tend to finish in bursts: one tick claims for all the places freed in the next moment.
    gathering = setTimeout(() => {
      gathering = null;
      wake.abort();
    }, FREED_PLACE_GATHER_MS);
  };
  let lastReapAt = 0;
  let lastCancelCheckAt = 0;

  while (!stop.aborted) {
    let waitMs = pollMs;
    try {
      const due = await earliestDue(db);
      const horizon = ahead().getTime();
      const within = (at: Date | null) => at !== null && at.getTime() <= horizon;
      const toPlan = within(due.slot);
      const toClaim = toPlan || within(due.run) || waiting;
      // A full plan batch: more jobs may be due than one transaction plans (10,000 on the same
      // minute). The next tick plans them at once, not a poll interval later.
      let again = false;
      if (toPlan) {
        const enqueued = await enqueueDueRuns(db, clock.now(), { until: ahead(), limit: planBatch });
        for (const failure of enqueued.failed) log.error({ jobId: failure.jobId, error: failure.error }, "could not plan the job's due slots");
        again = enqueued.jobs + enqueued.failed.length >= planBatch;
      }
      if (Date.now() - lastReapAt >= reapIntervalMs) {
        lastReapAt = Date.now();
        const reaped = await reapExpiredRuns(db, clock.now());
        for (const run of reaped) log.warn({ runId: run.id, jobId: run.jobId, lostWorkerId: run.workerId }, "run of a lost worker recorded as lost");
      }
      if (running.size > 0 && Date.now() - lastCancelCheckAt >= CANCEL_CHECK_INTERVAL_MS) {
        lastCancelCheckAt = Date.now();
        for (const runId of await cancelRequestedRunIds(db, workerId)) cancels.get(runId)?.abort();
      }
      let wakeAt: number;
      if (toClaim) {
        const claim = await claimRuns(db, { workerId, now: clock.now(), until: ahead(), limit: capacity - running.size, leaseMs, kinds });
        waiting = claim.waiting;
        // The batch gave places up to runs that waited past their misfire grace: claim again.
        if (claim.more) again = true;
        for (const run of claim.runs) {
          const cancel = new AbortController();
          cancels.set(run.id, cancel);
          const execution = executeRun(db, run, executors[run.kind]!, { log, clock, outcomes, logWriter, hardStop: hardStop.signal, cancel: cancel.signal, leaseMs, gate })
            .catch((error: unknown) => log.error({ err: error, runId: run.id, jobId: run.jobId }, "run execution failed unexpectedly"))
            .finally(() => {
              running.delete(run.id);
              cancels.delete(run.id);
              wakeForFreedPlace();
            });
          running.set(run.id, execution);
        }
        // Everything due within the lead was planned and claimed (or is waiting for a place): wake a
        // lead before the next thing after it, or when a run held back by max instances must be decided.
        wakeAt = Math.min(firstDueMs(await earliestDue(db, ahead())) - leadMs, claim.decideAt?.getTime() ?? Infinity);
        // The run in the way may be another worker's, whose end wakes nobody here: look again soon.
        if (claim.decideAt) wakeAt = Math.min(wakeAt, clock.now().getTime() + HELD_RECHECK_MS);
      } else {
        // Nothing within the lead: the first look said when the next thing is.
        wakeAt = firstDueMs(due) - leadMs;
      }
      if (wakeAt !== Infinity) waitMs = Math.max(0, Math.min(pollMs, wakeAt - clock.now().getTime()));
      if (again) waitMs = 0;
      if (failures > 0) log.info({ failures }, "database reachable again");
      failures = 0;
    } catch (error) {
      failures += 1;
      waitMs = Math.min(MAX_BACKOFF_MS, pollMs * 2 ** Math.min(failures - 1, 5));
      log.error({ error: databaseErrorSummary(error), failures, retryInMs: waitMs }, "worker tick failed");
    }
    // Woken during this tick (a notification, or places freed): look again at once.
    if (wake.signal.aborted) {
      wake = new AbortController();
      continue;
    }
    await sleep(waitMs, AbortSignal.any([stop, wake.signal]));
  }
  if (gathering) clearTimeout(gathering);

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
  logWriter.stop();
}
