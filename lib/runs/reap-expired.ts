// Runs whose worker stopped renewing their lease (killed, machine lost, frozen past the lease) end as
// `lost`, or are retried when the job's policy says so, by whichever worker notices first.
import type { Db } from "../db";
import { recordRunLost } from "./lose-run";

/** A run recorded lost, with the worker that held it, for the reaper's log line. */
export type ReapedRun = { id: string; jobId: string; workerId: string | null };

export async function reapExpiredRuns(db: Db, now: Date, { limit = 100 }: { limit?: number } = {}): Promise<ReapedRun[]> {
  const expired = await db.run.findMany({
    where: { status: "running", leaseExpiresAt: { lt: now } },
    select: { id: true, jobId: true, attempt: true, payload: true, claimToken: true, workerId: true, leaseExpiresAt: true },
    take: limit,
  });
  const reaped: ReapedRun[] = [];
  for (const run of expired) {
    const reason = `worker lost: ${run.workerId ?? "its worker"} stopped renewing the lease, which expired at ${run.leaseExpiresAt!.toISOString()}`;
    const { lost } = await db.$transaction((tx) => recordRunLost(tx, run, { reason, now }));
    if (lost) reaped.push({ id: run.id, jobId: run.jobId, workerId: run.workerId });
  }
  return reaped;
}
