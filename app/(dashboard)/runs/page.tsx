import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { RunsFilters } from "@/components/runs/runs-filters";
import { RunsTable } from "@/components/runs/runs-table";
import { getDb } from "@/lib/db";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { RUNS_PAGE_SIZE, runKeys } from "@/lib/queries/runs";
import { listJobOptions, listRuns } from "@/lib/runs/read";
import { parseRunPageSearch } from "@/lib/validation/run-queries";
import { requirePermission } from "@/lib/web/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

export default async function RunsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("runs:read");
  const { filters, form } = parseRunPageSearch(await searchParams);
  const db = getDb();
  const [firstPage, jobs] = await Promise.all([
    listRuns(db, {
      ...filters,
      from: filters.from ? new Date(filters.from) : undefined,
      to: filters.to ? new Date(filters.to) : undefined,
      limit: RUNS_PAGE_SIZE,
    }),
    listJobOptions(db),
  ]);
  const queryClient = getQueryClient();
  queryClient.setQueryData(runKeys.list(filters), { pages: [firstPage], pageParams: [null] });
  const filtered = Object.values(filters).some((value) => value !== undefined);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Runs</h1>
          <p className="text-sm text-muted-foreground">Every run of every job, newest first: scheduled slots, manual runs, API runs and retries.</p>
        </div>
        {/* Keyed by the URL's filters: a link to other filters gives the form fresh defaults. */}
        <RunsFilters key={JSON.stringify(form)} form={form} jobs={jobs} />
        <RunsTable filters={filters} filtered={filtered} />
      </div>
    </HydrationBoundary>
  );
}
