// Turns the due slots of due jobs into run rows: the runs to start (queued) and, for every slot that
// will not run, a missed or skipped row with its reason. The next slot is computed here, when the
// slot comes due, not after the run finishes: a 2-hour run can't hold the schedule back.
import type { Db, Job, Prisma } from "../db";
import { triggerFromColumns } from "../jobs/trigger-columns";
import { jitteredStart, planSlots } from "../schedule";

export type EnqueueResult = { jobs: number; recorded: number; failed: { jobId: string; error: string }[] };

function planRows(job: Job, now: Date): { rows: Prisma.RunCreateManyInput[]; nextRunAt: Date | null; lastSlotAt: Date | null } {
  const plan = planSlots({
    trigger: triggerFromColumns(job),
    firstSlot: job.nextRunAt!,
    now,
    misfireGraceSeconds: job.misfireGraceSeconds,
    coalesce: job.coalesce,
  });
  const rows: Prisma.RunCreateManyInput[] = [];
  if (plan.missedSpan) {
    rows.push({ jobId: job.id, source: "schedule", slotAt: plan.missedSpan.from, scheduledFor: plan.missedSpan.from, status: "missed", reason: plan.missedSpan.reason, finishedAt: now });
  }
  for (const slot of plan.notRun) {
    rows.push({ jobId: job.id, source: "schedule", slotAt: slot.slotAt, scheduledFor: slot.slotAt, status: slot.status, reason: slot.reason, finishedAt: now });
  }
  for (const slot of plan.run) {
    rows.push({ jobId: job.id, source: "schedule", slotAt: slot.slotAt, scheduledFor: jitteredStart(job.id, slot.slotAt, job.jitterSeconds) });
  }
  const slots = rows.map((row) => row.slotAt as Date);
  const lastSlotAt = slots.length > 0 ? new Date(Math.max(...slots.map((s) => s.getTime()))) : job.lastSlotAt;
  return { rows, nextRunAt: plan.nextRunAt, lastSlotAt };
}

/**
 * Handles one due job. The update of nextRunAt is conditional on the value this worker read, so of
 * several workers planning the same slots only one writes them; the unique (jobId, slotAt) index
 * would refuse a second copy anyway.
 */
async function enqueueJob(db: Db, job: Job, now: Date): Promise<number> {
  const { rows, nextRunAt, lastSlotAt } = planRows(job, now);
  return db.$transaction(async (tx) => {
    const { count } = await tx.job.updateMany({
      where: { id: job.id, nextRunAt: job.nextRunAt, paused: false },
      data: { nextRunAt, lastSlotAt },
    });
    if (count === 0) return -1;
    if (rows.length > 0) await tx.run.createMany({ data: rows });
    return rows.length;
  });
}

export async function enqueueDueRuns(db: Db, now: Date, { limit = 500 }: { limit?: number } = {}): Promise<EnqueueResult> {
  const due = await db.job.findMany({
    where: { paused: false, nextRunAt: { lte: now } },
    orderBy: { nextRunAt: "asc" },
    take: limit,
  });
  const result: EnqueueResult = { jobs: 0, recorded: 0, failed: [] };
  for (const job of due) {
    try {
      const written = await enqueueJob(db, job, now);
      if (written < 0) continue;
      result.jobs += 1;
      result.recorded += written;
    } catch (error) {
      // One job whose stored trigger no longer parses must not stop the others.
      result.failed.push({ jobId: job.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}
