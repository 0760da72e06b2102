// Turns the due slots of due jobs into run rows: the runs to start (queued) and, for every slot that
// will not run, a missed or skipped row with its reason. The next slot is computed here, when the
// slot comes due (or the moment before, when the worker plans ahead), not after the run finishes: a 2-hour run can't hold the schedule back.
//
// All due jobs of a tick are handled in one transaction of a few statements (lock and read the due
// jobs, advance them, insert their runs), so 1,000 jobs due in the same second cost one commit, not a
// thousand. The batch crosses into SQL as one JSON parameter, instants as epoch milliseconds (the
// SQLite columns' own format; on PostgreSQL, exact integer arithmetic on a UTC timestamp).
import type { CoalescePolicy, Db, DbProvider, Prisma, TriggerType } from "../db";
import { dbProvider, sql, sqlInstant } from "../db";
import { triggerFromColumns } from "../jobs/trigger-columns";
import { jitteredStart, planSlots } from "../schedule";
import { uuid7 } from "../uuid7";

export type EnqueueResult = { jobs: number; recorded: number; failed: { jobId: string; error: string }[] };

type Tx = Prisma.TransactionClient;
/** The columns planning reads. */
type DueJob = {
  id: string;
  nextRunAt: Date;
  lastSlotAt: Date | null;
  triggerType: TriggerType;
  trigger: unknown;
  timezone: string;
  startAt: Date | null;
  endAt: Date | null;
  misfireGraceSeconds: number | null;
  coalesce: CoalescePolicy;
  jitterSeconds: number;
};
type RunRow = { id: string; jobId: string; slotAt: number; scheduledFor: number; status: "queued" | "missed" | "skipped"; reason: string | null; finishedAt: number | null };
type JobPlan = { job: DueJob; rows: RunRow[]; nextRunAt: Date | null; lastSlotAt: Date | null };

function planJob(job: DueJob, now: Date, until: Date): JobPlan {
  const plan = planSlots({
    trigger: triggerFromColumns(job),
    firstSlot: job.nextRunAt,
    now,
    until,
    misfireGraceSeconds: job.misfireGraceSeconds,
    coalesce: job.coalesce,
  });
  const at = now.getTime();
  const row = (slotAt: Date, scheduledFor: Date, status: RunRow["status"], reason: string | null): RunRow => ({
    id: uuid7(at),
    jobId: job.id,
    slotAt: slotAt.getTime(),
    scheduledFor: scheduledFor.getTime(),
    status,
    reason,
    finishedAt: status === "queued" ? null : at,
  });
  const rows: RunRow[] = [];
  if (plan.missedSpan) rows.push(row(plan.missedSpan.from, plan.missedSpan.from, "missed", plan.missedSpan.reason));
  for (const slot of plan.notRun) rows.push(row(slot.slotAt, slot.slotAt, slot.status, slot.reason));
  for (const slot of plan.run) rows.push(row(slot.slotAt, jitteredStart(job.id, slot.slotAt, job.jitterSeconds), "queued", null));
  const lastSlotAt = rows.length > 0 ? new Date(Math.max(...rows.map((r) => r.slotAt))) : job.lastSlotAt;
  return { job, rows, nextRunAt: plan.nextRunAt, lastSlotAt };
}

/**
 * Moves each job's nextRunAt on, on condition that it still holds the value this worker read: of
 * several workers planning the same slots only one wins a job, and only the winner inserts its rows
 * (the unique (jobId, slotAt) index would refuse a second copy anyway). Returns the ids won.
 */
// On SQLite the unary + keeps the planner from driving the update from the (paused, nextRunAt) index
// and scanning the whole JSON list for every job: the JSON list drives, each job found by its id.
async function advanceJobs(tx: Tx, provider: DbProvider, plans: JobPlan[]): Promise<Set<string>> {
  const values = JSON.stringify(
    plans.map(({ job, nextRunAt, lastSlotAt }) => ({
      id: job.id,
      expected: job.nextRunAt.getTime(),
      next: nextRunAt?.getTime() ?? null,
      last: lastSlotAt?.getTime() ?? null,
    })),
  );
  const won =
    provider === "postgresql"
      ? await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Job" AS j
          SET "nextRunAt" = TIMESTAMP '1970-01-01' + v.next * INTERVAL '1 millisecond',
              "lastSlotAt" = TIMESTAMP '1970-01-01' + v.last * INTERVAL '1 millisecond'
          FROM jsonb_to_recordset(${values}::jsonb) AS v(id text, expected bigint, next bigint, last bigint)
          WHERE j."id" = v.id AND j."nextRunAt" = TIMESTAMP '1970-01-01' + v.expected * INTERVAL '1 millisecond' AND NOT j."paused"
          RETURNING j."id"`
      : await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Job" SET "nextRunAt" = v.next, "lastSlotAt" = v.last
          FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.expected') AS expected,
                       json_extract(value, '$.next') AS next, json_extract(value, '$.last') AS last
                FROM json_each(${values})) AS v
          WHERE "Job"."id" = v.id AND +"Job"."nextRunAt" = v.expected AND +"Job"."paused" = 0
          RETURNING "Job"."id" AS id`;
  return new Set(won.map((row) => row.id));
}

/**
 * The due jobs this worker handles in this transaction. On PostgreSQL they are row-locked and jobs
 * another worker is enqueuing are skipped, so workers split the due jobs between them instead of all
 * planning the same ones; on SQLite the transaction holds the database's write lock from its start,
 * so what it reads is the latest commit.
 */
