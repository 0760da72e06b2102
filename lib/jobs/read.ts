import { dbProvider, rawInstant, sql, sqlInstant, sqlJoin, type Db, type DbProvider, type JobKind, type RunStatus, type Sql, type TriggerType } from "../db";
import { describeTrigger } from "../schedule/describe";
import { describeTarget } from "../validation/job-config";
import type { JobListQuery, JobSort } from "../validation/job-queries";
import { toJobDto, type JobDto } from "./job-dto";
import { jobNotFound } from "./lock-job";
import { triggerFromColumns } from "./trigger-columns";

/** A run as the jobs list shows it: a square of the recent-runs strip. */
export type RecentRun = { id: string; status: RunStatus; scheduledFor: string };

export type JobListItem = {
  id: string;
  name: string;
  description: string;
  kind: JobKind;
  target: string;
  triggerType: TriggerType;
  /** The trigger as stored (a cron expression, or its parameters as JSON). */
  schedule: string;
  /** The schedule in plain words, e.g. "At 02:30 (Europe/Berlin)". */
  scheduleDescription: string;
  timezone: string;
  paused: boolean;
  nextRunAt: string | null;
  tags: string[];
  /** The newest run by scheduled time, whatever its status (it may still be queued or running). */
  lastRun: RecentRun | null;
  /** The newest runs, newest first, at most RECENT_RUNS_PER_JOB. */
  recentRuns: RecentRun[];
  createdAt: string;
  updatedAt: string;
};

export type JobPage = { items: JobListItem[]; total: number; page: number; pageSize: number };

export type JobFilters = Partial<JobListQuery>;

export const RECENT_RUNS_PER_JOB = 10;

/** Outcomes that make a job "failing" when its most recent outcome is one of them. */
export const FAILING_STATUSES = ["failed", "timed_out", "lost"] as const satisfies readonly RunStatus[];
// Only these say whether a job works: a queued or running run has no outcome yet, and a missed,
// skipped or canceled one never ran (or was stopped by someone), so none of them clears or sets "failing".
const OUTCOME_STATUSES = ["succeeded", ...FAILING_STATUSES] as const satisfies readonly RunStatus[];

// Ties on the sort key are broken by a unique column, so pages neither repeat nor skip a job.
const ORDER: Record<JobSort, Sql> = {
  name: sql`j."name" ASC`,
  "-name": sql`j."name" DESC`,
  // Jobs without a next run (exhausted schedules) go last either way.
  nextRunAt: sql`j."nextRunAt" ASC NULLS LAST, j."name" ASC`,
  "-nextRunAt": sql`j."nextRunAt" DESC NULLS LAST, j."name" ASC`,
  createdAt: sql`j."createdAt" ASC, j."id" ASC`,
  "-createdAt": sql`j."createdAt" DESC, j."id" DESC`,
  updatedAt: sql`j."updatedAt" ASC, j."id" ASC`,
  "-updatedAt": sql`j."updatedAt" DESC, j."id" DESC`,
};

const statusList = (statuses: readonly RunStatus[]) => sqlJoin(statuses.map((status) => sql`${status}`));

/**
 * The job's most recent outcome as text ('' when it has none), read backwards along the
 * (jobId, scheduledFor) index: it stops at the first run with an outcome, however many runs the job has.
 */
const lastOutcome = sql`COALESCE((
    SELECT CAST(r."status" AS TEXT) FROM "Run" r
    WHERE r."jobId" = j."id" AND r."status" IN (${statusList(OUTCOME_STATUSES)})
    ORDER BY r."scheduledFor" DESC LIMIT 1), '')`;

/** "%" and "_" in a search are characters to find, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function jobConditions(provider: DbProvider, { q, status, kind, tag, failing }: JobFilters): Sql {
  const conditions: Sql[] = [];
  // SQLite's LIKE already ignores ASCII case; PostgreSQL's needs ILIKE.
  if (q) conditions.push(provider === "postgresql" ? sql`j."name" ILIKE ${likePattern(q)} ESCAPE '\\'` : sql`j."name" LIKE ${likePattern(q)} ESCAPE '\\'`);
  if (status) conditions.push(status === "paused" ? sql`j."paused"` : sql`NOT j."paused"`);
  if (kind) conditions.push(sql`j."kind" = ${kind}`);
  if (tag) conditions.push(sql`EXISTS (SELECT 1 FROM "JobTag" t WHERE t."jobId" = j."id" AND t."tag" = ${tag})`);
  if (failing !== undefined) {
    const failingNow = sql`${lastOutcome} IN (${statusList(FAILING_STATUSES)})`;
    conditions.push(failing ? failingNow : sql`NOT ${failingNow}`);
  }
  return conditions.length > 0 ? sqlJoin(conditions, " AND ") : sql`1 = 1`;
}

/**
 * One page of jobs. The filters (failing included), the order and the page are evaluated by the
 * database in one statement; then only the page's jobs are read, with their tags and their last
 * RECENT_RUNS_PER_JOB runs (recentRunsOf), so the cost does not grow with the number of runs.
 */
