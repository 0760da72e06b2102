// Retention: deletes finished runs past their job's limits, in small batches. A run's log lines go
// with it (RunLog cascades on delete); a retry of a deleted run keeps its row, unlinked.
import type { Db, RunStatus } from "../db";

/** Never deleted: a queued run is still to happen, a running one is in progress. */
const UNFINISHED: RunStatus[] = ["queued", "running"];
const DAY_MS = 86_400_000;

/**
 * Runs per delete statement, and log lines: each statement commits on its own, so a prune of
 * millions of rows never holds a long transaction (on SQLite, the database's one write lock) and
 * can stop between batches. The log cap splits batches of chatty runs (up to 1 MiB of log each).
 */
const BATCH_RUNS = 1000;
const BATCH_LOG_LINES = 50_000;

export type RetentionLimits = {
  /** Finished runs scheduled more than this many days ago are deleted. */
  keepDays: number;
  /** Of each job, the newest this many finished runs are kept; older ones are deleted. */
  keepRuns: number;
};

export type PruneResult = {
  /** Runs deleted for their age, then for being beyond their job's newest keepRuns. */
  byAge: number;
  byCount: number;
  /** RunLog rows deleted with them. */
  logLines: number;
  /** Jobs whose own retentionDays / retentionRuns replaced the defaults. */
  jobsWithOverrides: number;
};

type Candidate = { id: string; logLineCount: number };

/**
 * Applies retention to every job: a finished run (any status but queued and running) is deleted when
 * it was scheduled more than keepDays ago, or when its job has keepRuns newer finished runs. A job's
 * own `retentionDays` / `retentionRuns` replace the defaults for that job; "newest" and "age" go by
 * `scheduledFor`, which every run has (missed and skipped rows included) and which the run lists
 * sort by.
 */
export async function pruneRuns(
  db: Db,
  { defaults, now, signal, batchRuns = BATCH_RUNS }: { defaults: RetentionLimits; now: Date; signal?: AbortSignal; batchRuns?: number },
): Promise<PruneResult> {
  const result: PruneResult = { byAge: 0, byCount: 0, logLines: 0, jobsWithOverrides: 0 };
  const cutoff = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const finished = { status: { notIn: UNFINISHED } };

  /** Deletes the candidates in statements of at most BATCH_LOG_LINES log lines; returns the runs deleted. */
  const remove = async (candidates: Candidate[]): Promise<number> => {
    let deleted = 0;
    for (const ids of splitByLogLines(candidates)) {
      signal?.throwIfAborted();
      const logLines = await db.runLog.count({ where: { runId: { in: ids } } });
      const { count } = await db.run.deleteMany({ where: { id: { in: ids }, ...finished } });
      deleted += count;
      if (count > 0) result.logLines += logLines;
    }
    return deleted;
  };
  /** Fetches and deletes batch after batch until a fetch comes back empty (or deletes nothing). */
  const drain = async (fetch: () => Promise<Candidate[]>): Promise<number> => {
    let total = 0;
    for (;;) {
      signal?.throwIfAborted();
      const candidates = await fetch();
      if (candidates.length === 0) return total;
      const deleted = await remove(candidates);
      if (deleted === 0) return total;
      total += deleted;
    }
  };
  const select = { id: true, logLineCount: true } as const;

  const overrides = await db.job.findMany({
    where: { OR: [{ retentionDays: { not: null } }, { retentionRuns: { not: null } }] },
    select: { id: true, retentionDays: true, retentionRuns: true },
  });
  result.jobsWithOverrides = overrides.length;

  // By age: one sweep over the jobs that follow the default, then each job with its own limit.
  result.byAge += await drain(() =>
    db.run.findMany({
      where: { ...finished, scheduledFor: { lt: cutoff(defaults.keepDays) }, job: { retentionDays: null } },
      select,
      take: batchRuns,
    }),
  );
  for (const job of overrides) {
    if (job.retentionDays === null) continue;
    const before = cutoff(job.retentionDays);
    result.byAge += await drain(() => db.run.findMany({ where: { jobId: job.id, ...finished, scheduledFor: { lt: before } }, select, take: batchRuns }));
  }

  // By count: only the jobs with more finished runs than they keep.
  const keepRunsOf = new Map(overrides.filter((job) => job.retentionRuns !== null).map((job) => [job.id, job.retentionRuns!]));
  const counts = await db.run.groupBy({ by: ["jobId"], where: finished, _count: { _all: true } });
  for (const { jobId, _count } of counts) {
    const keep = keepRunsOf.get(jobId) ?? defaults.keepRuns;
    if (_count._all <= keep) continue;
    result.byCount += await drain(() =>
      db.run.findMany({
        where: { jobId, ...finished },
        orderBy: [{ scheduledFor: "desc" }, { id: "desc" }],
        skip: keep,
        take: batchRuns,
        select,
      }),
    );
  }
  return result;
}

function splitByLogLines(candidates: Candidate[]): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let lines = 0;
  for (const { id, logLineCount } of candidates) {
    if (current.length > 0 && lines + logLineCount > BATCH_LOG_LINES) {
      batches.push(current);
      current = [];
      lines = 0;
    }
    current.push(id);
    lines += logLineCount;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