async function lockDueJobs(tx: Tx, provider: DbProvider, until: Date, { limit, jobId }: { limit: number; jobId?: string }): Promise<DueJob[]> {
  const onlyJob = jobId ? sql`AND "id" = ${jobId}` : sql``;
  const select = sql`
    SELECT "id", "nextRunAt", "lastSlotAt", "triggerType", "trigger", "timezone", "startAt", "endAt",
           "misfireGraceSeconds", "coalesce", "jitterSeconds"
    FROM "Job" WHERE "paused" = ${provider === "postgresql" ? sql`false` : sql`0`} AND "nextRunAt" <= ${sqlInstant(provider, until)} ${onlyJob}
    ORDER BY "nextRunAt", "id" LIMIT ${limit}`;
  const rows = await tx.$queryRaw<DueJob[]>`${select} ${provider === "postgresql" ? sql`FOR UPDATE SKIP LOCKED` : sql``}`;
  // Raw reads hand JSON columns back as stored: text on SQLite, parsed on PostgreSQL.
  return rows.map((row) => ({
    ...row,
    trigger: typeof row.trigger === "string" ? JSON.parse(row.trigger) : row.trigger,
    misfireGraceSeconds: row.misfireGraceSeconds === null ? null : Number(row.misfireGraceSeconds),
    jitterSeconds: Number(row.jitterSeconds),
  }));
}

async function insertRuns(tx: Tx, provider: DbProvider, rows: RunRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const values = JSON.stringify(rows);
  if (provider === "postgresql") {
    const ms = (column: Prisma.Sql) => sql`TIMESTAMP '1970-01-01' + ${column} * INTERVAL '1 millisecond'`;
    await tx.$executeRaw`
      INSERT INTO "Run" ("id", "jobId", "source", "slotAt", "scheduledFor", "status", "reason", "finishedAt", "createdAt", "updatedAt")
      SELECT v."id", v."jobId", 'schedule', ${ms(sql`v."slotAt"`)}, ${ms(sql`v."scheduledFor"`)}, v."status"::"RunStatus", v."reason",
             ${ms(sql`v."finishedAt"`)}, ${sqlInstant(provider, now)}, ${sqlInstant(provider, now)}
      FROM jsonb_to_recordset(${values}::jsonb)
        AS v("id" text, "jobId" text, "slotAt" float8, "scheduledFor" float8, "status" text, "reason" text, "finishedAt" float8)`;
    return;
  }
  await tx.$executeRaw`
    INSERT INTO "Run" ("id", "jobId", "source", "slotAt", "scheduledFor", "status", "reason", "finishedAt", "createdAt", "updatedAt")
    SELECT json_extract(value, '$.id'), json_extract(value, '$.jobId'), 'schedule', json_extract(value, '$.slotAt'),
           json_extract(value, '$.scheduledFor'), json_extract(value, '$.status'), json_extract(value, '$.reason'),
           json_extract(value, '$.finishedAt'), ${now.getTime()}, ${now.getTime()}
    FROM json_each(${values})`;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

type BatchOptions = { limit: number; until: Date; jobId?: string };

async function enqueueInTransaction(db: Db, now: Date, options: BatchOptions): Promise<EnqueueResult> {
  const provider = dbProvider(db);
  return db.$transaction(async (tx) => {
    const result: EnqueueResult = { jobs: 0, recorded: 0, failed: [] };
    const plans: JobPlan[] = [];
    for (const job of await lockDueJobs(tx, provider, options.until, options)) {
      try {
        plans.push(planJob(job, now, options.until));
      } catch (error) {
        // One job whose stored trigger no longer parses must not stop the others.
        result.failed.push({ jobId: job.id, error: message(error) });
      }
    }
    if (plans.length === 0) return result;
    const won = await advanceJobs(tx, provider, plans);
    const rows = plans.filter((plan) => won.has(plan.job.id)).flatMap((plan) => plan.rows);
    await insertRuns(tx, provider, rows, now);
    return { ...result, jobs: won.size, recorded: rows.length };
  });
}

/** Jobs planned per transaction when the caller does not say. */
export const PLAN_BATCH = 2_000;

/**
 * Plans the slots due at `now` and, when `until` is later, the slots up to `until` as well (queued
 * for their own time: a worker plans a moment ahead so that a slot's database work is done before
 * the slot). Misfires are judged at `now` alone.
 */
export async function enqueueDueRuns(db: Db, now: Date, { limit = PLAN_BATCH, until = now }: { limit?: number; until?: Date } = {}): Promise<EnqueueResult> {
  // Most ticks find nothing due: one indexed read instead of a write transaction.
  const anyDue = await db.job.findFirst({ where: { paused: false, nextRunAt: { lte: until } }, select: { id: true } });
  if (!anyDue) return { jobs: 0, recorded: 0, failed: [] };
  try {
    return await enqueueInTransaction(db, now, { limit, until });
  } catch {
    // A batch fails as a whole when one job's rows can't be written (or, on PostgreSQL, when it lost
    // a deadlock): job by job, only that job fails. A database that is down fails the first read.
    const due = await db.job.findMany({ where: { paused: false, nextRunAt: { lte: until } }, orderBy: { nextRunAt: "asc" }, take: limit, select: { id: true } });
    const result: EnqueueResult = { jobs: 0, recorded: 0, failed: [] };
    for (const { id } of due) {
      try {
        const one = await enqueueInTransaction(db, now, { limit: 1, until, jobId: id });
        result.jobs += one.jobs;
        result.recorded += one.recorded;
        result.failed.push(...one.failed);
      } catch (error) {
        result.failed.push({ jobId: id, error: message(error) });
      }
    }
    return result;
  }
}
