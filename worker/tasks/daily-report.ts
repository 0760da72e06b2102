// A day's runs in a few lines: how many ended how, and which jobs failed most.
import type { RunStatus } from "@/lib/db";
import type { DailyReportPayload } from "@/lib/tasks/catalog";
import type { TaskHandler } from "./task-handler";

const DAY_MS = 86_400_000;
/** The order statuses are listed in: the run's life, then the ways it can end. */
const STATUS_ORDER: RunStatus[] = ["queued", "running", "succeeded", "failed", "timed_out", "lost", "canceled", "missed", "skipped"];
/** Outcomes that mean the job itself went wrong (missed and skipped slots are the schedule's doing). */
const FAILURE_STATUSES: RunStatus[] = ["failed", "timed_out", "lost"];
const TOP_FAILING_JOBS = 5;

export type DailyReport = {
  day: string;
  byStatus: Partial<Record<RunStatus, number>>;
  /** Jobs with failures, most first: failures per status and all their runs of the day. */
  topFailures: { name: string; runs: number; failures: Partial<Record<RunStatus, number>> }[];
};

/** The UTC day before `at`, as YYYY-MM-DD. */
export function previousUtcDay(at: Date): string {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - DAY_MS).toISOString().slice(0, 10);
}

const sum = (counts: Partial<Record<RunStatus, number>>) => Object.values(counts).reduce((total, n) => total + n, 0);
const listed = (counts: Partial<Record<RunStatus, number>>) =>
  STATUS_ORDER.filter((status) => counts[status]).map((status) => `${status} ${counts[status]}`).join(", ");

export function formatDailyReport({ day, byStatus, topFailures }: DailyReport): string {
  const total = sum(byStatus);
  if (total === 0) return `Runs on ${day} (UTC): none`;
  const lines = [`Runs on ${day} (UTC): ${total}`, `  ${listed(byStatus)}`];
  if (topFailures.length === 0) {
    lines.push("No failures");
  } else {
    lines.push("Jobs with the most failures:");
    for (const job of topFailures) lines.push(`  ${job.name}: ${sum(job.failures)} of ${job.runs} runs (${listed(job.failures)})`);
  }
  return lines.join("\n");
}

/** Runs are counted on the day they were scheduled for. Without a day: the day before the run's slot. */
export const dailyReportTask: TaskHandler<DailyReportPayload> = async (payload, { db, log, run }) => {
  const day = payload.day ?? previousUtcDay(run.scheduledFor);
  const from = new Date(`${day}T00:00:00.000Z`);
  const onDay = { scheduledFor: { gte: from, lt: new Date(from.getTime() + DAY_MS) } };

  const statusRows = await db.run.groupBy({ by: ["status"], where: onDay, _count: { _all: true } });
  const byStatus: DailyReport["byStatus"] = {};
  for (const row of statusRows) byStatus[row.status] = row._count._all;

  const failureRows = await db.run.groupBy({ by: ["jobId", "status"], where: { ...onDay, status: { in: FAILURE_STATUSES } }, _count: { _all: true } });
  const failuresOf = new Map<string, Partial<Record<RunStatus, number>>>();
  for (const row of failureRows) {
    const counts = failuresOf.get(row.jobId) ?? {};
    counts[row.status] = row._count._all;
    failuresOf.set(row.jobId, counts);
  }
  const topJobIds = [...failuresOf.entries()]
    .sort(([a, fa], [b, fb]) => sum(fb) - sum(fa) || a.localeCompare(b))
    .slice(0, TOP_FAILING_JOBS)
    .map(([jobId]) => jobId);
  const [jobs, runCounts] = await Promise.all([
    db.job.findMany({ where: { id: { in: topJobIds } }, select: { id: true, name: true } }),
    db.run.groupBy({ by: ["jobId"], where: { ...onDay, jobId: { in: topJobIds } }, _count: { _all: true } }),
  ]);
  const nameOf = new Map(jobs.map((job) => [job.id, job.name]));
  const runsOf = new Map(runCounts.map((row) => [row.jobId, row._count._all]));
  const topFailures = topJobIds.map((jobId) => ({ name: nameOf.get(jobId) ?? jobId, runs: runsOf.get(jobId) ?? 0, failures: failuresOf.get(jobId)! }));

  const summary = formatDailyReport({ day, byStatus, topFailures });
  log(summary);
  return { summary };
};
