// How the overview groups run statuses for people: failed and timed out are both failures, queued
// runs whose time has come are about to run. One table for the chart, its legend and the cards.
import type { RunStatus } from "@/lib/db";
import type { RunCounts } from "@/lib/metrics/count-by-status";

export type RunSeries = { key: string; label: string; statuses: RunStatus[]; className: string };

/** Bottom to top in the chart's stacks. */
export const RUN_SERIES: RunSeries[] = [
  { key: "succeeded", label: "Succeeded", statuses: ["succeeded"], className: "bg-success" },
  { key: "failed", label: "Failed", statuses: ["failed", "timed_out"], className: "bg-destructive" },
  { key: "lost", label: "Lost", statuses: ["lost"], className: "bg-fuchsia-600 dark:bg-fuchsia-400" },
  { key: "missed", label: "Missed", statuses: ["missed"], className: "bg-warning" },
  { key: "skipped", label: "Skipped", statuses: ["skipped"], className: "bg-muted-foreground/45" },
  { key: "canceled", label: "Canceled", statuses: ["canceled"], className: "bg-muted-foreground/20" },
  { key: "running", label: "Running or queued", statuses: ["running", "queued"], className: "bg-sky-500" },
];

export function seriesCount(counts: Partial<RunCounts>, series: RunSeries): number {
  return series.statuses.reduce((sum, status) => sum + (counts[status] ?? 0), 0);
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
