// Runs per time bucket and status, counted by the database: a GROUP BY on the scheduled time
// truncated to the hour or the day, so a week of a busy ledger costs one indexed range scan and
// sends a few dozen rows, never the runs themselves.
import { dbProvider, sql, sqlInstant, type Db, type RunStatus } from "../db";
import type { RunCounts } from "../metrics/count-by-status";
import { RANGE_BUCKETS, bucketStarts, type BucketUnit, type OverviewRange } from "./overview-range";

export type RunBucket = {
  start: string;
  end: string;
  /** Runs scheduled in [start, end) (up to now for the current bucket), by status; absent = 0. */
  counts: Partial<RunCounts>;
};

type Row = { bucket: number | bigint; status: RunStatus; count: number | bigint };

function truncated(db: Db, unit: BucketUnit) {
  if (dbProvider(db) === "postgresql") {
    const trunc = unit === "hour" ? sql`date_trunc('hour', "scheduledFor")` : sql`date_trunc('day', "scheduledFor")`;
    return sql`(EXTRACT(EPOCH FROM ${trunc}) * 1000)::float8`;
  }
  // SQLite keeps instants as integer epoch milliseconds (lib/db.ts): integer division truncates.
  return unit === "hour" ? sql`("scheduledFor" / 3600000) * 3600000` : sql`("scheduledFor" / 86400000) * 86400000`;
}

export async function runBuckets(db: Db, range: OverviewRange, now: Date): Promise<RunBucket[]> {
  const { unit, widthMs } = RANGE_BUCKETS[range];
  const starts = bucketStarts(range, now);
  const provider = dbProvider(db);
  const rows = await db.$queryRaw<Row[]>`
    SELECT ${truncated(db, unit)} AS "bucket", "status"${provider === "postgresql" ? sql`::text` : sql``} AS "status", COUNT(*) AS "count"
    FROM "Run"
    WHERE "scheduledFor" >= ${sqlInstant(provider, starts[0]!)} AND "scheduledFor" <= ${sqlInstant(provider, now)}
    GROUP BY 1, 2`;
  const byStart = new Map(starts.map((start) => [start.getTime(), {} as Partial<RunCounts>]));
  for (const row of rows) {
    const counts = byStart.get(Number(row.bucket));
    if (counts) counts[row.status] = Number(row.count);
  }
  return starts.map((start) => ({
    start: start.toISOString(),
    end: new Date(start.getTime() + widthMs).toISOString(),
    counts: byStart.get(start.getTime())!,
  }));
}
