import { databaseErrorSummary, type Db, type DbProvider } from "./db";
import { freshestHeartbeat } from "./workers/read";
import { workerState } from "./workers/worker-status";

export type HealthReport = {
  status: "ok" | "degraded";
  version: string;
  database: { ok: boolean; provider: DbProvider; latencyMs: number; error?: string };
  worker: { online: boolean; lastHeartbeatAt: string | null; heartbeatAgeSeconds: number | null };
};

/**
 * What /api/health reports: the database's reachability and the freshest worker heartbeat. The
 * process answering is itself the "alive" signal, so this never throws; problems are in the body.
 */
export async function checkHealth(
  db: Db,
  { provider, version, now, offlineAfterSeconds }: { provider: DbProvider; version: string; now: () => Date; offlineAfterSeconds: number },
): Promise<HealthReport> {
  const started = performance.now();
  let database: HealthReport["database"];
  let heartbeat: Date | null = null;
  try {
    heartbeat = await freshestHeartbeat(db);
    database = { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    database = {
      ok: false,
      provider,
      latencyMs: Math.round(performance.now() - started),
      error: databaseErrorSummary(error),
    };
  }
  const at = now();
  const ageSeconds = heartbeat ? Math.max(0, (at.getTime() - heartbeat.getTime()) / 1000) : null;
  const online = heartbeat !== null && workerState({ lastHeartbeatAt: heartbeat, stoppedAt: null }, at, offlineAfterSeconds) === "online";
  return {
    status: database.ok && online ? "ok" : "degraded",
    version,
    database,
    worker: {
      online,
      lastHeartbeatAt: heartbeat?.toISOString() ?? null,
      heartbeatAgeSeconds: ageSeconds === null ? null : Math.round(ageSeconds * 10) / 10,
    },
  };
}
