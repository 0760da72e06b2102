// Runs sweepAlerts every SUNDIAL_ALERT_SWEEP_MS until stopped. A failing sweep (database down) is
// logged and tried again at the next interval: alerts never stop the process that sweeps.
import { databaseErrorSummary, type Db } from "../db";
import { env } from "../env";
import type { Logger } from "../log";
import type { Clock } from "../runs/db-clock";
import { sleep } from "../sleep";
import { evaluatesAlerts, type SweeperRole } from "./evaluator";
import { sweepAlerts } from "./sweep";

/**
 * firstAfterInterval: the first sweep comes one interval after the start, not at once. A worker
 * starting (or restarting after an outage) has its first slots to plan and start; the first sweep
 * reads the day's finished runs to find those not yet evaluated, and would compete with them.
 */
export function startAlertSweeper(
  db: Db,
  { role, log, clock, signal, firstAfterInterval = false }: { role: SweeperRole; log: Logger; clock: Clock; signal?: AbortSignal; firstAfterInterval?: boolean },
): Promise<void> {
  const config = env();
  const intervalMs = config.SUNDIAL_ALERT_SWEEP_MS;
  if (intervalMs === 0) return Promise.resolve();
  const options = {
    log,
    now: clock.now,
    retryMs: config.SUNDIAL_ALERT_RETRY_MS,
    offlineAfterSeconds: config.WORKER_OFFLINE_AFTER_SECONDS,
    publicUrl: config.SUNDIAL_PUBLIC_URL,
    // An outcome is written late when the database was down as the run ended: its worker keeps
    // trying for two leases.
    cursor: { marginMs: 2 * config.WORKER_LEASE_SECONDS * 1000 + 10_000 },
  };
  // The waits don't keep the process alive: in the web process nothing else may be waiting on them.
  return (async () => {
    if (firstAfterInterval) await sleep(intervalMs, signal, { unref: true });
    while (!signal?.aborted) {
      try {
        await clock.sync();
        const evaluate = await evaluatesAlerts(db, role, { now: clock.now(), offlineAfterSeconds: options.offlineAfterSeconds });
        const result = await sweepAlerts(db, { ...options, evaluate });
        if (result.changes + result.late > 0) log.info({ changes: result.changes, late: result.late }, "alert states changed");
      } catch (error) {
        log.error({ error: databaseErrorSummary(error) }, "alert sweep failed");
      }
      await sleep(intervalMs, signal, { unref: true });
    }
  })();
}
