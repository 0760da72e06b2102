import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { JobForm } from "@/components/jobs/job-form";
import { Button } from "@/components/ui/button";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getJob } from "@/lib/jobs/read";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { jobFormSettings } from "@/lib/web/job-form-settings";
import { requirePermission } from "@/lib/web/session";
import { updateJobAction } from "../../form-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit job" };

export default async function EditJobPage({ params }: { params: Promise<{ id: string }> }) {
  const caller = await requirePermission("jobs:write");
  const { id } = await params;
  const db = getDb();
  const job = await getJob(db, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const queryClient = getQueryClient();
  const settings = await jobFormSettings(db, caller, queryClient);

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
          {...settings}
        />
      </div>
    </HydrationBoundary>
  );
}
