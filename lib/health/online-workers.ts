import type { Db, Prisma } from "../db";

/** workerState's rule ("online" = not stopped, heartbeat within the offline threshold) as a query filter. */
export function onlineWorkersWhere(now: Date, offlineAfterSeconds: number): Prisma.WorkerWhereInput {
  return { stoppedAt: null, lastHeartbeatAt: { gte: new Date(now.getTime() - offlineAfterSeconds * 1000) } };
}

/**
 * Workers that count as online at `now`, counted on the lastHeartbeatAt index, so neither the
 * readiness probe nor a scrape loads the worker history.
 */
export function countOnlineWorkers(db: Db, now: Date, offlineAfterSeconds: number): Promise<number> {
  return db.worker.count({ where: onlineWorkersWhere(now, offlineAfterSeconds) });
}
