"use client";

import { useQuery } from "@tanstack/react-query";
import { Cpu } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { WorkerStateBadge } from "@/components/workers/worker-state-badge";
import { workersQuery } from "@/lib/queries/workers";

/** The workers panel in brief: who is up, how busy, when last heard from. */
export function WorkersSummary() {
  const { data: workers = [], error } = useQuery(workersQuery());
  const online = workers.filter((w) => w.state === "online").length;
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>Workers</CardTitle>
        <CardDescription data-testid="workers-online">{online === 1 ? "1 worker online" : `${online} workers online`}</CardDescription>
        <CardAction>
          <Link href="/workers" className="text-sm text-muted-foreground hover:text-foreground hover:underline">
            All workers
          </Link>
        </CardAction>
      </CardHeader>
      <CardContent>
        {error ? <p className="mb-3 text-sm text-destructive">Could not refresh: {error.message}</p> : null}
        {workers.length === 0 ? (
          <EmptyState
            icon={<Cpu />}
            title="No worker is running"
            description="Jobs only run while a worker is up. npm start starts one; npm run worker starts another."
            className="md:p-6"
          />
        ) : (
          <ul className="divide-y" aria-label="Workers">
            {workers.map((worker) => (
              <li key={worker.id} className="flex items-center gap-3 py-2.5 first:pt-0 last:pb-0">
                <div className="min-w-0 flex-1">
                  <div className="truncate font-mono text-xs" title={worker.id}>
                    {worker.id}
                  </div>
                  <div className="text-xs text-muted-foreground">
                    <Instant value={worker.lastHeartbeatAt} /> · {worker.runningRuns} / {worker.capacity} running
                  </div>
                </div>
                <WorkerStateBadge state={worker.state} />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
