import type { DeletedJob } from "@/lib/jobs/delete-job";
import type { JobDto } from "@/lib/jobs/job-dto";
import type { MarkedLost } from "@/lib/runs/mark-run-lost";
import type { RunDto } from "@/lib/runs/run-dto";
import type { ActionResult } from "@/lib/web/action-result";

/** A server action called with an object, as the page hands it down. */
export type ObjectAction<T> = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<T>>;

export type JobDetailActions = {
  trigger: ObjectAction<RunDto>;
  pause: ObjectAction<JobDto>;
  resume: ObjectAction<JobDto>;
  remove: ObjectAction<DeletedJob>;
  cancelRun: ObjectAction<RunDto>;
  markRunLost: ObjectAction<MarkedLost>;
};

export type JobDetailPermissions = { jobsWrite: boolean; runsWrite: boolean };
