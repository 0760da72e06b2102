// One scrape's worth of numbers, read from the database. Each query is bounded by an index, so a
// scrape costs the same with a thousand runs in the ledger or a million (costs in README, Monitoring).
import type { Db, RunStatus } from "../db";
import { countOnlineWorkers } from "../health/online-workers";
import { databaseClock } from "../runs/db-clock";
import { countJobsByState, countRunsByStatus } from "./count-by-status";
import { recentRuns, type RecentRuns } from "./recent-runs";

export type MetricsSnapshot = {
  runsByStatus: Record<RunStatus, number>;
  /** Queued runs whose time has come that no worker has claimed yet. */
  dueUnclaimed: { count: number; oldestWaitSeconds: number };
  workersOnline: number;
  jobs: { active: number; paused: number };
  recent: RecentRuns;
};

async function dueUnclaimed(db: Db, now: Date): Promise<MetricsSnapshot["dueUnclaimed"]> {
  const due = await db.run.aggregate({
    where: { status: "queued", scheduledFor: { lte: now } },
    _count: { _all: true },
    _min: { scheduledFor: true },
  });
  const oldest = due._min.scheduledFor;
  return { count: due._count._all, oldestWaitSeconds: oldest ? (now.getTime() - oldest.getTime()) / 1000 : 0 };
}

export async function collectMetrics(db: Db, { offlineAfterSeconds }: { offlineAfterSeconds: number }): Promise<MetricsSnapshot> {
  // "Due" and "online" are judged on the clock the workers write with (lib/runs/db-clock.ts).
  const clock = databaseClock(db);
  await clock.sync();
  const now = clock.now();
  const [byStatus, due, workersOnline, jobs, recent] = await Promise.all([
    countRunsByStatus(db),
    dueUnclaimed(db, now),
    countOnlineWorkers(db, now, offlineAfterSeconds),
    countJobsByState(db),
    recentRuns(db, now),
  ]);
  return { runsByStatus: byStatus, dueUnclaimed: due, workersOnline, jobs, recent };
}
