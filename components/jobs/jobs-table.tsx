"use client";

import { useQuery } from "@tanstack/react-query";
import { CalendarClock } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { jobsQuery } from "@/lib/queries/jobs";
import { RunStatusBadge } from "./run-status-badge";

export function JobsTable({ page }: { page: number }) {
  const { data, error } = useQuery(jobsQuery({ page }));
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Jobs</CardTitle>
        <CardDescription>
          {data ? `${data.total} ${data.total === 1 ? "job" : "jobs"}` : "Loading…"}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {error ? <p className="mb-3 text-sm text-destructive">Could not refresh: {error.message}</p> : null}
        {data && data.total === 0 ? (
          <EmptyState
            icon={<CalendarClock />}
            title="No jobs yet"
            description="Jobs you schedule appear here with their next run and last result."
          />
        ) : (
          <Table aria-label="Jobs">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Schedule</TableHead>
                <TableHead>Does</TableHead>
                <TableHead>Next run</TableHead>
                <TableHead>Last run</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data?.items.map((job) => (
                <TableRow key={job.id}>
                  <TableCell>
                    <div className="flex items-center gap-2 font-medium">
                      {job.name}
                      {job.paused ? <Badge variant="outline">paused</Badge> : null}
                    </div>
                    {job.tags.length > 0 ? (
                      <div className="mt-1 flex flex-wrap gap-1">
                        {job.tags.map((tag) => (
                          <Badge key={tag} variant="secondary" className="font-normal">
                            {tag}
                          </Badge>
                        ))}
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <div>{job.scheduleDescription}</div>
                    <code className="font-mono text-xs text-muted-foreground">{job.schedule}</code>
                  </TableCell>
                  <TableCell className="max-w-64 truncate font-mono text-xs" title={job.target}>
                    {job.target}
                  </TableCell>
                  <TableCell>
                    {job.paused || !job.nextRunAt ? (
                      <span className="text-muted-foreground">—</span>
                    ) : (
                      <Instant value={job.nextRunAt} timeZone={job.timezone} />
                    )}
                  </TableCell>
                  <TableCell>
                    {job.lastRun ? <RunStatusBadge status={job.lastRun.status} /> : <span className="text-muted-foreground">never</span>}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {pages > 1 ? (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-end gap-2 text-sm">
            <span className="text-muted-foreground">
              Page {page} of {pages}
            </span>
            <Button asChild variant="outline" size="sm" aria-disabled={page <= 1} className={page <= 1 ? "pointer-events-none opacity-50" : ""}>
              <Link href={`/?page=${page - 1}`}>Previous</Link>
            </Button>
            <Button asChild variant="outline" size="sm" aria-disabled={page >= pages} className={page >= pages ? "pointer-events-none opacity-50" : ""}>
              <Link href={`/?page=${page + 1}`}>Next</Link>
            </Button>
          </nav>
        ) : null}
      </CardContent>
    </Card>
  );
}
