import type { Db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { ConflictError } from "../errors";
import type { Actor } from "../jobs/actor";
import { recordRunLost } from "./lose-run";
import { runNotFound } from "./read";
import { RUN_DTO_INCLUDE, toRunDto, type RunDto } from "./run-dto";
import { stuckReason } from "./stuck-run";

export type MarkedLost = { run: RunDto; /** The next attempt the job's retry policy queued, if any. */ retryId: string | null };

/**
 * An operator's verdict on a run that says `running` but is no longer being run: it ends `lost`, as
 * the reaper would record it, and the job's retry policy applies. Only a running run whose lease has
 * expired or whose worker is offline (or gone) may be marked: a run its online worker still holds is
 * being executed, and is canceled instead (ConflictError). Audited.
 *
 * `now` must be on the clock leases are written with (on PostgreSQL, the database's).
 */
export async function markRunLost(
  db: Db,
  { id }: { id: string },
  actor: Actor,
  { now, offlineAfterSeconds }: { now: Date; offlineAfterSeconds: number },
): Promise<MarkedLost> {
  return db.$transaction(async (tx) => {
    const run = await tx.run.findUnique({ where: { id }, include: { ...RUN_DTO_INCLUDE, worker: { select: { lastHeartbeatAt: true, stoppedAt: true } } } });
    if (!run) throw runNotFound(id);
    if (run.status !== "running") throw new ConflictError(`Only a running run can be marked lost; this one is ${run.status.replace("_", " ")}`);
    const stuck = stuckReason(run, run.worker, now, offlineAfterSeconds);
    if (stuck === null) {
      throw new ConflictError(
        `The run is still being executed: worker ${run.workerId} is online and holds its lease until ${run.leaseExpiresAt!.toISOString()}. Cancel it instead`,
      );
    }
    const { lost, retryId } = await recordRunLost(tx, run, { reason: `marked lost by ${actor.label}: ${stuck}`, now });
    // The fenced write found the run no longer held by the claim read above: its worker finished it
    // (or the reaper got there) in the meantime.
    if (!lost) throw new ConflictError("The run ended while it was being marked lost; reload to see how");
    const after = toRunDto(await tx.run.findUniqueOrThrow({ where: { id }, include: RUN_DTO_INCLUDE }));
    await recordAudit(tx, actor, { action: "run.mark-lost", targetType: "run", targetId: id, before: toRunDto(run), after: { ...after, retryId }, at: now });
    return { run: after, retryId };
  });
}
