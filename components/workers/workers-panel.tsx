"use client";

import { useQuery } from "@tanstack/react-query";
import { Cpu } from "lucide-react";
import { Instant } from "@/components/time/instant";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { workersQuery } from "@/lib/queries/workers";
import { WorkerStateBadge } from "./worker-state-badge";

export function WorkersPanel() {
  const { data: workers = [], error } = useQuery(workersQuery());
  const online = workers.filter((w) => w.state === "online").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Workers</CardTitle>
        <CardDescription data-testid="workers-online">
          {online === 1 ? "1 worker online" : `${online} workers online`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {error ? <p className="mb-3 text-sm text-destructive">Could not refresh: {error.message}</p> : null}
        {workers.length === 0 ? (
          <EmptyState
            icon={<Cpu />}
            title="No worker is running"
            description="Jobs only run while a worker is up. npm start starts one; npm run worker starts another."
          />
        ) : (
          <Table aria-label="Workers">
            <TableHeader>
              <TableRow>
                <TableHead>Worker</TableHead>
                <TableHead>State</TableHead>
                <TableHead>Last heartbeat</TableHead>
                <TableHead className="text-right">Running / capacity</TableHead>
                <TableHead>Version</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {workers.map((worker) => (
                <TableRow key={worker.id}>
                  <TableCell className="font-mono text-xs">{worker.id}</TableCell>
                  <TableCell>
                    <WorkerStateBadge state={worker.state} />
                  </TableCell>
                  <TableCell>
                    <Instant value={worker.lastHeartbeatAt} />
                  </TableCell>
                  <TableCell className="text-right tabular-nums">
                    {worker.runningRuns} / {worker.capacity}
                  </TableCell>
                  <TableCell className="text-muted-foreground">{worker.version}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
