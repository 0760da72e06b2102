// The worker process: registers itself, heartbeats, and stops cleanly on SIGTERM / SIGINT.
// Start it with `npm run worker` (or let `npm start` start one beside the dashboard).
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { ConfigError, env } from "@/lib/env";
import { createDb, dbProvider, type JobKind } from "@/lib/db";
import { createLogger } from "@/lib/log";
import { startAlertSweeper } from "@/lib/alerts/sweeper";
import { databaseClock } from "@/lib/runs/db-clock";
import { SUNDIAL_VERSION } from "@/lib/version";
import { markWorkerStopped, type WorkerRegistration } from "@/lib/workers/register-worker";
import { runHttp } from "./executors/http";
import { runShell } from "./executors/shell";
import { createTaskExecutor } from "./executors/task";
import type { Executor } from "./executors/types";
import { ensureSystemJobs } from "./ensure-system-jobs";
import { listenForDue } from "./due-listener";
import { runHeartbeatLoop } from "./heartbeat";
import { REGISTERED_TASKS } from "./tasks/registry";
import { runWorkerLoop } from "./loop";
import { whenAborted } from "@/lib/sleep";

async function main(): Promise<void> {
  const config = env();
  // The job kinds this worker executes; runs of other kinds stay queued for a worker that can.
  const executors: Partial<Record<JobKind, Executor>> = { http: runHttp, task: createTaskExecutor(() => db), ...(config.SUNDIAL_ALLOW_SHELL ? { shell: runShell } : {}) };
  const worker: WorkerRegistration = {
    id: `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`,
    host: hostname(),
    pid: process.pid,
    version: SUNDIAL_VERSION,
    capacity: config.WORKER_CONCURRENCY,
    tasks: REGISTERED_TASKS,
    shellEnabled: "shell" in executors,
    sweepsAlerts: config.SUNDIAL_ALERT_SWEEP_MS > 0,
  };
  const log = createLogger("worker", { workerId: worker.id });
  const db = createDb(config.DATABASE_URL);
  const clock = databaseClock(db);
  const stop = new AbortController();
  // Heartbeats go on while running runs drain, so the worker is not taken for dead meanwhile.
  const heartbeatStop = new AbortController();

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) return;
      log.info({ signal }, "stopping");
      stop.abort();
    });
  }

  log.info({ capacity: worker.capacity, shellEnabled: worker.shellEnabled, version: worker.version }, "worker starting");
  // Runs reference the worker's row: claim nothing before it exists.
  let registered!: () => void;
  const registration = new Promise<void>((resolve) => (registered = resolve));
  const heartbeat = runHeartbeatLoop(db, worker, {
    intervalMs: config.WORKER_HEARTBEAT_SECONDS * 1000,
    log,
    clock,
    signal: heartbeatStop.signal,
    onRegistered: registered,
  });
  await Promise.race([registration, whenAborted(stop.signal)]);
  if (!stop.signal.aborted) await ensureSystemJobs(db, log, clock.now());
  const listenerStop = new AbortController();
  let wakeLoop: () => void = () => undefined;
  const listener =
    dbProvider(db) === "postgresql"
      ? listenForDue(config.DATABASE_URL, { wake: () => wakeLoop(), log, signal: listenerStop.signal })
      : Promise.resolve();
  // Alerts are evaluated and sent beside the loop, never in it: a slow webhook can't delay a claim.
  const alertsStop = new AbortController();
  const alerts = startAlertSweeper(db, { role: { workerId: worker.id }, log, clock, signal: alertsStop.signal, firstAfterInterval: true });
  await runWorkerLoop(db, {
    onWakeReady: (wakeNow) => (wakeLoop = wakeNow),
    workerId: worker.id,
    capacity: config.WORKER_CONCURRENCY,
    leaseMs: config.WORKER_LEASE_SECONDS * 1000,
    pollMs: config.WORKER_POLL_MS,
    leadMs: config.WORKER_LEAD_MS,
    shutdownGraceMs: config.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
    executors,
    log,
    clock,
    stop: stop.signal,
  });
  listenerStop.abort();
  heartbeatStop.abort();
  alertsStop.abort();
  await Promise.all([heartbeat, listener, alerts]);

  try {
    await markWorkerStopped(db, worker.id, clock.now());
  } catch (error) {
    log.error({ err: error }, "could not record the shutdown; the worker will show offline");
  }
  await db.$disconnect();
  log.info("worker stopped");
}

main().catch((error: unknown) => {
  // A bad setting is the operator's to fix: one line. Anything else is a bug: keep the stack.
  console.error(error instanceof ConfigError ? `sundial worker: ${error.message}` : error);
  process.exit(1);
});
