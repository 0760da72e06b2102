import type { Db } from "../db";

export type WorkerRegistration = {
  id: string;
  host: string;
  pid: number;
  version: string;
  capacity: number;
  tasks: string[];
  shellEnabled: boolean;
  /** It runs the alert sweep, so it may be the one that evaluates alerts (lib/alerts/evaluator.ts). */
  sweepsAlerts: boolean;
};

/** Records a worker that has just started, so the dashboard and the health check can see it. */
export async function registerWorker(db: Db, worker: WorkerRegistration, now: Date): Promise<void> {
  await db.worker.create({
    data: { ...worker, startedAt: now, lastHeartbeatAt: now },
  });
}

/**
 * Renews a worker's heartbeat. Returns false when its row is gone (pruned while the worker was
 * frozen or the database was restored), so the caller can register again instead of heartbeating
 * into nothing.
 */
export async function recordHeartbeat(db: Db, workerId: string, now: Date): Promise<boolean> {
  const { count } = await db.worker.updateMany({
    where: { id: workerId },
    data: { lastHeartbeatAt: now, stoppedAt: null },
  });
  return count === 1;
}

/** Marks a clean shutdown: the worker is "stopped", not "offline" (which means it died). */
export async function markWorkerStopped(db: Db, workerId: string, now: Date): Promise<void> {
  await db.worker.updateMany({ where: { id: workerId }, data: { stoppedAt: now, lastHeartbeatAt: now } });
}
