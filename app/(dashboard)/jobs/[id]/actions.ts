"use server";

// The job page's own action beside the shared job and run actions: mark a stuck run lost.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { databaseNow } from "@/lib/runs/database-now";
import { markRunLost } from "@/lib/runs/mark-run-lost";
import { defineAction } from "@/lib/web/define-action";

const RunId = z.object({ id: z.string({ error: "id is required" }).min(1, { error: "id is required" }) });

export const markRunLostAction = defineAction({ permission: "runs:write", input: RunId, name: "runs.mark-lost" }, async ({ id }, { caller }) => {
  const db = getDb();
  const marked = await markRunLost(db, { id }, caller.actor, { now: await databaseNow(db), offlineAfterSeconds: env().WORKER_OFFLINE_AFTER_SECONDS });
  revalidatePath(`/runs/${id}`);
  revalidatePath(`/jobs/${marked.run.jobId}`);
  return marked;
});
