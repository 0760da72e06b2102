import type { Db } from "../db";

/**
 * Workers that count as online at `now`: workerState's rule ("online" = not stopped, heartbeat within
 * the offline threshold) as a query on the lastHeartbeatAt index, so neither the readiness probe nor
 * a scrape loads the worker history.
 */
export function countOnlineWorkers(db: Db, now: Date, offlineAfterSeconds: number): Promise<number> {
  return db.worker.count({
    where: { stoppedAt: null, lastHeartbeatAt: { gte: new Date(now.getTime() - offlineAfterSeconds * 1000) } },
  });
}
