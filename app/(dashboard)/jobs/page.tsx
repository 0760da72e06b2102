import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { JobsList } from "@/components/jobs/jobs-list";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { listJobTags, listJobs } from "@/lib/jobs/read";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { jobKeys } from "@/lib/queries/jobs";
import { jobFiltersOf, jobListViewFrom } from "@/lib/validation/job-queries";
import { requirePermission } from "@/lib/web/session";
import { pauseJobAction, resumeJobAction, triggerJobAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePermission("jobs:read");
  const canWrite = can(caller.role, "jobs:write");
  const view = jobListViewFrom(await searchParams);
  const db = getDb();
  const queryClient = getQueryClient();
  // Prefetched under the key the list's query uses: the first paint has rows, the browser then
  // only refetches to stay live.
  const [jobs, tags] = await Promise.all([listJobs(db, jobFiltersOf(view)), listJobTags(db)]);
  queryClient.setQueryData(jobKeys.list(view), jobs);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Jobs</h1>
            <p className="text-sm text-muted-foreground">Every scheduled job, its next run and how its last runs went.</p>
          </div>
          {canWrite ? (
            <Button asChild>
              <Link href="/jobs/new">
                <Plus />
                New job
              </Link>
            </Button>
          ) : null}
        </div>
        <JobsList tags={tags} actions={canWrite ? { pause: pauseJobAction, resume: resumeJobAction, trigger: triggerJobAction } : null} />
      </div>
    </HydrationBoundary>
  );
}
