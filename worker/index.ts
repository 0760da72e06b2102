// The worker process: registers itself, heartbeats, and stops cleanly on SIGTERM / SIGINT.
// Start it with `npm run worker` (or let `npm start` start one beside the dashboard).
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { ConfigError, env } from "@/lib/env";
import { createDb } from "@/lib/db";
import { createLogger } from "@/lib/log";
import { SUNDIAL_VERSION } from "@/lib/version";
import { markWorkerStopped, type WorkerRegistration } from "@/lib/workers/register-worker";
import { runHeartbeatLoop } from "./heartbeat";

async function main(): Promise<void> {
  const config = env();
  const worker: WorkerRegistration = {
    id: `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`,
    host: hostname(),
    pid: process.pid,
    version: SUNDIAL_VERSION,
    capacity: config.WORKER_CONCURRENCY,
    tasks: [],
    shellEnabled: config.SUNDIAL_ALLOW_SHELL,
  };
  const log = createLogger("worker", { workerId: worker.id });
  const db = createDb(config.DATABASE_URL);
  const stop = new AbortController();

  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) return;
      log.info({ signal }, "stopping");
      stop.abort();
    });
  }

  log.info({ capacity: worker.capacity, shellEnabled: worker.shellEnabled, version: worker.version }, "worker starting");
  await runHeartbeatLoop(db, worker, { intervalMs: config.WORKER_HEARTBEAT_SECONDS * 1000, log, signal: stop.signal });

  try {
    await markWorkerStopped(db, worker.id, new Date());
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
