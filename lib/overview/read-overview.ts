// The overview page's one read: counts, what needs attention, and the runs chart, each bounded by an
// index so the page costs the same with a thousand runs in the ledger or a million.
import type { Db } from "../db";
import { countOnlineWorkers } from "../health/online-workers";
import { countJobsByState, countRunsByStatus, type RunCounts } from "../metrics/count-by-status";
import { failingJobs, recentMisfires, type AttentionList } from "./needs-attention";
import type { OverviewRange } from "./overview-range";
import { runBuckets, type RunBucket } from "./run-buckets";

export const DAY_MS = 24 * 60 * 60_000;

export type Overview = {
  /** The instant the figures were read at. */
  now: string;
  jobs: { active: number; paused: number };
  /** Runs scheduled in the last 24 hours, by status. */
  runs24h: RunCounts;
  /** Workers seen in the last 24 hours that are not stopped: online ones heartbeat within the threshold. */
  workers: { online: number; offline: number };
  failing: AttentionList;
  /** Missed runs scheduled in the last 24 hours. */
  misfires: AttentionList;
  chart: { range: OverviewRange; buckets: RunBucket[] };
};

/** Not stopped, last heartbeat older than the threshold but within the day the workers list shows. */
function countOfflineWorkers(db: Db, now: Date, offlineAfterSeconds: number): Promise<number> {
  return db.worker.count({
    where: {
      stoppedAt: null,
      lastHeartbeatAt: { lt: new Date(now.getTime() - offlineAfterSeconds * 1000), gte: new Date(now.getTime() - DAY_MS) },
    },
  });
}

export async function readOverview(db: Db, { range, now, offlineAfterSeconds }: { range: OverviewRange; now: Date; offlineAfterSeconds: number }): Promise<Overview> {
  const day = { from: new Date(now.getTime() - DAY_MS), to: now };
  const [jobs, runs24h, online, offline, failing, misfires, buckets] = await Promise.all([
    countJobsByState(db),
    countRunsByStatus(db, day),
    countOnlineWorkers(db, now, offlineAfterSeconds),
    countOfflineWorkers(db, now, offlineAfterSeconds),
    failingJobs(db),
    recentMisfires(db, day),
    runBuckets(db, range, now),
  ]);
  return { now: now.toISOString(), jobs, runs24h, workers: { online, offline }, failing, misfires, chart: { range, buckets } };
}
