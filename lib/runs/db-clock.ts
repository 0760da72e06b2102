// Whether a slot is due and whether a lease has expired must be decided on one clock, or two workers
// on machines whose clocks disagree would disagree about both. On PostgreSQL that clock is the
// database's: each worker measures its offset from it and reads "now" as its own time plus that
// offset. On SQLite every process shares one machine, and so one clock.
import type { Db } from "../db";
import { dbProvider } from "../db";

export type Clock = {
  now: () => Date;
  /** Re-measures the offset (PostgreSQL); a no-op on SQLite. Throws when the database is unreachable. */
  sync: () => Promise<void>;
  /** Database time minus local time, in ms, as last measured. */
  offsetMs: () => number;
};

/** A sample whose round trip took longer than this says little about the offset. */
const MAX_TRUSTED_ROUND_TRIP_MS = 1_000;
const SAMPLES_KEPT = 8;
const FIRST_SYNC_ATTEMPTS = 5;

export function databaseClock(db: Db): Clock {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  if (dbProvider(db) !== "postgresql") return { now, sync: async () => undefined, offsetMs: () => 0 };
  const lowerBounds: number[] = [];
  /** One sample; false when its round trip was too slow to trust. */
  const sample = async (): Promise<boolean> => {
    const sentAt = Date.now();
    const [row] = await db.$queryRaw<{ ms: number }[]>`SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::float8 AS ms`;
    const receivedAt = Date.now();
    if (!row || receivedAt - sentAt > MAX_TRUSTED_ROUND_TRIP_MS) return false;
    // The database read its clock at some local instant between sending and receiving, so the true
    // offset lies between ms - receivedAt and ms - sentAt. The lower end errs on the side a
    // scheduler can afford: "now" is never ahead of the database's, so no run starts early; it may
    // start up to a round trip late. Each sample is such a bound, and the highest is the tightest.
    lowerBounds.push(Math.floor(Number(row.ms) - receivedAt));
    if (lowerBounds.length > SAMPLES_KEPT) lowerBounds.shift();
    offset = Math.max(...lowerBounds);
    return true;
  };
  return {
    now,
    offsetMs: () => offset,
    async sync() {
      if (lowerBounds.length > 0) return void (await sample());
      // Until one sample is trusted the offset is unknown, and a worker that went by its own clock
      // would start runs early or late by its machine's skew (CI: a worker 20 s ahead whose first
      // round trip, on a new connection, took over a second started runs 3 s early). So the first
      // sync samples again, and fails rather than return without an offset.
      for (let attempt = 0; attempt < FIRST_SYNC_ATTEMPTS; attempt += 1) if (await sample()) return;
      throw new Error(`could not measure the database's clock: ${FIRST_SYNC_ATTEMPTS} round trips each took over ${MAX_TRUSTED_ROUND_TRIP_MS} ms`);
    },
  };
}
