"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CalendarClock, RefreshCw, SearchX } from "lucide-react";
import Link from "next/link";
import { RunStatusBadge } from "@/components/jobs/run-status-badge";
import { Instant } from "@/components/time/instant";
import { useNow } from "@/components/time/use-now";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobListItem, JobPage } from "@/lib/jobs/read";
import { jobsQuery } from "@/lib/queries/jobs";
import { formatInstant } from "@/lib/schedule/format-instant";
import { isWaitingSlot } from "@/lib/schedule/waiting-slot";
import type { JobListView, JobSort } from "@/lib/validation/job-queries";
import { cn } from "@/lib/utils";
import { JobQuickActions, type JobListActions } from "./job-quick-actions";
import { JobsToolbar, isFiltered } from "./jobs-toolbar";
import { RecentRunsStrip } from "./recent-runs-strip";
import { SortHeader } from "./sort-header";
import { useJobListView, type SetJobListView } from "./use-job-list-view";

/** Matches the API's recentRuns: the strip always has this many places. */
const STRIP_SIZE = 10;

/**
 * The jobs list: search, filters, sort and page from the URL; rows from GET /api/v1/jobs, kept
 * live. `actions` is null for a caller who may only read: no control that would be refused.
 */
export function JobsList({ tags, actions }: { tags: string[]; actions: JobListActions | null }) {
  const [view, setView] = useJobListView();
  const { data, error, isPlaceholderData, refetch, isRefetching } = useQuery({ ...jobsQuery(view), placeholderData: keepPreviousData });
  const sort: JobSort = view.sort ?? "name";
  const onSort = (next: JobSort) => setView({ ...view, sort: next, page: undefined });

  return (
    <div className="space-y-4">
      <JobsToolbar view={view} setView={setView} tags={tags} />
      {error ? (
        <div role="alert" className="flex items-center justify-between gap-3 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          <span>{data ? "Could not refresh the list" : "Could not load the jobs"}: {error.message}</span>
          <Button type="button" variant="outline" size="sm" onClick={() => void refetch()} disabled={isRefetching}>
            <RefreshCw className={cn(isRefetching && "animate-spin")} />
            Retry
          </Button>
        </div>
      ) : null}
      {data ? (
        data.total === 0 ? (
          <NoJobs view={view} setView={setView} canCreate={actions !== null} />
        ) : (
          <Card className="gap-0 overflow-hidden py-0">
            <div aria-busy={isPlaceholderData} className={cn("transition-opacity", isPlaceholderData && "opacity-60")}>
              <Table aria-label="Jobs">
                <TableHeader className="bg-muted/40">
                  <TableRow className="hover:bg-transparent">
                    <SortHeader column="name" label="Name" sort={sort} onSort={onSort} className="pl-4" />
                    <TableHead className="hidden md:table-cell">Schedule</TableHead>
                    <SortHeader column="nextRunAt" label="Next run" sort={sort} onSort={onSort} />
                    <TableHead className="hidden lg:table-cell">Last run</TableHead>
                    <TableHead className="hidden sm:table-cell">Recent runs</TableHead>
                    {actions ? (
                      <TableHead className="pr-4 text-right">
                        <span className="sr-only">Actions</span>
                      </TableHead>
                    ) : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.items.map((job) => (
                    <JobRow key={job.id} job={job} actions={actions} onTag={(tag) => setView({ ...view, tag, page: undefined })} />
                  ))}
                </TableBody>
              </Table>
              {data.items.length === 0 ? <PastTheEnd page={data} view={view} setView={setView} /> : null}
            </div>
            <Pagination page={data} view={view} setView={setView} />
          </Card>
        )
      ) : null}
    </div>
  );
}

function JobRow({ job, actions, onTag }: { job: JobListItem; actions: JobListActions | null; onTag: (tag: string) => void }) {
  return (
    <TableRow data-job-id={job.id}>
      <TableCell className="py-3 pl-4 whitespace-normal">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <Link href={`/jobs/${job.id}`} className="max-w-36 font-medium break-all sm:max-w-72 hover:underline focus-visible:underline focus-visible:outline-none">
            {job.name}
          </Link>
          {job.paused ? (
            <Badge variant="outline" className="border-warning/60 bg-warning/15 text-foreground">
              paused
            </Badge>
          ) : null}
          {job.lastRun ? (
            <span className="lg:hidden">
              <RunStatusBadge status={job.lastRun.status} />
            </span>
          ) : null}
        </div>
        {/* A width of their own: in an auto-laid-out table only a bounded block truncates. */}
        <div className="mt-0.5 max-w-36 truncate font-mono text-xs text-muted-foreground sm:max-w-64" title={job.target}>
          {job.target}
        </div>
        <div className="mt-0.5 max-w-36 truncate text-xs text-muted-foreground sm:max-w-64 md:hidden" title={job.scheduleDescription}>
          {job.scheduleDescription}
        </div>
        {job.tags.length > 0 ? (
          <div className="mt-1.5 flex flex-wrap gap-1">
            {job.tags.map((tag) => (
              <button
                key={tag}
                type="button"
                onClick={() => onTag(tag)}
                aria-label={`Show jobs tagged ${tag}`}
                className="rounded-md bg-secondary px-1.5 py-0.5 text-[11px] text-secondary-foreground outline-none hover:bg-secondary/70 focus-visible:ring-2 focus-visible:ring-ring"
              >
                {tag}
              </button>
            ))}
          </div>
        ) : null}
      </TableCell>
      <TableCell className="hidden max-w-64 py-3 whitespace-normal md:table-cell">
        <div className="text-sm">{job.scheduleDescription}</div>
        <code className="font-mono text-xs break-all text-muted-foreground">{job.schedule}</code>
      </TableCell>
      <TableCell className="py-3">
        <NextRun job={job} />
      </TableCell>
      <TableCell className="hidden py-3 lg:table-cell">
        {job.lastRun ? <RunStatusBadge status={job.lastRun.status} /> : <span className="text-sm text-muted-foreground">never</span>}
      </TableCell>
      <TableCell className="hidden py-3 sm:table-cell">
        <RecentRunsStrip runs={job.recentRuns} size={STRIP_SIZE} jobName={job.name} />
      </TableCell>
      {actions ? (
        <TableCell className="py-3 pr-4">
          <JobQuickActions job={job} actions={actions} />
        </TableCell>
      ) : null}
    </TableRow>
  );
}

