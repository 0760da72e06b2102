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
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <time dateTime={value} className="cursor-default underline decoration-dotted underline-offset-4">
          <RelativeInstant value={value} />
        </time>
      </TooltipTrigger>
      <TooltipContent>
        <InstantZones value={value} timeZone={timeZone} />
      </TooltipContent>
    </Tooltip>
  );
}

/** The relative text alone ("in 3 min"; the UTC time until the browser runs), for a place that already has a tooltip. */
export function RelativeInstant({ value }: { value: string }) {
  const now = useNow();
  const at = new Date(value);
  return <>{now === null ? formatInstant(at, "UTC") : formatRelative(at.getTime(), now)}</>;
}

/** The absolute time in UTC, in the viewer's zone and, when given, in the job's zone: what Instant's tooltip shows. */
export function InstantZones({ value, timeZone }: { value: string; timeZone?: string }) {
  const at = new Date(value);
  return (
    <div className="grid gap-0.5 font-mono text-[11px]">
      <span>{formatInstant(at, "UTC")}</span>
      <span>{formatInstant(at)} (your time)</span>
      {timeZone && timeZone !== "UTC" ? <span>{formatInstant(at, timeZone)} ({timeZone})</span> : null}
    </div>
  );
}
