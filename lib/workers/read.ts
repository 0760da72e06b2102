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
};

/** Workers seen within this window are listed; older stopped or dead workers are history. */
const LISTED_FOR_MS = 24 * 60 * 60 * 1000;

export async function listWorkers(db: Db, now: Date, offlineAfterSeconds: number): Promise<WorkerDto[]> {
  const rows = await db.worker.findMany({
    where: { lastHeartbeatAt: { gte: new Date(now.getTime() - LISTED_FOR_MS) } },
    orderBy: [{ lastHeartbeatAt: "desc" }],
    include: { _count: { select: { runs: { where: { status: "running" } } } } },
  });
  return rows.map((row) => ({
    id: row.id,
    host: row.host,
    pid: row.pid,
    version: row.version,
    state: workerState(row, now, offlineAfterSeconds),
    startedAt: row.startedAt.toISOString(),
    lastHeartbeatAt: row.lastHeartbeatAt.toISOString(),
    stoppedAt: row.stoppedAt?.toISOString() ?? null,
    capacity: row.capacity,
    tasks: Array.isArray(row.tasks) ? row.tasks.filter((t): t is string => typeof t === "string") : [],
    shellEnabled: row.shellEnabled,
    runningRuns: row._count.runs,
  }));
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
