// Registers this worker and keeps its row fresh so the dashboard and /api/health see it online. A
// database outage (also at start) is logged and retried with backoff; it never ends the process.
import { databaseErrorSummary, type Db } from "@/lib/db";
import type { Logger } from "@/lib/log";
import type { Clock } from "@/lib/runs/db-clock";
import { recordHeartbeat, registerWorker, type WorkerRegistration } from "@/lib/workers/register-worker";
import { sleep } from "@/lib/sleep";

const MAX_BACKOFF_MS = 30_000;

export async function runHeartbeatLoop(
  db: Db,
  worker: WorkerRegistration,
  { intervalMs, log, clock, signal, onRegistered }: { intervalMs: number; log: Logger; clock: Clock; signal: AbortSignal; onRegistered: () => void },
): Promise<void> {
  let failures = 0;
  while (!signal.aborted) {
    try {
      // The clock is re-measured with every heartbeat: the offset of a drifting machine stays current.
      await clock.sync();
      const known = await recordHeartbeat(db, worker.id, clock.now());
      if (!known) {
        await registerWorker(db, worker, clock.now());
        log.info("worker registered");
      }
      onRegistered();
      if (failures > 0) log.info({ failures }, "database reachable again; heartbeat resumed");
      failures = 0;
      await sleep(intervalMs, signal);
    } catch (error) {
      failures += 1;
      const backoffMs = Math.min(MAX_BACKOFF_MS, intervalMs * 2 ** Math.min(failures - 1, 5));
      log.error({ error: databaseErrorSummary(error), failures, retryInMs: backoffMs }, "heartbeat failed");
      await sleep(backoffMs, signal);
    }
  }
}
