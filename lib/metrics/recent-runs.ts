// What the runs of the last few minutes looked like: start lateness, duration, and the slots that
// did not run. Computed from the database at scrape time, not counted in the process: the runs are
// started and finished by workers, which serve no HTTP, and any number of web processes may be
// scraped; the database is the one place that sees every run, so every web process gives the same
// answer. The price is that these are windows, not ever-growing counters: read them as they are
// (histogram_quantile over the buckets), never through rate() or increase().
import type { Db } from "../db";
import { notRunReason, NOT_RUN_REASONS, type NotRunReason, type NotRunStatus } from "./not-run-reason";

export const RECENT_WINDOW_MS = 5 * 60_000;
/**
 * Only runs recorded this long before the window are looked at, which is what keeps a scrape cheap
 * with millions of runs in the ledger. A run that waited or ran longer than this before its start
 * or end fell in the window is left out.
 */
export const LOOKBACK_MS = 60 * 60_000;

export const LATENESS_BUCKETS_SECONDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 300] as const;
export const DURATION_BUCKETS_SECONDS = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 900, 3600] as const;

/** Cumulative counts per upper bound, as Prometheus buckets are: counts[i] = values <= bounds[i]. */
export type BucketCounts = { bounds: readonly number[]; counts: number[]; total: number };

export type RecentRuns = {
  lateness: BucketCounts;
  duration: BucketCounts;
  notRun: { status: NotRunStatus; reason: NotRunReason; count: number }[];
};

/**
 * The smallest uuid v7 minted at or after `at`. Run ids are uuid v7 (schema: @default(uuid(7))),
 * whose leading 48 bits are the creation time in ms, written as lowercase hex: ordering ids as text
 * orders runs by creation, so "recorded since" is a range of the primary key, the one index that
 * follows creation time (createdAt and finishedAt have none).
 */
export function uuidV7Floor(at: Date): string {
  const hex = Math.max(0, at.getTime()).toString(16).padStart(12, "0");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}`;
}

function bucketCounts(bounds: readonly number[], valuesSeconds: number[]): BucketCounts {
  return {
    bounds,
    counts: bounds.map((bound) => valuesSeconds.filter((value) => value <= bound).length),
    total: valuesSeconds.length,
  };
}

const within = (at: Date | null, since: Date, now: Date) => at !== null && at >= since && at <= now;

export async function recentRuns(db: Db, now: Date): Promise<RecentRuns> {
  const since = new Date(now.getTime() - RECENT_WINDOW_MS);
  const rows = await db.run.findMany({
    where: {
      id: { gte: uuidV7Floor(new Date(since.getTime() - LOOKBACK_MS)) },
      OR: [{ startedAt: { gte: since, lte: now } }, { finishedAt: { gte: since, lte: now } }],
    },
    select: { status: true, reason: true, startedAt: true, finishedAt: true, latenessMs: true, durationMs: true },
  });

  const lateness: number[] = [];
  const duration: number[] = [];
  const notRun = new Map<string, number>();
  for (const row of rows) {
    if (row.latenessMs !== null && within(row.startedAt, since, now)) lateness.push(row.latenessMs / 1000);
    if (row.durationMs !== null && within(row.finishedAt, since, now)) duration.push(row.durationMs / 1000);
    if ((row.status === "missed" || row.status === "skipped") && within(row.finishedAt, since, now)) {
      const key = `${row.status}:${notRunReason(row.status, row.reason)}`;
      notRun.set(key, (notRun.get(key) ?? 0) + 1);
    }
  }
  return {
    lateness: bucketCounts(LATENESS_BUCKETS_SECONDS, lateness),
    duration: bucketCounts(DURATION_BUCKETS_SECONDS, duration),
    // Zeros included: a series that exists only while non-zero turns an alert's "0" into "no data".
    notRun: (Object.keys(NOT_RUN_REASONS) as NotRunStatus[]).flatMap((status) =>
      NOT_RUN_REASONS[status].map((reason) => ({ status, reason, count: notRun.get(`${status}:${reason}`) ?? 0 })),
    ),
  };
}
