import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobForm } from "@/components/jobs/job-form";
import { Button } from "@/components/ui/button";
import { listAlertChannelOptions } from "@/lib/alerts/read";
import { can } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { NotFoundError } from "@/lib/errors";
import { getJob } from "@/lib/jobs/read";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { workerKeys } from "@/lib/queries/workers";
import { requirePermission } from "@/lib/web/session";
import { listWorkers } from "@/lib/workers/read";
import { updateJobAction } from "../../form-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePermission("jobs:write");
  // Only admins may read the channel list: others see how many channels the job has, not which.
  const alertChannels = can(caller.role, "alerts:manage") ? await listAlertChannelOptions(getDb()) : null;
  const { id } = await params;
  const db = getDb();
  const job = await getJob(db, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const queryClient = getQueryClient();
  queryClient.setQueryData(workerKeys.list(), await listWorkers(db, new Date(), env().WORKER_OFFLINE_AFTER_SECONDS));

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="mx-auto grid max-w-4xl gap-6">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div className="min-w-0">
            <p className="truncate text-sm text-muted-foreground">
              <Link href="/jobs" className="hover:underline">
                Jobs
              </Link>{" "}
              /{" "}
              <Link href={`/jobs/${job.id}`} className="hover:underline">
                {job.name}
              </Link>{" "}
              / Edit
            </p>
            <h1 className="truncate text-2xl font-semibold tracking-tight">Edit {job.name}</h1>
            <p className="text-sm text-muted-foreground">
              Version {job.version}. A changed schedule starts again from its next slot; pausing and resuming are on the job&apos;s page.
            </p>
          </div>
          <Button variant="outline" size="sm" asChild>
            <Link href={`/jobs/new?from=${encodeURIComponent(job.id)}`}>
              <Copy /> Duplicate
            </Link>
          </Button>
        </div>
        {/* Keyed by version: "Reload latest" after a conflict re-renders the page with the new version and starts a fresh form. */}
        <JobForm
          key={job.version}
          mode="edit"
          source={job}
          action={updateJobAction}
          timeZones={Intl.supportedValuesOf("timeZone")}
          defaultTimezone={env().SUNDIAL_TIMEZONE}
          shellAllowed={env().SUNDIAL_ALLOW_SHELL}
          alertChannels={alertChannels}
        />
      </div>
    </HydrationBoundary>
  );
}
