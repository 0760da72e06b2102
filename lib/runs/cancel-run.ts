import type { Db, Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import { ConflictError } from "../errors";
import type { Actor } from "../jobs/actor";
import { runNotFound } from "./read";
import { RUN_DTO_INCLUDE, toRunDto, type RunDto } from "./run-dto";

/**
 * Cancels a run. A queued run is canceled at once: it will never be claimed. A running one gets
 * `cancelRequestedAt`, and the worker executing it is the one to stop it and record the outcome
 * (only the claim's holder may finish a run). Canceling again changes nothing; a run that already
 * ended can't be canceled (ConflictError).
 */
export async function cancelRun(db: Db, { id }: { id: string }, actor: Actor, { now }: { now: Date }): Promise<RunDto> {
  return db.$transaction(async (tx) => {
    // The run's row is locked first, so a worker claiming it at the same moment either claims it
    // before (and the run is running here) or finds it no longer queued.
    const locked = await tx.$executeRaw`UPDATE "Run" SET "status" = "status" WHERE "id" = ${id}`;
    if (locked === 0) throw runNotFound(id);
    const run = await tx.run.findUniqueOrThrow({ where: { id }, include: RUN_DTO_INCLUDE });
    let data: Prisma.RunUpdateInput;
    if (run.status === "queued") {
      data = { status: "canceled", reason: `canceled by ${actor.label} before it started`, cancelRequestedAt: now, finishedAt: now };
    } else if (run.status === "running" && run.cancelRequestedAt === null) {
      data = { cancelRequestedAt: now };
    } else if (run.status === "running" || run.status === "canceled") {
      return toRunDto(run);
    } else {
      throw new ConflictError(`The run has already ended (${run.status})`);
    }
    const updated = await tx.run.update({ where: { id }, data, include: RUN_DTO_INCLUDE });
    const after = toRunDto(updated);
    await recordAudit(tx, actor, { action: "run.cancel", targetType: "run", targetId: id, before: toRunDto(run), after, at: now });
    return after;
  });
}
