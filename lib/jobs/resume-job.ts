import { dbProvider, type Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { announceDue } from "../runs/due-notifications";
import type { Actor } from "./actor";
import { toJobDto, type JobDto } from "./job-dto";
import { lockJob } from "./lock-job";
import { nextSlot } from "./next-slot";
import { triggerFromColumns } from "./trigger-columns";

/**
 * Restarts a paused job's schedule at its first slot from `now`. The slots that fell in the paused
 * period are not caught up, nor recorded as missed: pausing said not to run them (docs/scheduling.md,
 * "Pause, resume, run now"). A one-off job resumed after its time has no slot left (nextRunAt null);
 * "run now" runs it. Resuming a job that is not paused changes nothing.
 */
export async function resumeJob(db: Db, { id }: { id: string }, actor: Actor, { now }: { now: Date }): Promise<JobDto> {
  return db.$transaction(async (tx) => {
    await lockJob(tx, id);
    const row = await tx.job.findUniqueOrThrow({ where: { id }, include: { tags: true } });
    if (!row.paused) return toJobDto(row);
    const nextRunAt = nextSlot(triggerFromColumns(row), now, row.lastSlotAt);
    const userId = actor.type === "user" ? actor.id : null;
    const updated = await tx.job.update({
      where: { id },
      data: { paused: false, pausedAt: null, pausedById: null, pauseNote: null, nextRunAt, updatedAt: now, updatedById: userId, version: { increment: 1 } },
      include: { tags: true },
    });
    const after = toJobDto(updated);
    await recordAudit(tx, actor, { action: "job.resume", targetType: "job", targetId: id, before: toJobDto(row), after, at: now });
    if (nextRunAt && dbProvider(db) === "postgresql") await announceDue(tx);
    return after;
  });
}
