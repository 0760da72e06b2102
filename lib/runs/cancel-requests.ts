import type { Db } from "../db";

/**
 * The runs a worker is executing that someone asked to cancel (`cancelRun` sets cancelRequestedAt):
 * only the claim's holder may stop a run and record its outcome, so the worker asks.
 */
export async function cancelRequestedRunIds(db: Db, workerId: string): Promise<string[]> {
  const runs = await db.run.findMany({
    where: { status: "running", workerId, cancelRequestedAt: { not: null } },
    select: { id: true },
  });
  return runs.map((run) => run.id);
}
