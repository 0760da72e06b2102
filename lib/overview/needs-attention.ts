// What an operator should look at first: jobs whose latest outcome is a failure, and the slots the
// scheduler could not run lately.
import { dbProvider, rawInstant, sql, sqlInstant, type Db, type RunStatus } from "../db";

export type AttentionRun = {
  runId: string;
  jobId: string;
  jobName: string;
  jobPaused: boolean;
  status: RunStatus;
  scheduledFor: string;
  /** When it ended (finishedAt), or the slot for a run that never started. */
  at: string;
  /** The error ("HTTP 500; accepted: 200-299") or the recorded reason ("worker lost"). */
  message: string | null;
};

export type AttentionList = { items: AttentionRun[]; total: number };

export const ATTENTION_LIMIT = 10;

type Row = {
  runId: string;
  jobId: string;
  jobName: string;
  jobPaused: boolean | number | bigint;
  status: RunStatus;
  scheduledFor: Date | number;
  finishedAt: Date | number | null;
  errorMessage: string | null;
  reason: string | null;
  total: number | bigint;
};

const instant = (value: Date | number) => rawInstant(value).toISOString();

function toItem(row: Row): AttentionRun {
  return {
    runId: row.runId,
    jobId: row.jobId,
    jobName: row.jobName,
    jobPaused: Boolean(Number(row.jobPaused)),
    status: row.status,
    scheduledFor: instant(row.scheduledFor),
    at: instant(row.finishedAt ?? row.scheduledFor),
    message: row.errorMessage ?? row.reason,
  };
}

const OUTCOMES = sql`('succeeded', 'failed', 'timed_out', 'lost')`;

/**
 * Jobs whose latest outcome (succeeded, failed, timed out or lost; skipped, missed and canceled runs
 * say nothing about whether the job works) is a failure, newest first. One probe of the
 * (jobId, scheduledFor) index per job, walking back from its newest run to the first outcome: on
 * PostgreSQL a LATERAL subquery (a correlated one in the join condition took 4× as long), on SQLite
 * a correlated subquery that hands over the rowid (no second lookup through the id index).
 */
export async function failingJobs(db: Db, limit = ATTENTION_LIMIT): Promise<AttentionList> {
  const latest =
    dbProvider(db) === "postgresql"
      ? sql`FROM "Job" j CROSS JOIN LATERAL (
          SELECT o."id", o."status"::text AS "status", o."scheduledFor", o."finishedAt", o."errorMessage", o."reason" FROM "Run" o
          WHERE o."jobId" = j."id" AND o."status" IN ${OUTCOMES} ORDER BY o."scheduledFor" DESC LIMIT 1) r`
      : sql`FROM "Job" j JOIN "Run" r ON r.rowid = (
          SELECT o.rowid FROM "Run" o WHERE o."jobId" = j."id" AND o."status" IN ${OUTCOMES} ORDER BY o."scheduledFor" DESC LIMIT 1)`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT r."id" AS "runId", j."id" AS "jobId", j."name" AS "jobName", j."paused" AS "jobPaused", r."status",
           r."scheduledFor", r."finishedAt", r."errorMessage", r."reason", COUNT(*) OVER () AS "total"
    ${latest}
    WHERE r."status" IN ('failed', 'timed_out', 'lost')
    ORDER BY COALESCE(r."finishedAt", r."scheduledFor") DESC, r."id" DESC
    LIMIT ${limit}`;
  return { items: rows.map(toItem), total: Number(rows[0]?.total ?? 0) };
}

/** Missed runs scheduled within [from, to], newest first; `total` counts them all. */
export async function recentMisfires(db: Db, { from, to }: { from: Date; to: Date }, limit = ATTENTION_LIMIT): Promise<AttentionList> {
  const provider = dbProvider(db);
  const text = provider === "postgresql" ? sql`::text` : sql``;
  const rows = await db.$queryRaw<Row[]>`
    SELECT r."id" AS "runId", j."id" AS "jobId", j."name" AS "jobName", j."paused" AS "jobPaused", r."status"${text} AS "status",
           r."scheduledFor", r."finishedAt", r."errorMessage", r."reason", COUNT(*) OVER () AS "total"
    FROM "Run" r JOIN "Job" j ON j."id" = r."jobId"
    WHERE r."status" = 'missed' AND r."scheduledFor" >= ${sqlInstant(provider, from)} AND r."scheduledFor" <= ${sqlInstant(provider, to)}
    ORDER BY r."scheduledFor" DESC, r."id" DESC
    LIMIT ${limit}`;
  return { items: rows.map(toItem), total: Number(rows[0]?.total ?? 0) };
}
