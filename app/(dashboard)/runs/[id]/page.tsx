import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunDetail } from "@/components/runs/run-detail";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { LOG_PAGE_SIZE, runKeys } from "@/lib/queries/runs";
import { getRun, listRunLogs } from "@/lib/runs/read";
import { requirePermission } from "@/lib/web/session";
import { triggerJobAction } from "../../jobs/actions";
import { cancelRunAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePermission("runs:read");
  const { id } = await params;
  const db = getDb();
  let run, logs;
  try {
    [run, logs] = await Promise.all([getRun(db, id), listRunLogs(db, id, { limit: LOG_PAGE_SIZE })]);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const queryClient = getQueryClient();
  queryClient.setQueryData(runKeys.detail(id), run);
  queryClient.setQueryData(runKeys.logs(id), { pages: [logs], pageParams: [0] });

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RunDetail
        id={id}
        cancelAction={can(caller.role, "runs:write") ? cancelRunAction : null}
        rerunAction={can(caller.role, "jobs:write") ? triggerJobAction : null}
      />
    </HydrationBoundary>
  );
}
