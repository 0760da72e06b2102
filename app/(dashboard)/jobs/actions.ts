"use server";

// Server actions on an existing job, shared by the jobs list, the job page and its dialogs. Each one
// checks the session and role itself (defineAction), then calls the same service as the REST API.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { deleteJob } from "@/lib/jobs/delete-job";
import { pauseJob } from "@/lib/jobs/pause-job";
import { resumeJob } from "@/lib/jobs/resume-job";
import { triggerJob } from "@/lib/jobs/trigger-job";
import { defineAction } from "@/lib/web/define-action";

const JobId = z.string({ error: "id is required" }).min(1, { error: "id is required" });

const PauseJobForm = z.object({
  id: JobId,
  note: z.string({ error: "note must be text" }).trim().max(500, { error: "note must be at most 500 characters" }).optional(),
});

const TriggerJobForm = z.object({
  id: JobId,
  /** This run's payload, replacing the job's default; the service checks it against the task's schema. */
  payload: z.unknown().optional(),
});

function revalidateJob(id: string) {
  revalidatePath("/jobs");
  revalidatePath(`/jobs/${id}`);
  revalidatePath("/");
}

export const pauseJobAction = defineAction({ permission: "jobs:write", input: PauseJobForm, name: "jobs.pause" }, async ({ id, note }, { caller }) => {
  const job = await pauseJob(getDb(), { id, note: note || null }, caller.actor, { now: new Date() });
  revalidateJob(id);
  return job;
});

export const resumeJobAction = defineAction({ permission: "jobs:write", input: z.object({ id: JobId }), name: "jobs.resume" }, async ({ id }, { caller }) => {
  const job = await resumeJob(getDb(), { id }, caller.actor, { now: new Date() });
  revalidateJob(id);
  return job;
});

export const triggerJobAction = defineAction({ permission: "jobs:write", input: TriggerJobForm, name: "jobs.trigger" }, async ({ id, payload }, { caller }) => {
  const run = await triggerJob(getDb(), { id, payload, source: "manual" }, caller.actor, { now: new Date() });
  revalidateJob(id);
  return run;
});

export const deleteJobAction = defineAction({ permission: "jobs:write", input: z.object({ id: JobId }), name: "jobs.delete" }, async ({ id }, { caller }) => {
  const deleted = await deleteJob(getDb(), { id }, caller.actor, { now: new Date() });
  revalidateJob(id);
  return deleted;
});
