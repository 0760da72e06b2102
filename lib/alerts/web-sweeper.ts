// The web server's alert sweep, started by instrumentation.ts: it delivers alerts, and while no worker
// is online it evaluates too, so a late slot is reported even when no worker is alive (evaluator.ts).
import { getDb } from "../db";
import { createLogger } from "../log";
import { databaseClock } from "../runs/db-clock";
import { startAlertSweeper } from "./sweeper";

const globalForSweeper = globalThis as unknown as { __sundialAlertSweeper?: Promise<void> };

export function startWebAlertSweeper(): void {
  if (globalForSweeper.__sundialAlertSweeper) return;
  const log = createLogger("web");
  try {
    const db = getDb();
    globalForSweeper.__sundialAlertSweeper = startAlertSweeper(db, { role: "web", log, clock: databaseClock(db) });
  } catch (error) {
    // A bad setting is reported by the first request too; the server must still start.
    log.error({ err: error }, "could not start the alert sweep");
  }
}
