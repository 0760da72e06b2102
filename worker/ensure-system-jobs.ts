// Sundial's own housekeeping jobs exist without anyone creating them: each worker checks at start
// and creates what is missing, through createJob like any other job (audited, as the system).
import type { Db } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import type { Logger } from "@/lib/log";
import type { JobInputRequest } from "@/lib/validation/job-input";

export const SYSTEM_JOBS: JobInputRequest[] = [
  {
    name: "sundial.prune-runs",
    description:
      "Built in: deletes finished runs and their logs past the retention limits (SUNDIAL_RETENTION_DAYS, SUNDIAL_RETENTION_RUNS, or a job's own). " +
      "Pause it to keep every run; deleted, it comes back at the next worker start.",
    tags: ["system"],
    kind: "task",
    config: { task: "sundial.prune-runs" },
    trigger: { type: "cron", expression: "17 3 * * *", timezone: "UTC" },
    coalesce: "latest",
    // Housekeeping is never too late: after a night with no worker it runs once when one starts.
    misfireGraceSeconds: null,
  },
];

/**
 * Creates the system jobs that don't exist yet and returns their names. Workers starting together
 * may both find one missing: the unique name lets one create it, the other gets a ConflictError,
 * which is the outcome wanted. Any other failure is logged, not thrown: the worker runs jobs without
 * its housekeeping, and the next start tries again.
 */
export async function ensureSystemJobs(db: Db, log: Logger, now: Date = new Date()): Promise<string[]> {
  const created: string[] = [];
  for (const input of SYSTEM_JOBS) {
    try {
      if (await db.job.findUnique({ where: { name: input.name }, select: { id: true } })) continue;
      const job = await createJob(db, input, SYSTEM_ACTOR, { now, defaultTimezone: "UTC" });
      created.push(job.name);
      log.info({ jobId: job.id, name: job.name }, "created a built-in job");
    } catch (error) {
      if (error instanceof ConflictError) continue;
      log.error({ err: error, name: input.name }, "could not create a built-in job; the next worker start will try again");
    }
  }
  log.info({ created }, "built-in jobs checked");
  return created;
}
