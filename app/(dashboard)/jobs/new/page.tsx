import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JobForm } from "@/components/jobs/job-form";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { JobDto } from "@/lib/jobs/job-dto";
import { getJob } from "@/lib/jobs/read";
import { getQueryClient } from "@/lib/queries/get-query-client";
import { jobFormSettings } from "@/lib/web/job-form-settings";
import { requirePermission } from "@/lib/web/session";
import { createJobAction } from "../form-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New job" };

const NewJobParams = z.object({ from: z.string().min(1).optional().catch(undefined) });

export default async function NewJobPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePermission("jobs:write");
  const { from } = NewJobParams.parse(await searchParams);
  const db = getDb();
  let source: JobDto | undefined;
  if (from) {
    try {
      source = await getJob(db, from);
    } catch (error) {
      if (error instanceof NotFoundError) notFound();
      throw error;
    }
  }
  const queryClient = getQueryClient();
  const settings = await jobFormSettings(db, caller, queryClient);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="mx-auto grid max-w-4xl gap-6">
        <div>
          <p className="text-sm text-muted-foreground">
            <Link href="/jobs" className="hover:underline">
              Jobs
            </Link>{" "}
            / New
          </p>
          <h1 className="text-2xl font-semibold tracking-tight">{source ? `Duplicate ${source.name}` : "New job"}</h1>
          <p className="text-sm text-muted-foreground">
            {source ? "A new job with the same settings; nothing is saved until you create it." : "Schedule an HTTP request, a task or a command."}
          </p>
        </div>
        <JobForm
          mode="create"
          source={source}
          action={createJobAction}
          {...settings}
        />
      </div>
    </HydrationBoundary>
  );
}
