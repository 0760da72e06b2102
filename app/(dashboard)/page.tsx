import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { z } from "zod";
import { JobsTable } from "@/components/jobs/jobs-table";
import { WorkersPanel } from "@/components/workers/workers-panel";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { listJobs } from "@/lib/jobs/read";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { jobKeys } from "@/lib/queries/jobs";
import { workerKeys } from "@/lib/queries/workers";
import { requirePermission } from "@/lib/web/session";
import { listWorkers } from "@/lib/workers/read";

export const dynamic = "force-dynamic";

const OverviewParams = z.object({ page: z.coerce.number().int().min(1).catch(1) });

export default async function OverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("jobs:read");
  await requirePermission("workers:read");
  const { page } = OverviewParams.parse(await searchParams);
  const db = getDb();
  const queryClient = getQueryClient();
  // Prefetched under the same keys the client components use, so the first paint has data and the
  // browser only refetches to stay live.
  const [workers, jobs] = await Promise.all([
    listWorkers(db, new Date(), env().WORKER_OFFLINE_AFTER_SECONDS),
    listJobs(db, { page }),
  ]);
  queryClient.setQueryData(workerKeys.list(), workers);
  queryClient.setQueryData(jobKeys.list({ page }), jobs);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
          <p className="text-sm text-muted-foreground">Your scheduled jobs and the workers that run them.</p>
        </div>
        <WorkersPanel />
        <JobsTable page={page} />
      </div>
    </HydrationBoundary>
  );
}
