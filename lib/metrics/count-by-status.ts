// Counts by status, shared by the Prometheus scrape (every run, every job) and the dashboard's
// overview (the runs scheduled in given time ranges): zeros included, never a run loaded.
import { RunStatus, dbProvider, sql, sqlInstant, sqlJoin, type Db } from "../db";

export type RunCounts = Record<RunStatus, number>;
/** Runs scheduled at or after `from` and before `to`. */
export type TimeRange = { from: Date; to: Date };

const STATUSES = Object.values(RunStatus);
const zeros = () => Object.fromEntries(STATUSES.map((status) => [status, 0])) as RunCounts;

/**
 * Runs by status in each range, counted by the database. The two providers need different SQL to
 * stay cheap with a million runs (bench/dashboard, RESULTS.md):
 * - PostgreSQL: one range scan of the scheduledFor index per range and a hash aggregate;
 * - SQLite groups by sorting, which costs more than the scan (300 ms for a week of 1,000,000 runs
 *   over 30 days): it counts each (range, status) pair on the (status, scheduledFor) index
 *   instead, a pure index range count, no sort (10 ms for the same week).
 */
export async function countRunsInRanges(db: Db, ranges: TimeRange[]): Promise<RunCounts[]> {
  const counts = ranges.map(zeros);
  if (ranges.length === 0) return counts;
  const provider = dbProvider(db);
  const values = sqlJoin(ranges.map((range, i) => sql`(${i}, ${sqlInstant(provider, range.from)}, ${sqlInstant(provider, range.to)})`));
  const rows =
    provider === "postgresql"
      ? await db.$queryRaw<{ i: number; status: RunStatus; count: bigint | number }[]>`
          SELECT b.i, r."status"::text AS "status", COUNT(*) AS "count"
          FROM (VALUES ${values}) AS b(i, s, e) JOIN "Run" r ON r."scheduledFor" >= b.s AND r."scheduledFor" < b.e
          GROUP BY 1, 2`
      : await db.$queryRaw<{ i: number; status: RunStatus; count: bigint | number }[]>`
          WITH b(i, s, e) AS (VALUES ${values}), st(status) AS (VALUES ${sqlJoin(STATUSES.map((status) => sql`(${status})`), ", ")})
          SELECT b.i, st.status AS "status",
            (SELECT COUNT(*) FROM "Run" r WHERE r."status" = st.status AND r."scheduledFor" >= b.s AND r."scheduledFor" < b.e) AS "count"
          FROM b, st`;
  for (const row of rows) counts[Number(row.i)]![row.status] = Number(row.count);
  return counts;
}

/** Runs by status, all of them or those scheduled within [from, to] (both ends included). */
export async function countRunsByStatus(db: Db, window?: { from: Date; to: Date }): Promise<RunCounts> {
  if (window) {
    const [counts] = await countRunsInRanges(db, [{ from: window.from, to: new Date(window.to.getTime() + 1) }]);
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
