"use server";

// Server actions on a run, shared by the runs list, the run page and the job page's stuck-run banner.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { cancelRun } from "@/lib/runs/cancel-run";
import { defineAction } from "@/lib/web/define-action";

const RunId = z.object({ id: z.string({ error: "id is required" }).min(1, { error: "id is required" }) });

export const cancelRunAction = defineAction({ permission: "runs:write", input: RunId, name: "runs.cancel" }, async ({ id }, { caller }) => {
  const run = await cancelRun(getDb(), { id }, caller.actor, { now: new Date() });
  revalidatePath(`/runs/${id}`);
  revalidatePath(`/jobs/${run.jobId}`);
  return run;
});
