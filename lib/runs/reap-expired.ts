// Runs whose worker stopped renewing their lease (killed, machine lost, frozen past the lease) end as
// `lost`, or are retried when the job's policy says so, by whichever worker notices first.
import type { Db } from "../db";
import { recordRunLost } from "./lose-run";

export async function reapExpiredRuns(db: Db, now: Date, { limit = 100 }: { limit?: number } = {}): Promise<number> {
  const expired = await db.run.findMany({
    where: { status: "running", leaseExpiresAt: { lt: now } },
    select: { id: true, jobId: true, attempt: true, payload: true, claimToken: true, workerId: true, leaseExpiresAt: true },
    take: limit,
  });
  let reaped = 0;
  for (const run of expired) {
    const reason = `worker lost: ${run.workerId ?? "its worker"} stopped renewing the lease, which expired at ${run.leaseExpiresAt!.toISOString()}`;
    const { lost } = await db.$transaction((tx) => recordRunLost(tx, run, { reason, now }));
    if (lost) reaped += 1;
  }
  return reaped;
}
