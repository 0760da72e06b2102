import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { JobDetailView } from "@/components/job-detail/job-detail-view";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { getJobHealth } from "@/lib/jobs/job-health";
import { getJob } from "@/lib/jobs/read";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { TIMELINE_PAGE_SIZE, jobDetailKeys } from "@/lib/queries/job-detail";
import { databaseNow } from "@/lib/runs/database-now";
import { listRuns } from "@/lib/runs/read";
import { requirePermission } from "@/lib/web/session";
import { cancelRunAction } from "../../runs/actions";
import { deleteJobAction, pauseJobAction, resumeJobAction, triggerJobAction } from "../actions";
import { markRunLostAction } from "./actions";

export const dynamic = "force-dynamic";

/** One read per request, shared by the title and the page; an unknown id is the not-found page. */
const loadJob = cache((id: string) =>
  getJob(getDb(), id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }),
);

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requirePermission("jobs:read");
  return { title: (await loadJob((await params).id)).name };
}

export default async function JobPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePermission("jobs:read");
  await requirePermission("runs:read");
  const { id } = await params;
  const db = getDb();
  const job = await loadJob(id);
  const [health, firstPage] = await Promise.all([
    getJobHealth(db, id, { now: await databaseNow(db), offlineAfterSeconds: env().WORKER_OFFLINE_AFTER_SECONDS }),
    listRuns(db, { jobId: id, limit: TIMELINE_PAGE_SIZE }),
  ]);
  // Prefetched under the keys the client components use: the first paint has data, the browser
  // only refetches to stay live.
  const queryClient = getQueryClient();
  queryClient.setQueryData(jobDetailKeys.job(id), job);
  queryClient.setQueryData(jobDetailKeys.health(id), health);
  queryClient.setQueryData(jobDetailKeys.timeline(id, []), { pages: [firstPage], pageParams: [null] });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <JobDetailView
        jobId={id}
        permissions={{ jobsWrite: can(caller.role, "jobs:write"), runsWrite: can(caller.role, "runs:write") }}
        actions={{
          trigger: triggerJobAction,
          pause: pauseJobAction,
          resume: resumeJobAction,
          remove: deleteJobAction,
          cancelRun: cancelRunAction,
          markRunLost: markRunLostAction,
        }}
      />
    </HydrationBoundary>
  );
}
