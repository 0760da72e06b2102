// The dead-man's switch: a slot due for longer than its job's start grace without a run starting
// raises `late`. It looks only at the schedule and the queue, never at a worker, so it fires when no
// worker is alive at all; the web server sweeps too for exactly that case.
import type { Db } from "../db";
import { countOnlineWorkers } from "../health/online-workers";
import { claimStateChange, type ChannelTarget, type SeenState } from "./state-change";

/** The smallest start grace the API accepts: the queries look this far back before each job's own grace applies. */
export const MIN_START_GRACE_SECONDS = 10;
const BATCH = 500;

type LateSlot = { jobId: string; dueAt: Date; graceSeconds: number; runId: string | null };

/**
 * Jobs with a slot overdue past its grace: a slot no worker has turned into a run (nextRunAt in the
 * past), or a run queued since its start time (no worker free or none alive). Paused jobs are never late.
 */
async function lateSlots(db: Db, now: Date): Promise<LateSlot[]> {
  const horizon = new Date(now.getTime() - MIN_START_GRACE_SECONDS * 1000);
  const [unplanned, queued] = await Promise.all([
    db.job.findMany({
      where: { paused: false, startGraceSeconds: { not: null }, nextRunAt: { lt: horizon } },
      select: { id: true, nextRunAt: true, startGraceSeconds: true },
      orderBy: { nextRunAt: "asc" },
      take: BATCH,
    }),
    db.run.findMany({
      where: { status: "queued", scheduledFor: { lt: horizon }, job: { paused: false, startGraceSeconds: { not: null } } },
      select: { id: true, jobId: true, scheduledFor: true, job: { select: { startGraceSeconds: true } } },
      orderBy: { scheduledFor: "asc" },
      take: BATCH,
    }),
  ]);
  const slots: LateSlot[] = [
    ...unplanned.map((job) => ({ jobId: job.id, dueAt: job.nextRunAt!, graceSeconds: job.startGraceSeconds!, runId: null })),
    ...queued.map((run) => ({ jobId: run.jobId, dueAt: run.scheduledFor, graceSeconds: run.job.startGraceSeconds!, runId: run.id })),
  ];
  const late = new Map<string, LateSlot>();
  for (const slot of slots) {
    if (slot.dueAt.getTime() + slot.graceSeconds * 1000 > now.getTime()) continue;
    const known = late.get(slot.jobId);
    if (!known || slot.dueAt < known.dueAt) late.set(slot.jobId, slot);
  }
  return [...late.values()];
}

function lateReason(slot: LateSlot, onlineWorkers: number): string {
  const what = slot.runId ? "queued run" : "slot";
  const why = onlineWorkers === 0 ? "no worker is online" : `${onlineWorkers} worker${onlineWorkers === 1 ? " is" : "s are"} online but none started it`;
  return `the ${what} due at ${slot.dueAt.toISOString()} has not started within its ${slot.graceSeconds} s start grace: ${why}`;
}

/** Raises `late` for overdue jobs not already late; returns the number of changes this process recorded. */
export async function evaluateLateSlots(db: Db, now: Date, channels: ChannelTarget[], { offlineAfterSeconds }: { offlineAfterSeconds: number }): Promise<number> {
  const slots = await lateSlots(db, now);
  if (slots.length === 0) return 0;
  const jobs = await db.job.findMany({
    where: { id: { in: slots.map((slot) => slot.jobId) } },
    select: { id: true, name: true, alertChannelIds: true, alertState: true },
  });
  const pending = jobs.filter((job) => job.alertState?.state !== "late");
  if (pending.length === 0) return 0;
  const onlineWorkers = await countOnlineWorkers(db, now, offlineAfterSeconds);
  let recorded = 0;
  for (const job of pending) {
    const slot = slots.find((candidate) => candidate.jobId === job.id)!;
    const seen: SeenState = job.alertState;
    const reason = lateReason(slot, onlineWorkers);
    // Runs that finished before the job went late say nothing about it any more: evaluation resumes
    // after this instant, so only a run finishing from now on can end the late state.
    const evaluatedAt = seen?.evaluatedAt && seen.evaluatedAt > now ? seen.evaluatedAt : now;
    const claimed = await claimStateChange(db, {
      job,
      seen,
      next: { state: "late", since: now, reason, runId: slot.runId, evaluatedAt, evaluatedRunId: evaluatedAt === now ? "" : (seen?.evaluatedRunId ?? "") },
      changes: [{ event: "late", fromState: seen?.state ?? "healthy", runId: slot.runId, reason, occurredAt: now }],
      channels,
      now,
    });
    if (claimed) recorded += 1;
  }
  return recorded;
}
