import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { ArrowRight } from "lucide-react";
import Link from "next/link";
import { OverviewDashboard } from "@/components/overview/overview-dashboard";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { readOverview } from "@/lib/overview/read-overview";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { overviewKeys } from "@/lib/queries/overview";
import { workerKeys } from "@/lib/queries/workers";
import { requirePermission } from "@/lib/web/session";
import { listWorkers } from "@/lib/workers/read";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  await requirePermission("jobs:read");
  await requirePermission("runs:read");
  await requirePermission("workers:read");
  const db = getDb();
  const now = new Date();
  const offlineAfterSeconds = env().WORKER_OFFLINE_AFTER_SECONDS;
  const queryClient = getQueryClient();
  // Prefetched under the same keys the client components use, so the first paint has data and the
  // browser only refetches to stay live.
  const [overview, workers] = await Promise.all([readOverview(db, { range: "24h", now, offlineAfterSeconds }), listWorkers(db, now, offlineAfterSeconds)]);
  queryClient.setQueryData(overviewKeys.range("24h"), overview);
  queryClient.setQueryData(workerKeys.list(), workers);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Overview</h1>
            <p className="text-sm text-muted-foreground">How your jobs ran lately, what needs a look, and the workers that run them.</p>
          </div>
          <Button asChild variant="outline" size="sm">
            <Link href="/jobs">
              All jobs <ArrowRight />
            </Link>
          </Button>
        </div>
        <OverviewDashboard />
      </div>
    </HydrationBoundary>
  );
}
