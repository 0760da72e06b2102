// What /api/ready answers a load balancer: may this instance take traffic? Yes when the database
// answers, carries every migration this build ships, and some worker is alive to execute what the
// API schedules. Each check is reported, failed or not, so the 503 body says what to fix.
import { databaseErrorSummary, dbProvider, type Db, type DbProvider } from "../db";
import { databaseClock } from "../runs/db-clock";
import { freshestHeartbeat } from "../workers/read";
import { migrationState, type MigrationState } from "./migration-state";
import { countOnlineWorkers } from "./online-workers";
import { withTimeout } from "./with-timeout";

/** Probes run every few seconds: a database slower than this is as good as down to a load balancer. */
export const READINESS_TIMEOUT_MS = 2_000;

type Failure = { ok: false; error: string };

export type ReadinessReport = {
  ready: boolean;
  checks: {
    database: { ok: true; provider: DbProvider; latencyMs: number } | (Failure & { provider: DbProvider | null; latencyMs: number });
    migrations: ({ ok: boolean } & MigrationState) | Failure;
    worker: { ok: boolean; online: number; lastHeartbeatAt: string | null; heartbeatAgeSeconds: number | null } | Failure;
  };
};

export type ReadinessOptions = { migrationsDir: string; offlineAfterSeconds: number; timeoutMs?: number };

const SKIPPED: Failure = { ok: false, error: "not checked: the database is unreachable" };

function messageOf(error: unknown): string {
  return error instanceof Error && error.name === "TimeoutError" ? error.message : databaseErrorSummary(error);
}

/**
 * `openDb` rather than a client: building one can itself fail (an unopenable SQLite path), and that
 * must read as "database down", not as a 500. Never throws.
 */
export async function checkReadiness(openDb: () => Db, options: ReadinessOptions): Promise<ReadinessReport> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const started = performance.now();
  const elapsedMs = () => Math.round(performance.now() - started);
  let db: Db;
  let now: Date;
  try {
    db = openDb();
    // Heartbeats are written on the database's clock (lib/runs/db-clock.ts); judge them on it too.
    const clock = databaseClock(db);
    await withTimeout(
      db.$queryRaw`SELECT 1`.then(() => clock.sync()),
      timeoutMs,
      "the database",
    );
    now = clock.now();
  } catch (error) {
    return {
      ready: false,
      checks: { database: { ok: false, provider: null, latencyMs: elapsedMs(), error: messageOf(error) }, migrations: SKIPPED, worker: SKIPPED },
    };
  }
  const database = { ok: true as const, provider: dbProvider(db), latencyMs: elapsedMs() };

  const [migrations, worker] = await Promise.all([
    withTimeout(migrationState(db, options.migrationsDir), timeoutMs, "the migrations check").then(
      (state): ReadinessReport["checks"]["migrations"] => ({ ok: state.pending.length === 0 && state.failed.length === 0, ...state }),
      (error: unknown): Failure => ({ ok: false, error: messageOf(error) }),
    ),
    withTimeout(
      Promise.all([countOnlineWorkers(db, now, options.offlineAfterSeconds), freshestHeartbeat(db)]),
      timeoutMs,
      "the worker check",
    ).then(
      ([online, heartbeat]): ReadinessReport["checks"]["worker"] => ({
        ok: online > 0,
        online,
        lastHeartbeatAt: heartbeat?.toISOString() ?? null,
        heartbeatAgeSeconds: heartbeat ? Math.round((now.getTime() - heartbeat.getTime()) / 100) / 10 : null,
      }),
      (error: unknown): Failure => ({ ok: false, error: messageOf(error) }),
    ),
  ]);
  return { ready: migrations.ok && worker.ok, checks: { database, migrations, worker } };
}
