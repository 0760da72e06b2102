// Which process evaluates runs and late slots for alerts. Every worker and the web server sweep, and
// evaluating in several at once is safe (state-change.ts) but multiplies the cost: each reads every
// run finished since its last sweep (10,000 per 10 s interval at 1,000 runs a second). Three workers
// doing that on two cores started whole slots over a second late, and a job at max instances 1 then
// skipped its next slot (bench/RESULTS.md). So one process evaluates: the online worker that started
// first among those that sweep (SUNDIAL_ALERT_SWEEP_MS above 0), or, with none online, the web server
// (the dead-man's switch must fire then too).
import type { Db } from "../db";
import { onlineWorkersWhere } from "../health/online-workers";

export type SweeperRole = { workerId: string } | "web";

/** The worker that evaluates alerts now, or null when none does (the web server then does). */
export async function alertEvaluatorId(db: Db, { now, offlineAfterSeconds }: { now: Date; offlineAfterSeconds: number }): Promise<string | null> {
  const first = await db.worker.findFirst({
    where: { ...onlineWorkersWhere(now, offlineAfterSeconds), sweepsAlerts: true },
    orderBy: [{ startedAt: "asc" }, { id: "asc" }],
    select: { id: true },
  });
  return first?.id ?? null;
}

export async function evaluatesAlerts(db: Db, role: SweeperRole, at: { now: Date; offlineAfterSeconds: number }): Promise<boolean> {
  const evaluator = await alertEvaluatorId(db, at);
  return role === "web" ? evaluator === null : evaluator === role.workerId;
}
