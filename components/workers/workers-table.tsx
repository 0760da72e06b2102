"use client";

import { useQuery } from "@tanstack/react-query";
import { Cpu } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { runningRunsQuery } from "@/lib/queries/runs";
import { workersQuery } from "@/lib/queries/workers";
import type { RunDto } from "@/lib/runs/run-dto";
import type { WorkerAlertRole } from "@/lib/workers/read";
import { WorkerStateBadge } from "./worker-state-badge";

const ALERT_ROLE_TEXT: Record<WorkerAlertRole, string> = {
  evaluates: "evaluates alerts",
  delivers: "delivers alerts",
  off: "alerts off",
};

/** Every worker seen in the last day: where it runs, whether it is alive, what it is running and what it can run. */
export function WorkersTable() {
  const { data: workers = [], error } = useQuery(workersQuery());
  const { data: running = [] } = useQuery(runningRunsQuery());
  const runsOf = new Map<string, RunDto[]>();
  for (const run of running) if (run.workerId) runsOf.set(run.workerId, [...(runsOf.get(run.workerId) ?? []), run]);
  const online = workers.filter((worker) => worker.state === "online").length;

  return (
    <div className="space-y-4">
      <p className="text-sm text-muted-foreground" data-testid="workers-summary">
        {online === 1 ? "1 worker online" : `${online} workers online`}
        {workers.length > online ? `, ${workers.length - online} stopped or offline in the last day` : ""}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          Could not refresh: {error.message}
        </p>
      ) : null}
      {workers.length === 0 ? (
        <EmptyState
          icon={<Cpu />}
          title="No worker is running"
          description={
            <>
              Jobs only run while a worker is up. <code className="font-mono">npm start</code> starts the dashboard with one worker; start more, on this machine
              or others sharing the database, with <code className="font-mono">npm run worker</code>.
            </>
          }
        />
      ) : (
        <div className="rounded-lg border">
          <Table aria-label="Workers">
            <TableHeader>
              <TableRow>
                <TableHead className="pl-4">Worker</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Last heartbeat</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>Running</TableHead>
                <TableHead>Tasks offered</TableHead>
                <TableHead className="pr-4">Version</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {workers.map((worker) => {
                const runs = runsOf.get(worker.id) ?? [];
                return (
                  <TableRow key={worker.id} className="align-top">
                    <TableCell className="pl-4">
                      <div className="font-medium">{worker.host}</div>
                      <div className="text-xs text-muted-foreground">
                        pid <span className="tabular-nums">{worker.pid}</span> · <span className="font-mono">{worker.id}</span>
                      </div>
                    </TableCell>
                    <TableCell>
                      <WorkerStateBadge state={worker.state} />
                      {worker.alerts ? (
                        <div className="mt-1 text-xs text-muted-foreground" data-testid="worker-alerts">
                          {ALERT_ROLE_TEXT[worker.alerts]}
                        </div>
                      ) : null}
                    </TableCell>
                    <TableCell>
                      <Instant value={worker.lastHeartbeatAt} />
                    </TableCell>
                    <TableCell>
                      {worker.stoppedAt ? (
                        <span className="text-xs text-muted-foreground">
                          stopped <Instant value={worker.stoppedAt} />
                        </span>
                      ) : (
                        <Instant value={worker.startedAt} />
                      )}
                    </TableCell>
                    <TableCell>
                      <div className="tabular-nums">
                        {worker.runningRuns} / {worker.capacity}
                      </div>
                      {runs.length > 0 ? (
                        <ul className="mt-1 space-y-0.5 text-xs">
                          {runs.map((run) => (
                            <li key={run.id}>
                              <Link href={`/runs/${run.id}`} className="hover:underline">
                                {run.jobName}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </TableCell>
                    <TableCell className="whitespace-normal">
                      <div className="flex max-w-80 flex-wrap gap-1">
                        {worker.tasks.map((task) => (
                          <Badge key={task} variant="secondary" className="font-mono font-normal">
                            {task}
                          </Badge>
                        ))}
                        {worker.shellEnabled ? <Badge variant="outline">shell jobs</Badge> : null}
                        {worker.tasks.length === 0 && !worker.shellEnabled ? <span className="text-muted-foreground">HTTP jobs only</span> : null}
                      </div>
                    </TableCell>
                    <TableCell className="pr-4 text-muted-foreground">{worker.version}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </div>
  );
}
