import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import type { Overview } from "@/lib/overview/read-overview";
import { cn } from "@/lib/utils";
import { formatCount } from "./run-series";

function Stat({ label, value, tone, href }: { label: string; value: number; tone?: "bad" | "warn" | "good" | "live"; href?: string }) {
  const number = (
    <span
      className={cn(
        "text-2xl font-semibold tabular-nums tracking-tight",
        value > 0 && tone === "bad" && "text-destructive",
        value > 0 && tone === "warn" && "text-warning-foreground dark:text-warning",
        value > 0 && tone === "good" && "text-success",
        value > 0 && tone === "live" && "text-sky-600 dark:text-sky-400",
      )}
    >
      {formatCount(value)}
    </span>
  );
  return (
    <div className="flex min-w-0 flex-col gap-0.5" data-testid={`stat-${label.toLowerCase().replace(/\W+/g, "-")}`}>
      <span className="truncate text-xs text-muted-foreground">{label}</span>
      {href ? (
        <Link href={href} className="w-fit rounded-sm hover:underline focus-visible:ring-2 focus-visible:ring-ring/50 focus-visible:outline-none">
          {number}
        </Link>
      ) : (
        number
      )}
    </div>
  );
}

function StatCard({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <Card className={cn("gap-3 py-4", className)}>
      <h2 className="px-4 text-sm font-medium">{title}</h2>
      <div className="grid grid-cols-2 gap-x-4 gap-y-3 px-4">{children}</div>
    </Card>
  );
}

/** Jobs, the last day's runs and workers in a glance; the run figures open the runs list filtered alike. */
export function StatCards({ overview }: { overview: Overview }) {
  const { jobs, runs24h: runs, workers } = overview;
  const since = new Date(new Date(overview.now).getTime() - 24 * 60 * 60_000).toISOString();
  const runsHref = (status: string) => `/runs?status=${status}&from=${encodeURIComponent(since)}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      <StatCard title="Jobs">
        <Stat label="Active" value={jobs.active} href="/jobs" />
        <Stat label="Paused" value={jobs.paused} tone="warn" />
      </StatCard>
      <Card className="gap-3 py-4 sm:col-span-2">
        <h2 className="px-4 text-sm font-medium">Runs, last 24 hours</h2>
        <div className="grid grid-cols-3 gap-x-4 gap-y-3 px-4 sm:grid-cols-6">
          <Stat label="Succeeded" value={runs.succeeded} tone="good" href={runsHref("succeeded")} />
          <Stat label="Failed" value={runs.failed + runs.timed_out} tone="bad" href={runsHref("failed,timed_out")} />
          <Stat label="Missed" value={runs.missed} tone="warn" href={runsHref("missed")} />
          <Stat label="Skipped" value={runs.skipped} href={runsHref("skipped")} />
          <Stat label="Lost" value={runs.lost} tone="bad" href={runsHref("lost")} />
          <Stat label="Running" value={runs.running} tone="live" href={runsHref("running")} />
        </div>
      </Card>
      <StatCard title="Workers">
        <Stat label="Online" value={workers.online} tone="good" href="/workers" />
        <Stat label="Offline" value={workers.offline} tone="bad" href="/workers" />
      </StatCard>
    </div>
  );
}
