// Runs per hour or day and status, counted by the database (lib/metrics/count-by-status.ts): a
// week of a busy ledger costs index range scans and sends a few dozen rows, never the runs.
import type { Db } from "../db";
import { countRunsInBuckets, type RunCounts } from "../metrics/count-by-status";
import { RANGE_BUCKETS, bucketStarts, type OverviewRange } from "./overview-range";

export type RunBucket = {
  start: string;
  end: string;
  /** Runs scheduled in [start, end) (up to now for the current bucket), by status; absent = 0. */
  counts: Partial<RunCounts>;
};

export async function runBuckets(db: Db, range: OverviewRange, now: Date): Promise<RunBucket[]> {
  const { widthMs } = RANGE_BUCKETS[range];
  const starts = bucketStarts(range, now);
  // The current bucket ends at now (included): runs queued for later in the hour are not history yet.
  const counts = await countRunsInBuckets(db, [...starts, new Date(now.getTime() + 1)]);
  return starts.map((start, i) => ({
    start: start.toISOString(),
    end: new Date(start.getTime() + widthMs).toISOString(),
    counts: Object.fromEntries(Object.entries(counts[i]!).filter(([, n]) => n > 0)) as Partial<RunCounts>,
  }));
}
