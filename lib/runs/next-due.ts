import type { Db } from "../db";

export type EarliestDue = { slot: Date | null; run: Date | null };

/**
 * The earliest slot of an unpaused job and the earliest queued run's start (a retry's backoff, a
 * jittered slot), after `after` or, without it, past ones included. Without `after`, one look tells
 * a tick whether there is anything to plan or claim at all (an idle worker's tick is these two
 * indexed reads); with it, when the worker should wake next instead of sleeping a poll interval.
 */
export async function earliestDue(db: Db, after?: Date): Promise<EarliestDue> {
  const [job, run] = await Promise.all([
    db.job.findFirst({ where: { paused: false, nextRunAt: after ? { gt: after } : { not: null } }, orderBy: { nextRunAt: "asc" }, select: { nextRunAt: true } }),
    db.run.findFirst({ where: { status: "queued", ...(after ? { scheduledFor: { gt: after } } : {}) }, orderBy: { scheduledFor: "asc" }, select: { scheduledFor: true } }),
  ]);
  return { slot: job?.nextRunAt ?? null, run: run?.scheduledFor ?? null };
}

/** The first of the two, in epoch milliseconds; Infinity when there is neither. */
export function firstDueMs({ slot, run }: EarliestDue): number {
  return Math.min(slot?.getTime() ?? Infinity, run?.getTime() ?? Infinity);
}
