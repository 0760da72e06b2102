"use client";

import { useQuery } from "@tanstack/react-query";
import { Inbox } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AlertDeliveryDto } from "@/lib/alerts/channel-dto";
import { EVENT_LABELS } from "@/lib/alerts/events";
import { alertDeliveriesQuery } from "@/lib/queries/alerts";
import { cn } from "@/lib/utils";

const EVENT_VARIANTS = {
  failure: "destructive",
  misfire: "warning",
  lost: "warning",
  late: "warning",
  recovery: "success",
  test: "secondary",
} as const;

function StatusBadge({ delivery }: { delivery: AlertDeliveryDto }) {
  switch (delivery.status) {
    case "sent":
      return <Badge variant="success">sent</Badge>;
    case "failed":
      return <Badge variant="destructive">failed</Badge>;
    case "sending":
      return <Badge variant="secondary">sending</Badge>;
    case "pending":
      return <Badge variant={delivery.lastError ? "warning" : "secondary"}>{delivery.lastError ? "retrying" : "queued"}</Badge>;
  }
}

export function AlertDeliveries() {
  const { data: deliveries = [], error } = useQuery(alertDeliveriesQuery());
  const failed = deliveries.filter((delivery) => delivery.status === "failed").length;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Recent deliveries</CardTitle>
        <CardDescription>
          {deliveries.length === 0
            ? "Every alert sent, and every one that could not be, is listed here."
            : `The last ${deliveries.length}${failed > 0 ? `, ${failed} failed` : ""}. A failed delivery is tried 4 times, with growing waits, before it is given up.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            {error.message}
          </p>
        ) : null}
        {deliveries.length === 0 ? (
          <EmptyState icon={<Inbox />} title="Nothing sent yet" description="Send a test alert to a channel to see it here." />
        ) : (
          <Table aria-label="Alert deliveries">
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Event</TableHead>
                <TableHead className="hidden sm:table-cell">Job</TableHead>
                <TableHead className="hidden md:table-cell">Channel</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {deliveries.map((delivery) => (
                <TableRow key={delivery.id} data-status={delivery.status} className={cn(delivery.status === "failed" && "bg-destructive/5 hover:bg-destructive/10")}>
                  <TableCell className="whitespace-nowrap">
                    <Instant value={delivery.occurredAt} />
                  </TableCell>
                  <TableCell>
                    <Badge variant={EVENT_VARIANTS[delivery.event]}>{EVENT_LABELS[delivery.event]}</Badge>
                    <div className="mt-1 max-w-32 truncate text-xs text-muted-foreground sm:hidden">{delivery.jobName ?? delivery.channelName}</div>
                  </TableCell>
                  <TableCell className="hidden max-w-0 min-w-32 sm:table-cell">
                    {delivery.jobId ? (
                      <Link href={`/jobs/${delivery.jobId}`} className="block truncate font-medium hover:underline">
                        {delivery.jobName}
                      </Link>
                    ) : (
                      <span className="block truncate text-muted-foreground">{delivery.jobName ?? "—"}</span>
                    )}
                    {delivery.reason ? (
                      <div className="truncate text-xs text-muted-foreground" title={delivery.reason}>
                        {delivery.reason}
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell className="hidden md:table-cell">{delivery.channelName}</TableCell>
                  <TableCell className="max-w-0 min-w-28">
                    <div className="flex items-center gap-2">
                      <StatusBadge delivery={delivery} />
                      {delivery.attempts > 1 ? <span className="text-xs text-muted-foreground">{delivery.attempts} attempts</span> : null}
                    </div>
                    {delivery.lastError ? (
                      <div className={cn("truncate text-xs", delivery.status === "failed" ? "text-destructive" : "text-muted-foreground")} title={delivery.lastError}>
                        {delivery.lastError}
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
