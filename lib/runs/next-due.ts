import type { Db } from "../db";

/**
 * The earliest future moment something becomes due: a job's next slot or a queued run's start (a
 * retry's backoff, a jittered slot). The worker sleeps until then instead of a whole poll interval.
 */
export async function nextDueAfter(db: Db, now: Date): Promise<Date | null> {
  const [job, run] = await Promise.all([
    db.job.findFirst({ where: { paused: false, nextRunAt: { gt: now } }, orderBy: { nextRunAt: "asc" }, select: { nextRunAt: true } }),
    db.run.findFirst({ where: { status: "queued", scheduledFor: { gt: now } }, orderBy: { scheduledFor: "asc" }, select: { scheduledFor: true } }),
  ]);
  const times = [job?.nextRunAt, run?.scheduledFor].filter((t): t is Date => t instanceof Date);
  return times.length > 0 ? new Date(Math.min(...times.map((t) => t.getTime()))) : null;
}

export type EarliestDue = { slot: Date | null; run: Date | null };

/**
 * The earliest slot of an unpaused job and the earliest queued run, past ones included: with one
 * look a tick knows whether there is anything to plan or claim at all, and an idle worker's tick
 * is these two indexed reads.
 */
export async function earliestDue(db: Db): Promise<EarliestDue> {
  const [job, run] = await Promise.all([
    db.job.findFirst({ where: { paused: false, nextRunAt: { not: null } }, orderBy: { nextRunAt: "asc" }, select: { nextRunAt: true } }),
    db.run.findFirst({ where: { status: "queued" }, orderBy: { scheduledFor: "asc" }, select: { scheduledFor: true } }),
  ]);
  return { slot: job?.nextRunAt ?? null, run: run?.scheduledFor ?? null };
}
