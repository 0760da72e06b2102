// Counts by status, shared by the Prometheus scrape (every run, every job) and the dashboard's
// overview (the runs scheduled in a window): one GROUP BY each, zeros included.
import { RunStatus, type Db } from "../db";

export type RunCounts = Record<RunStatus, number>;

/** Runs by status, all of them or those scheduled within [from, to] (the scheduledFor index bounds it). */
export async function countRunsByStatus(db: Db, window?: { from: Date; to: Date }): Promise<RunCounts> {
  const counts = Object.fromEntries(Object.values(RunStatus).map((status) => [status, 0])) as RunCounts;
  const where = window ? { scheduledFor: { gte: window.from, lte: window.to } } : {};
  for (const group of await db.run.groupBy({ by: ["status"], where, _count: { _all: true } })) counts[group.status] = group._count._all;
  return counts;
}

export async function countJobsByState(db: Db): Promise<{ active: number; paused: number }> {
  const groups = await db.job.groupBy({ by: ["paused"], _count: { _all: true } });
  const count = (paused: boolean) => groups.find((group) => group.paused === paused)?._count._all ?? 0;
  return { active: count(false), paused: count(true) };
}
