import type { Db } from "../db";
import { jobNotFound } from "./lock-job";

/** What deleting the job would delete with it, counted as deleteJob counts it. */
export type JobRunCounts = { runs: number; logLines: number };

export async function countJobRuns(db: Db, id: string): Promise<JobRunCounts> {
  const job = await db.job.findUnique({ where: { id }, select: { id: true } });
  if (!job) throw jobNotFound(id);
  const [runs, logLines] = await Promise.all([db.run.count({ where: { jobId: id } }), db.runLog.count({ where: { run: { jobId: id } } })]);
  return { runs, logLines };
}
