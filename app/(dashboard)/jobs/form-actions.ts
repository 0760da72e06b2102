"use server";

// The job form's actions: create a job, or replace one the form loaded at a given version. Each
// checks the session and role (defineAction) and calls the same service as the REST API, which
// checks every field at once and names the problems by path ("trigger.expression").
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { createJob } from "@/lib/jobs/create-job";
import { updateJob } from "@/lib/jobs/update-job";
import { JobRequest, JobVersion } from "@/lib/validation/job-actions";
import { defineAction } from "@/lib/web/define-action";

const CreateJobForm = z.object({ job: JobRequest });

const UpdateJobForm = z.object({
  id: z.string({ error: "id is required" }).min(1, { error: "id is required" }),
  version: JobVersion,
  job: JobRequest,
});

function revalidateJobs(id: string) {
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${id}`);
  revalidatePath("/");
}

export const createJobAction = defineAction({ permission: "jobs:write", input: CreateJobForm, name: "jobs.create" }, async ({ job }, { caller }) => {
  const created = await createJob(getDb(), job, caller.actor, { now: new Date(), defaultTimezone: env().SUNDIAL_TIMEZONE });
  revalidateJobs(created.id);
  return created;
});

export const updateJobAction = defineAction({ permission: "jobs:write", input: UpdateJobForm, name: "jobs.update" }, async ({ id, version, job }, { caller }) => {
  try {
    const updated = await updateJob(getDb(), { id, version, job }, caller.actor, { now: new Date(), defaultTimezone: env().SUNDIAL_TIMEZONE });
    revalidateJobs(id);
    return updated;
  } catch (error) {
    // The service's message carries an ISO timestamp for API clients; the form says it in words and
    // offers to reload (a taken name, the other conflict, keeps its field error).
    if (error instanceof ConflictError && error.details.current) {
      const { changedBy, version: current } = error.details.current;
      throw new ConflictError(
        `This job was changed by ${changedBy ?? "someone else"} since you opened it (you opened version ${version}; it is now at version ${current}). Your changes were not saved.`,
      );
    }
    throw error;
  }
});
