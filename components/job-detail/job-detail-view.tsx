"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Pause } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { jobDetailQuery, jobHealthQuery } from "@/lib/queries/job-detail";
import { describeTarget } from "@/lib/validation/job-config";
import type { JobDetailActions, JobDetailPermissions } from "./action-types";
import { HealthBanners } from "./health-banners";
import { JobActions } from "./job-actions";
import { JobConfigCard } from "./job-config-card";
import { JobScheduleCard } from "./job-schedule-card";
import { SlotTimeline } from "./slot-timeline";

/** The job page: header and actions, banners, the slot timeline, schedule and configuration; all live. */
export function JobDetailView({ jobId, permissions, actions }: { jobId: string; permissions: JobDetailPermissions; actions: JobDetailActions }) {
  const { data: job, error } = useQuery(jobDetailQuery(jobId));
  const { data: health } = useQuery(jobHealthQuery(jobId));
  if (!job) {
    return (
      <div role="alert" className="rounded-lg border p-6">
        <h1 className="font-semibold">This job could not be loaded</h1>
        <p className="mt-1 text-sm text-muted-foreground">{error?.message ?? "It may have been deleted."}</p>
        <Link href="/jobs" className="mt-3 inline-block text-sm underline underline-offset-4">
          Back to jobs
        </Link>
      </div>
    );
  }
  const zone = job.trigger.timezone;
  return (
    <div className="space-y-6">
      <div className="space-y-4">
        <Link href="/jobs" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft aria-hidden="true" className="size-4" />
          Jobs
        </Link>
        <div className="flex flex-col gap-4 md:flex-row md:items-start md:justify-between">
          <div className="min-w-0 space-y-2">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="text-2xl font-semibold tracking-tight break-all">{job.name}</h1>
              {job.paused ? (
                <Badge variant="warning" className="gap-1">
                  <Pause aria-hidden="true" />
                  Paused
                </Badge>
              ) : (
                <Badge variant="success">Active</Badge>
              )}
            </div>
            {job.description ? <p className="max-w-prose text-sm whitespace-pre-line text-muted-foreground">{job.description}</p> : null}
            <p className="font-mono text-xs break-all text-muted-foreground">{describeTarget(job.kind, job.config)}</p>
            {job.tags.length > 0 ? (
              <ul aria-label="Tags" className="flex flex-wrap gap-1">
                {job.tags.map((tag) => (
                  <li key={tag}>
                    <Badge variant="secondary" className="font-normal">
                      {tag}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          {permissions.jobsWrite ? <JobActions key={job.id} job={job} actions={actions} /> : null}
        </div>
        {error ? <p className="text-sm text-destructive">Could not refresh: {error.message}</p> : null}
      </div>

      {job.paused ? (
        <div role="status" data-testid="pause-banner" className="flex gap-3 rounded-lg border border-amber-500/50 bg-amber-500/10 p-4 text-sm">
          <Pause aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700 dark:text-amber-400" />
          <div className="min-w-0">
            <p className="font-medium">
              Paused
              {job.pausedAt ? (
                <>
                  {" "}
                  <Instant value={job.pausedAt} timeZone={zone} />
                </>
              ) : null}
              {health?.pausedBy ? ` by ${health.pausedBy}` : ""}: no slot comes due until it is resumed.
            </p>
            {job.pauseNote ? <p className="mt-1 whitespace-pre-line break-words text-muted-foreground">“{job.pauseNote}”</p> : null}
          </div>
        </div>
      ) : null}
      {health ? <HealthBanners health={health} timeZone={zone} canAct={permissions.runsWrite} actions={actions} /> : null}

      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <SlotTimeline jobId={job.id} timeZone={zone} />
        <div className="space-y-6">
          <JobScheduleCard job={job} />
          <JobConfigCard job={job} />
        </div>
      </div>
    </div>
  );
}