function NextRun({ job }: { job: JobListItem }) {
  if (job.paused) return <span className="text-sm text-muted-foreground">not while paused</span>;
  if (!job.nextRunAt) return <span className="text-sm text-muted-foreground">no more runs</span>;
  return <Upcoming nextRunAt={job.nextRunAt} timeZone={job.timezone} />;
}

/** The next slot; one that has come due and waits (no worker, or max instances) is marked as such. */
function Upcoming({ nextRunAt, timeZone }: { nextRunAt: string; timeZone: string }) {
  const waiting = isWaitingSlot(new Date(nextRunAt), useNow());
  return (
    <div className="text-sm">
      <Instant value={nextRunAt} timeZone={timeZone} />
      {waiting ? (
        <div data-testid="waiting-slot" className="mt-0.5 text-[11px] text-amber-700 dark:text-amber-400">
          due, not started yet
        </div>
      ) : (
        <JobZoneTime value={nextRunAt} timeZone={timeZone} />
      )}
    </div>
  );
}

/** The wall time in the job's zone, under the relative time (the viewer's zone is in its tooltip). */
function JobZoneTime({ value, timeZone }: { value: string; timeZone: string }) {
  // Written once the browser runs: zone abbreviations differ between the server's ICU data and the browser's.
  const now = useNow();
  if (now === null) return null;
  return <div className="mt-0.5 hidden font-mono text-[11px] text-muted-foreground sm:block">{formatInstant(new Date(value), timeZone)}</div>;
}

function NoJobs({ view, setView, canCreate }: { view: JobListView; setView: SetJobListView; canCreate: boolean }) {
  if (isFiltered(view)) {
    return (
      <EmptyState
        icon={<SearchX />}
        title="No jobs match these filters"
        description="Try another name or fewer filters."
        action={
          <Button type="button" variant="outline" onClick={() => setView({ sort: view.sort })}>
            Clear filters
          </Button>
        }
      />
    );
  }
  return (
    <EmptyState
      icon={<CalendarClock />}
      title="No jobs yet"
      description="Jobs you schedule appear here with their next run and their recent results."
      action={
        canCreate ? (
          <Button asChild>
            <Link href="/jobs/new">New job</Link>
          </Button>
        ) : null
      }
    />
  );
}

function PastTheEnd({ page, view, setView }: { page: JobPage; view: JobListView; setView: SetJobListView }) {
  const last = Math.max(1, Math.ceil(page.total / page.pageSize));
  return (
    <div className="flex flex-col items-center gap-3 border-t px-4 py-10 text-center text-sm text-muted-foreground">
      <p>
        Page {page.page} is past the end: there {page.total === 1 ? "is 1 job" : `are ${page.total} jobs`} on {last} {last === 1 ? "page" : "pages"}.
      </p>
      <Button type="button" variant="outline" size="sm" onClick={() => setView({ ...view, page: last })}>
        Go to page {last}
      </Button>
    </div>
  );
}

function Pagination({ page, view, setView }: { page: JobPage; view: JobListView; setView: SetJobListView }) {
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const first = Math.min(page.total, (page.page - 1) * page.pageSize + 1);
  const last = Math.min(page.total, page.page * page.pageSize);
  const go = (to: number) => setView({ ...view, page: to });
  return (
    <nav aria-label="Pages" className="flex flex-col gap-2 border-t px-4 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
      <p className="text-muted-foreground" aria-live="polite">
        {page.items.length > 0 ? `${first}–${last} of ${page.total} ${page.total === 1 ? "job" : "jobs"}` : `${page.total} ${page.total === 1 ? "job" : "jobs"}`}
      </p>
      {pages > 1 ? (
        <div className="flex items-center gap-2">
          <span className="text-muted-foreground">
            Page {page.page} of {pages}
          </span>
          <Button type="button" variant="outline" size="sm" aria-label="Previous page" onClick={() => go(page.page - 1)} disabled={page.page <= 1}>
            Previous
          </Button>
          <Button type="button" variant="outline" size="sm" aria-label="Next page" onClick={() => go(page.page + 1)} disabled={page.page >= pages}>
            Next
          </Button>
        </div>
      ) : null}
    </nav>
  );
}
