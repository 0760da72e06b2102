// Counts by status, shared by the Prometheus scrape (every run, every job) and the dashboard's
// overview (the runs scheduled in given time buckets): zeros included, never a run loaded.
import { RunStatus, dbProvider, sql, sqlInstant, sqlJoin, type Db } from "../db";

export type RunCounts = Record<RunStatus, number>;

const STATUSES = Object.values(RunStatus);
const zeros = () => Object.fromEntries(STATUSES.map((status) => [status, 0])) as RunCounts;

/**
 * Runs by status in each of the contiguous buckets [bounds[0], bounds[1]), [bounds[1], bounds[2]), …,
 * counted by the database. The two providers need different SQL to stay cheap with a million runs
 * (bench/dashboard, RESULTS.md):
 * - PostgreSQL: one range scan of the scheduledFor index, width_bucket, a hash aggregate. The bounds
 *   are in the WHERE clause as values the planner sees: a join to a VALUES list of ranges hid them,
 *   the planner guessed a third of the table per range and spent 50 ms compiling the query (JIT).
 * - SQLite groups by sorting, which costs more than the scan (300 ms for a week of 1,000,000 runs
 *   over 30 days): it counts each (bucket, status) pair on the (status, scheduledFor) index
 *   instead, a pure index range count, no sort (10 ms for the same week).
 */
export async function countRunsInBuckets(db: Db, bounds: Date[]): Promise<RunCounts[]> {
  const counts = bounds.slice(1).map(zeros);
  if (counts.length === 0) return counts;
  const provider = dbProvider(db);
  type Row = { i: number | bigint; status: RunStatus; count: bigint | number };
  let rows: Row[];
  if (provider === "postgresql") {
    rows = await db.$queryRaw<Row[]>`
      SELECT width_bucket(r."scheduledFor", ARRAY[${sqlJoin(bounds.map((at) => sqlInstant(provider, at)))}]) - 1 AS "i",
             r."status"::text AS "status", COUNT(*) AS "count"
      FROM "Run" r
      WHERE r."scheduledFor" >= ${sqlInstant(provider, bounds[0]!)} AND r."scheduledFor" < ${sqlInstant(provider, bounds.at(-1)!)}
      GROUP BY 1, 2`;
  } else {
    const buckets = sqlJoin(counts.map((_, i) => sql`(${i}, ${bounds[i]!.getTime()}, ${bounds[i + 1]!.getTime()})`));
    const statuses = sqlJoin(STATUSES.map((status) => sql`(${status})`));
    rows = await db.$queryRaw<Row[]>`
      WITH b(i, s, e) AS (VALUES ${buckets}), st(status) AS (VALUES ${statuses})
      SELECT b.i AS "i", st.status AS "status",
        (SELECT COUNT(*) FROM "Run" r WHERE r."status" = st.status AND r."scheduledFor" >= b.s AND r."scheduledFor" < b.e) AS "count"
      FROM b, st`;
  }
  for (const row of rows) counts[Number(row.i)]![row.status] = Number(row.count);
  return counts;
}

/** Runs by status, all of them or those scheduled within [from, to] (both ends included). */
export async function countRunsByStatus(db: Db, window?: { from: Date; to: Date }): Promise<RunCounts> {
  if (window) {
    const [counts] = await countRunsInBuckets(db, [window.from, new Date(window.to.getTime() + 1)]);
    return counts!;
  }
  const counts = zeros();
  for (const group of await db.run.groupBy({ by: ["status"], _count: { _all: true } })) counts[group.status] = group._count._all;
  return counts;
}

export async function countJobsByState(db: Db): Promise<{ active: number; paused: number }> {
  const groups = await db.job.groupBy({ by: ["paused"], _count: { _all: true } });
  const count = (paused: boolean) => groups.find((group) => group.paused === paused)?._count._all ?? 0;
  return { active: count(false), paused: count(true) };
}
