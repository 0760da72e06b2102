import { env } from "@/lib/env";
import { pruneRuns } from "@/lib/runs/prune-runs";
import type { PruneRunsPayload } from "@/lib/tasks/catalog";
import type { TaskHandler } from "./task-handler";

/** Retention with the payload's limits, else the global settings; a job's own limits beat both. */
export const pruneRunsTask: TaskHandler<PruneRunsPayload> = async (payload, { db, log, signal }) => {
  const config = env();
  const defaults = {
    keepDays: payload.keepDays ?? config.SUNDIAL_RETENTION_DAYS,
    keepRuns: payload.keepRuns ?? config.SUNDIAL_RETENTION_RUNS,
  };
  log(`keeping finished runs of the last ${defaults.keepDays} days, at most ${defaults.keepRuns} per job, unless a job sets its own limits`);
  const result = await pruneRuns(db, { defaults, now: new Date(), signal });
  const summary =
    `deleted ${result.byAge + result.byCount} runs (${result.byAge} past their age limit, ${result.byCount} beyond their job's run limit) ` +
    `and ${result.logLines} log lines; limits ${defaults.keepDays} days, ${defaults.keepRuns} runs per job; ` +
    `${result.jobsWithOverrides} job(s) with their own limits`;
  log(summary);
  return { summary };
};
