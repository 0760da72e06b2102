import { dbProvider, type Db, type JobKind, type Prisma, type RunStatus, type TriggerType } from "../db";
import { describeTrigger } from "../schedule/describe";
import { describeTarget } from "../validation/job-config";
import type { JobListQuery, JobSort } from "../validation/job-queries";
import { toJobDto, type JobDto } from "./job-dto";
import { jobNotFound } from "./lock-job";
import { triggerFromColumns } from "./trigger-columns";

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
  lastRun: { status: RunStatus; scheduledFor: string } | null;
};

export type JobPage = { items: JobListItem[]; total: number; page: number; pageSize: number };

export type JobFilters = Partial<JobListQuery>;

const ORDER: Record<JobSort, Prisma.JobOrderByWithRelationInput[]> = {
  name: [{ name: "asc" }],
  "-name": [{ name: "desc" }],
  // Jobs without a next run (exhausted schedules) go last either way.
  nextRunAt: [{ nextRunAt: { sort: "asc", nulls: "last" } }, { name: "asc" }],
  "-nextRunAt": [{ nextRunAt: { sort: "desc", nulls: "last" } }, { name: "asc" }],
  createdAt: [{ createdAt: "asc" }, { id: "asc" }],
  "-createdAt": [{ createdAt: "desc" }, { id: "desc" }],
  updatedAt: [{ updatedAt: "asc" }, { id: "asc" }],
  "-updatedAt": [{ updatedAt: "desc" }, { id: "desc" }],
};

function jobWhere(db: Db, { q, status, kind, tag }: JobFilters): Prisma.JobWhereInput {
  const where: Prisma.JobWhereInput[] = [];
  // SQLite's LIKE already ignores ASCII case; PostgreSQL's needs asking (a mode SQLite's client type lacks).
  if (q) where.push({ name: dbProvider(db) === "postgresql" ? ({ contains: q, mode: "insensitive" } as Prisma.StringFilter) : { contains: q } });
  if (status) where.push({ paused: status === "paused" });
  if (kind) where.push({ kind });
  if (tag) where.push({ tags: { some: { tag } } });
  return { AND: where };
}

export async function listJobs(db: Db, filters: JobFilters = {}): Promise<JobPage> {
  const { page = 1, pageSize = 50, sort = "name" } = filters;
  const where = jobWhere(db, filters);
  const [rows, total] = await Promise.all([
    db.job.findMany({
      where,
      orderBy: ORDER[sort],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        tags: { select: { tag: true }, orderBy: { tag: "asc" } },
        runs: { orderBy: { scheduledFor: "desc" }, take: 1, select: { status: true, scheduledFor: true } },
      },
    }),
    db.job.count({ where }),
  ]);
  const items = rows.map((row): JobListItem => {
    const last = row.runs[0];
    return {
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
      lastRun: last ? { status: last.status, scheduledFor: last.scheduledFor.toISOString() } : null,
    };
  });
  return { items, total, page, pageSize };
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
