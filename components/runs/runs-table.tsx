"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { History } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { runsQuery, type RunListFilters } from "@/lib/queries/runs";
import { formatDuration, formatLateness } from "./format";
import { RunStatus } from "./run-status";

const dash = <span className="text-muted-foreground">—</span>;

export function RunsTable({ filters, filtered }: { filters: RunListFilters; filtered: boolean }) {
  const { data, error, isPending, hasNextPage, fetchNextPage, isFetchingNextPage } = useInfiniteQuery(runsQuery(filters));
  const runs = data?.pages.flatMap((page) => page.items) ?? [];

  if (isPending) return <RunsTableSkeleton />;
  return (
    <div className="space-y-4">
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          Could not refresh: {error.message}
        </p>
      ) : null}
      {runs.length === 0 ? (
        <EmptyState
          icon={<History />}
          title={filtered ? "No run matches these filters" : "No runs yet"}
          description={
            filtered ? (
              <>
                Widen the dates or pick other statuses, or <Link href="/runs">clear the filters</Link>.
              </>
            ) : (
              "Each scheduled slot, manual run and retry is recorded here once a job's time comes, with its outcome and log."
            )
          }
        />
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Runs">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-4">Job</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Scheduled for</TableHead>
                <TableHead>Started</TableHead>
                <TableHead className="text-right">Duration</TableHead>
                <TableHead>Worker</TableHead>
                <TableHead className="text-right">Attempt</TableHead>
                <TableHead className="pr-4">Source</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((run) => (
                <TableRow key={run.id} data-run-id={run.id}>
                  <TableCell className="max-w-64 truncate pl-4 font-medium">
                    <Link href={`/runs/${run.id}`} className="hover:underline" title={`Open this run of ${run.jobName}`}>
                      {run.jobName}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <RunStatus run={run} />
                  </TableCell>
                  <TableCell>
                    <Instant value={run.scheduledFor} />
                  </TableCell>
                  <TableCell>
                    {run.startedAt ? (
                      <div className="flex flex-col">
                        <Instant value={run.startedAt} />
                        {run.latenessMs !== null ? <span className="text-xs text-muted-foreground">{formatLateness(run.latenessMs)}</span> : null}
                      </div>
                    ) : (
                      dash
                    )}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {run.durationMs !== null ? formatDuration(run.durationMs) : run.status === "running" ? <span className="text-muted-foreground">running</span> : dash}
                  </TableCell>
                  <TableCell className="max-w-40 truncate font-mono text-xs" title={run.workerId ?? undefined}>
                    {run.workerId ?? dash}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{run.attempt}</TableCell>
                  <TableCell className="pr-4 text-muted-foreground">{run.source}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? "Loading…" : "Load older runs"}
          </Button>
        </div>
      ) : runs.length > 0 ? (
        <p className="text-center text-xs text-muted-foreground">
          {runs.length === 1 ? "1 run" : `${runs.length} runs`}; no older run {filtered ? "matches" : "is recorded"}.
        </p>
      ) : null}
    </div>
  );
}

export function RunsTableSkeleton() {
  return (
    <div className="space-y-2 rounded-lg border p-4" aria-busy="true" aria-label="Loading runs">
      {Array.from({ length: 8 }, (_, i) => (
        <Skeleton key={i} className="h-9 w-full" />
      ))}
    </div>
  );
}
