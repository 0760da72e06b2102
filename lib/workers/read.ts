import { alertEvaluatorId } from "../alerts/evaluator";
import type { Db } from "../db";
import { workerState, type WorkerState } from "./worker-status";

export type WorkerDto = {
  id: string;
  host: string;
  pid: number;
  version: string;
  state: WorkerState;
  startedAt: string;
  lastHeartbeatAt: string;
  stoppedAt: string | null;
  capacity: number;
  tasks: string[];
  shellEnabled: boolean;
  runningRuns: number;
  /**
   * The worker's part in alerting: "evaluates" turns finished runs and late slots into alerts (one
   * online worker at a time), "delivers" only sends what is queued, "off" does neither
   * (SUNDIAL_ALERT_SWEEP_MS=0). Null for a worker that is not online.
   */
  alerts: WorkerAlertRole | null;
};

export type WorkerAlertRole = "evaluates" | "delivers" | "off";

/** Workers seen within this window are listed; older stopped or dead workers are history. */
const LISTED_FOR_MS = 24 * 60 * 60 * 1000;

export async function listWorkers(db: Db, now: Date, offlineAfterSeconds: number): Promise<WorkerDto[]> {
  const [rows, evaluator] = await Promise.all([
    db.worker.findMany({
      where: { lastHeartbeatAt: { gte: new Date(now.getTime() - LISTED_FOR_MS) } },
      orderBy: [{ lastHeartbeatAt: "desc" }],
      include: { _count: { select: { runs: { where: { status: "running" } } } } },
    }),
    alertEvaluatorId(db, { now, offlineAfterSeconds }),
  ]);
  return rows.map((row) => {
    const state = workerState(row, now, offlineAfterSeconds);
    return {
      id: row.id,
      host: row.host,
      pid: row.pid,
      version: row.version,
      state,
      startedAt: row.startedAt.toISOString(),
      lastHeartbeatAt: row.lastHeartbeatAt.toISOString(),
      stoppedAt: row.stoppedAt?.toISOString() ?? null,
      capacity: row.capacity,
      tasks: Array.isArray(row.tasks) ? row.tasks.filter((t): t is string => typeof t === "string") : [],
      shellEnabled: row.shellEnabled,
      runningRuns: row._count.runs,
      alerts: state !== "online" ? null : !row.sweepsAlerts ? "off" : row.id === evaluator ? "evaluates" : "delivers",
    };
  });
}

/** The most recent heartbeat of any worker that has not shut down, or null when none ever ran. */
export async function freshestHeartbeat(db: Db): Promise<Date | null> {
  const row = await db.worker.findFirst({
    where: { stoppedAt: null },
    orderBy: { lastHeartbeatAt: "desc" },
    select: { lastHeartbeatAt: true },
  });
  return row?.lastHeartbeatAt ?? null;
}
