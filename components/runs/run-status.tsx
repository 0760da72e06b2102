"use client";

import { RunStatusBadge } from "@/components/jobs/run-status-badge";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { RunDto } from "@/lib/runs/run-dto";
import { useWaitsForItsTime } from "./use-waits-for-its-time";

/** A run's status badge; its reason ("max instances reached", "worker lost") in a tooltip when it has one. */
export function RunStatus({ run }: { run: Pick<RunDto, "status" | "reason" | "cancelRequestedAt" | "startedAt"> }) {
  const cancelling = run.status === "running" && run.cancelRequestedAt !== null;
  const waiting = useWaitsForItsTime(run);
  const badge = (
    <span className="inline-flex items-center gap-1.5" data-testid="run-status" data-status={run.status}>
      <RunStatusBadge status={run.status} />
      {cancelling ? <span className="text-xs text-muted-foreground">canceling…</span> : waiting ? <span className="text-xs text-muted-foreground">claimed, waits for its time</span> : null}
    </span>
  );
  if (!run.reason) return badge;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span tabIndex={0} className="cursor-default rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          {badge}
        </span>
      </TooltipTrigger>
      <TooltipContent className="max-w-xs">{run.reason}</TooltipContent>
    </Tooltip>
  );
}
