"use client";

import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { formatInstant } from "@/lib/schedule/format-instant";
import { formatRelative } from "./format";
import { useNow } from "./use-now";

/**
 * Every timestamp in the dashboard renders through this: relative ("in 3 min") once the browser
 * runs, with a tooltip giving the absolute time in UTC, in the viewer's zone and, when given, in
 * the job's zone, so nobody has to guess which zone a time is in.
 */
export function Instant({ value, timeZone }: { value: string; timeZone?: string }) {
  const now = useNow();
  const at = new Date(value);
  const utc = formatInstant(at, "UTC");
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={value} className="cursor-default underline decoration-dotted underline-offset-4">
          {now === null ? utc : formatRelative(at.getTime(), now)}
        </time>
      </TooltipTrigger>
      <TooltipContent>
        <div className="grid gap-0.5 font-mono text-[11px]">
          <span>{utc}</span>
          <span>{formatInstant(at)} (your time)</span>
          {timeZone && timeZone !== "UTC" ? <span>{formatInstant(at, timeZone)} ({timeZone})</span> : null}
        </div>
      </TooltipContent>
    </Tooltip>
  );
}
