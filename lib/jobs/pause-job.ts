import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";
import { toJobDto, type JobDto } from "./job-dto";
import { lockJob } from "./lock-job";

export type PauseJobInput = { id: string; note?: string | null };

/**
 * Stops a job's schedule: no slot comes due while it is paused (runs already queued or running go
 * on, and "run now" still works). Records who paused it, when and why. Pausing a paused job changes
 * nothing: the first pause's who, when and note stay.
 */
export async function pauseJob(db: Db, { id, note }: PauseJobInput, actor: Actor, { now }: { now: Date }): Promise<JobDto> {
  return db.$transaction(async (tx) => {
    await lockJob(tx, id);
    const row = await tx.job.findUniqueOrThrow({ where: { id }, include: { tags: true } });
    if (row.paused) return toJobDto(row);
    const userId = actor.type === "user" ? actor.id : null;
    const updated = await tx.job.update({
      where: { id },
      data: { paused: true, pausedAt: now, pausedById: userId, pauseNote: note || null, updatedAt: now, updatedById: userId, version: { increment: 1 } },
      include: { tags: true },
    });
    const after = toJobDto(updated);
    await recordAudit(tx, actor, { action: "job.pause", targetType: "job", targetId: id, before: toJobDto(row), after, at: now });
    return after;
  });
}
