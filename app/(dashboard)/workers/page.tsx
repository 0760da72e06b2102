import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { WorkersTable } from "@/components/workers/workers-table";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { runKeys } from "@/lib/queries/runs";
import { workerKeys } from "@/lib/queries/workers";
import { listRuns } from "@/lib/runs/read";
import { requirePermission } from "@/lib/web/session";
import { listWorkers } from "@/lib/workers/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workers" };

export default async function WorkersPage() {
  await requirePermission("workers:read");
  await requirePermission("runs:read");
  const db = getDb();
  const [workers, running] = await Promise.all([listWorkers(db, new Date(), env().WORKER_OFFLINE_AFTER_SECONDS), listRuns(db, { status: ["running"], limit: 200 })]);
  const queryClient = getQueryClient();
  queryClient.setQueryData(workerKeys.list(), workers);
  queryClient.setQueryData(runKeys.running(), running.items);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Workers</h1>
          <p className="text-sm text-muted-foreground">
            The processes that claim and run due jobs. A worker is online while it heartbeats; one that stops heartbeating without saying goodbye is offline, and
            its running runs end lost (or retried) once their lease expires.
          </p>
        </div>
        <WorkersTable />
      </div>
    </HydrationBoundary>
  );
}