export async function listJobs(db: Db, filters: JobFilters = {}): Promise<JobPage> {
  const { page = 1, pageSize = 50, sort = "name" } = filters;
  const provider = dbProvider(db);
  const where = jobConditions(provider, filters);
  const [pageRows, total] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`SELECT j."id" FROM "Job" j WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    countJobs(db, where),
  ]);
  const ids = pageRows.map((row) => row.id);
  const [rows, runs] = ids.length === 0 ? [[], new Map<string, RecentRun[]>()] : await Promise.all([
    db.job.findMany({ where: { id: { in: ids } }, include: { tags: { select: { tag: true }, orderBy: { tag: "asc" } } } }),
    recentRunsOf(db, ids),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  // A job deleted between the two reads is left out of the page rather than failing it.
  const items = ids.flatMap((id): JobListItem[] => {
    const row = byId.get(id);
    if (!row) return [];
    const recentRuns = runs.get(id) ?? [];
    return [
      {
        id: row.id,
        name: row.name,
        description: row.description,
        kind: row.kind,
        target: describeTarget(row.kind, row.config),
        triggerType: row.triggerType,
        schedule: scheduleText(row.trigger),
        scheduleDescription: describeStored(row),
        timezone: row.timezone,
        paused: row.paused,
        nextRunAt: row.nextRunAt?.toISOString() ?? null,
        tags: row.tags.map((t) => t.tag),
        lastRun: recentRuns[0] ?? null,
        recentRuns,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      },
    ];
  });
  return { items, total, page, pageSize };
}

// Measured on 10k jobs / 1M runs: a separate count costs no more than COUNT(*) OVER () on the page
// query (both read every matching job's last outcome), and lets an unfiltered page stop after its
// rows on the sort's index.
async function countJobs(db: Db, where: Sql): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "Job" j WHERE ${where}`;
  return Number(row?.total ?? 0);
}

// Older than any run: the lower bound of a job that has fewer runs than the strip shows.
const BEFORE_ANY_RUN = new Date("0001-01-01T00:00:00.000Z");

/**
 * The last RECENT_RUNS_PER_JOB runs of each job, newest first, in one statement. Per job, the
 * scheduled time of its Nth newest run bounds an index range scan on (jobId, scheduledFor); the
 * window function only ranks those few rows (more than N only when runs share a scheduled time).
 * A job with a million runs costs what a job with ten does.
 */
export async function recentRunsOf(db: Db, jobIds: string[], perJob: number = RECENT_RUNS_PER_JOB): Promise<Map<string, RecentRun[]>> {
  const provider = dbProvider(db);
  const ids = JSON.stringify(jobIds);
  const pageJobs = provider === "postgresql" ? sql`SELECT value AS "jobId" FROM jsonb_array_elements_text(${ids}::jsonb)` : sql`SELECT value AS "jobId" FROM json_each(${ids})`;
  const rows = await db.$queryRaw<{ id: string; jobId: string; status: RunStatus; scheduledFor: Date; rank: number | bigint }[]>`
    SELECT "id", "jobId", "status", "scheduledFor", "rank" FROM (
      SELECT r."id", r."jobId", r."status", r."scheduledFor",
             ROW_NUMBER() OVER (PARTITION BY r."jobId" ORDER BY r."scheduledFor" DESC, r."id" DESC) AS "rank"
      FROM (${pageJobs}) AS p
      JOIN "Run" r ON r."jobId" = p."jobId" AND r."scheduledFor" >= COALESCE((
        SELECT c."scheduledFor" FROM "Run" c WHERE c."jobId" = p."jobId" ORDER BY c."scheduledFor" DESC LIMIT 1 OFFSET ${perJob - 1}
      ), ${sqlInstant(provider, BEFORE_ANY_RUN)})
    ) AS ranked
    WHERE "rank" <= ${perJob}
    ORDER BY "jobId", "rank"`;
  const byJob = new Map<string, RecentRun[]>();
  for (const row of rows) {
    const list = byJob.get(row.jobId) ?? [];
    list.push({ id: row.id, status: row.status, scheduledFor: rawInstant(row.scheduledFor).toISOString() });
    byJob.set(row.jobId, list);
  }
  return byJob;
}

/** Every tag in use, for the list's tag filter. */
export async function listJobTags(db: Db): Promise<string[]> {
  const rows = await db.jobTag.findMany({ distinct: ["tag"], select: { tag: true }, orderBy: { tag: "asc" } });
  return rows.map((row) => row.tag);
}

export async function getJob(db: Db, id: string): Promise<JobDto> {
  const row = await db.job.findUnique({ where: { id }, include: { tags: true } });
  if (!row) throw jobNotFound(id);
  return toJobDto(row);
}

function scheduleText(trigger: unknown): string {
  if (trigger && typeof trigger === "object" && "expression" in trigger && typeof trigger.expression === "string") {
    return trigger.expression;
  }
  return JSON.stringify(trigger);
}

function describeStored(row: Parameters<typeof triggerFromColumns>[0]): string {
  try {
    return describeTrigger(triggerFromColumns(row), "en");
  } catch {
    // A row edited by hand into something the scheduler cannot read: say so, don't fail the list.
    return "invalid trigger";
  }
}
