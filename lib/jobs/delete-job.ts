import type { Db, Prisma } from "../db";
import { recordAudit } from "../audit/record-audit";
import type { Actor } from "./actor";
import { toJobDto } from "./job-dto";
import { lockJob } from "./lock-job";

export type DeletedJob = { id: string; name: string; runs: number; logLines: number };

/**
 * Deletes a job with its runs and their logs, and records in the audit log the job as it was and how
 * many runs and log lines went with it. A run still executing is let go by its worker: the worker's
 * writes, fenced by the run's row, find nothing left to change.
 */
export async function deleteJob(db: Db, { id }: { id: string }, actor: Actor, { now }: { now: Date }): Promise<DeletedJob> {
  return db.$transaction((tx) => removeJob(tx, { id }, actor, { now }));
}

/** The write half of deleteJob, in the caller's transaction (the import of job definitions in replace mode deletes through it). */
export async function removeJob(tx: Prisma.TransactionClient, { id }: { id: string }, actor: Actor, { now }: { now: Date }): Promise<DeletedJob> {
  await lockJob(tx, id);
  const row = await tx.job.findUniqueOrThrow({ where: { id }, include: { tags: true } });
  // Deleted explicitly rather than left to ON DELETE CASCADE, so the audit row can say how much went.
  const logLines = await tx.runLog.deleteMany({ where: { run: { jobId: id } } });
  const runs = await tx.run.deleteMany({ where: { jobId: id } });
  await tx.job.delete({ where: { id } });
  const deleted: DeletedJob = { id, name: row.name, runs: runs.count, logLines: logLines.count };
  await recordAudit(tx, actor, { action: "job.delete", targetType: "job", targetId: id, before: { job: toJobDto(row), runs: runs.count, logLines: logLines.count }, at: now });
  return deleted;
}
