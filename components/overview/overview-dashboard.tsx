"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { OVERVIEW_RANGES, type OverviewRange } from "@/lib/overview/overview-range";
import { overviewQuery } from "@/lib/queries/overview";
import { AttentionList } from "./attention-list";
import { OverviewSkeleton } from "./overview-skeleton";
import { RunsChart } from "./runs-chart";
import { StatCards } from "./stat-cards";
import { WorkersSummary } from "./workers-summary";

const RANGE_LABELS: Record<OverviewRange, string> = { "24h": "24 hours", "7d": "7 days" };

/** The live overview: refetched every few seconds, and after any run mutation (its key is under "runs"). */
export function OverviewDashboard() {
  const [range, setRange] = useState<OverviewRange>("24h");
  const { data, error, isPlaceholderData } = useQuery(overviewQuery(range));
  if (!data) {
    return error ? <p className="text-sm text-destructive">Could not load the overview: {error.message}</p> : <OverviewSkeleton />;
  }
  const since = new Date(new Date(data.now).getTime() - 24 * 60 * 60_000).toISOString();
  return (
    <div className="space-y-6">
      {error ? <p className="text-sm text-destructive">Could not refresh: {error.message}</p> : null}
      <StatCards overview={data} />
      <Card className="gap-4">
        <CardHeader>
          <CardTitle>Runs over time</CardTitle>
          <CardDescription>By scheduled time and outcome{data.chart.range === "7d" ? ", per UTC day" : ", per hour"}. Open a bar for its runs.</CardDescription>
          <CardAction>
            <Tabs value={range} onValueChange={(value) => setRange(value as OverviewRange)}>
              <TabsList aria-label="Chart range">
                {OVERVIEW_RANGES.map((value) => (
                  <TabsTrigger key={value} value={value}>
                    {RANGE_LABELS[value]}
                  </TabsTrigger>
                ))}
              </TabsList>
            </Tabs>
          </CardAction>
        </CardHeader>
        <CardContent className={isPlaceholderData ? "opacity-60 transition-opacity" : undefined} aria-busy={isPlaceholderData || undefined}>
          <RunsChart buckets={data.chart.buckets} range={data.chart.range} />
        </CardContent>
      </Card>
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="gap-4 lg:col-span-2" data-testid="needs-attention">
          <CardHeader>
            <CardTitle>Needs attention</CardTitle>
            <CardDescription>Jobs whose latest run failed, timed out or was lost, and runs missed in the last 24 hours.</CardDescription>
          </CardHeader>
          <CardContent>
            <AttentionList failing={data.failing} misfires={data.misfires} since={since} />
          </CardContent>
        </Card>
        <WorkersSummary />
      </div>
    </div>
  );
}
