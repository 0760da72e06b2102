import type { Db, JobKind, RunStatus, TriggerType } from "../db";
import { describeTrigger } from "../schedule/describe";
import { describeTarget } from "../validation/job-config";
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

export async function listJobs(db: Db, { page = 1, pageSize = 50 }: { page?: number; pageSize?: number } = {}): Promise<JobPage> {
  const [rows, total] = await Promise.all([
    db.job.findMany({
      orderBy: [{ name: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: {
        tags: { select: { tag: true }, orderBy: { tag: "asc" } },
        runs: { orderBy: { scheduledFor: "desc" }, take: 1, select: { status: true, scheduledFor: true } },
      },
    }),
    db.job.count(),
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
