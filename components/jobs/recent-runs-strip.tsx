"use client";

import Link from "next/link";
import { InstantZones, RelativeInstant } from "@/components/time/instant";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { RunStatus } from "@/lib/db";
import type { RecentRun } from "@/lib/jobs/read";
import { cn } from "@/lib/utils";

const SQUARE: Record<RunStatus, string> = {
  queued: "border border-muted-foreground/50 bg-background",
  running: "bg-sky-500 animate-pulse motion-reduce:animate-none",
  succeeded: "bg-success",
  failed: "bg-destructive",
  timed_out: "bg-destructive",
  lost: "bg-destructive",
  missed: "bg-warning",
  skipped: "bg-muted-foreground/30",
  canceled: "bg-muted-foreground/30",
};

export const statusLabel = (status: RunStatus) => status.replace("_", " ");

/**
 * A job's last runs as small squares, oldest on the left, newest on the right; each links to its
 * run and tells its status and scheduled time on hover or focus. Empty places keep the strips of
 * all rows aligned.
 */
export function RecentRunsStrip({ runs, size, jobName }: { runs: RecentRun[]; size: number; jobName: string }) {
  const oldestFirst = [...runs].reverse();
  return (
    <ol aria-label={`Last ${runs.length} runs of ${jobName}, oldest first`} className="flex items-center gap-[3px]">
      {Array.from({ length: Math.max(0, size - runs.length) }, (_, i) => (
        <li key={`empty-${i}`} aria-hidden className="size-3 rounded-[3px] border border-dashed border-muted-foreground/25" />
      ))}
      {oldestFirst.map((run) => (
        <li key={run.id} className="flex">
          <Tooltip>
            <TooltipTrigger asChild>
              <Link
                href={`/runs/${run.id}`}
                data-status={run.status}
                aria-label={`Run ${statusLabel(run.status)}, scheduled ${run.scheduledFor}`}
                className={cn(
                  "size-3 rounded-[3px] outline-none transition-transform hover:scale-125 focus-visible:scale-125 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1",
                  SQUARE[run.status],
                )}
              />
            </TooltipTrigger>
            <TooltipContent>
              <div className="grid gap-1">
                <span className="font-medium">
                  {statusLabel(run.status)} · scheduled <RelativeInstant value={run.scheduledFor} />
                </span>
                <InstantZones value={run.scheduledFor} />
              </div>
            </TooltipContent>
          </Tooltip>
        </li>
      ))}
    </ol>
  );
}
