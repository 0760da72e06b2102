import type { Db } from "../db";
import { databaseClock } from "./db-clock";

/**
 * "Now" on the clock workers write leases with: the database's on PostgreSQL (one round trip), this
 * machine's on SQLite. A web server whose clock runs ahead would otherwise see live leases as expired.
 */
export async function databaseNow(db: Db): Promise<Date> {
  const clock = databaseClock(db);
  await clock.sync();
  return clock.now();
}
