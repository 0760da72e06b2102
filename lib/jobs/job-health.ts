// What the job page shows beside the job itself, from one read: runs that say `running` but are no
// longer being run (stuck), whether max instances will make the next slot skip, and who paused it.
import type { Db } from "../db";
import { stuckReason } from "../runs/stuck-run";
import { jobNotFound } from "./lock-job";

export type StuckRun = {
  id: string;
  startedAt: string | null;
  workerId: string | null;
  leaseExpiresAt: string | null;
  /** Why it counts as stuck, e.g. "worker w-1 is offline: its last heartbeat was at …". */
  reason: string;
  cancelRequestedAt: string | null;
};

export type JobHealth = {
  checkedAt: string;
  runningRuns: number;
  maxInstances: number;
  /** The job's next slot will be recorded `skipped` if these runs are still running when it comes due. */
  nextSlotWillSkip: boolean;
  nextRunAt: string | null;
  stuckRuns: StuckRun[];
  /** Who paused the job (an email or an API token's name), while it is paused and that is known. */
  pausedBy: string | null;
};

/** A job's runs at max instances are few (maxInstances ≤ 1000); the cap only bounds a bad state. */
const MAX_RUNNING_READ = 1_000;

export async function getJobHealth(db: Db, id: string, { now, offlineAfterSeconds }: { now: Date; offlineAfterSeconds: number }): Promise<JobHealth> {
  const job = await db.job.findUnique({
    where: { id },
    select: { maxInstances: true, paused: true, nextRunAt: true, pausedAt: true, pausedBy: { select: { email: true } } },
  });
  if (!job) throw jobNotFound(id);
  const [running, pauseEvent] = await Promise.all([
    db.run.findMany({
      where: { jobId: id, status: "running" },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      take: MAX_RUNNING_READ,
      select: { id: true, startedAt: true, workerId: true, leaseExpiresAt: true, cancelRequestedAt: true, worker: { select: { lastHeartbeatAt: true, stoppedAt: true } } },
    }),
    // The audit row names token callers too, and outlives a removed user.
    job.paused
      ? db.auditEvent.findFirst({ where: { targetType: "job", targetId: id, action: "job.pause" }, orderBy: { at: "desc" }, select: { actorLabel: true } })
      : null,
  ]);
  const stuckRuns: StuckRun[] = [];
  for (const run of running) {
    const reason = stuckReason(run, run.worker, now, offlineAfterSeconds);
    if (reason === null) continue;
    stuckRuns.push({
      id: run.id,
      startedAt: run.startedAt?.toISOString() ?? null,
      workerId: run.workerId,
      leaseExpiresAt: run.leaseExpiresAt?.toISOString() ?? null,
      reason,
      cancelRequestedAt: run.cancelRequestedAt?.toISOString() ?? null,
    });
  }
  return {
    checkedAt: now.toISOString(),
    runningRuns: running.length,
    maxInstances: job.maxInstances,
    nextSlotWillSkip: !job.paused && job.nextRunAt !== null && running.length >= job.maxInstances,
    nextRunAt: job.nextRunAt?.toISOString() ?? null,
    stuckRuns,
    pausedBy: job.paused ? (pauseEvent?.actorLabel ?? job.pausedBy?.email ?? null) : null,
  };
}
