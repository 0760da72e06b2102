"use client";

import Link from "next/link";
import { useNow } from "@/components/time/use-now";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import type { OverviewRange } from "@/lib/overview/overview-range";
import type { RunBucket } from "@/lib/overview/run-buckets";
import { cn } from "@/lib/utils";
import { RUN_SERIES, formatCount, seriesCount } from "./run-series";

const CHART_HEIGHT_PX = 160;

/** A round number at or above the tallest stack, so the axis reads 0 / 25 / 50 rather than 0 / 23 / 47. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= value / 2)! * magnitude;
  return Math.ceil(value / step) * step;
}

/**
 * Hours in the viewer's zone once the browser runs (UTC in the server's HTML, so hydration matches);
 * days are UTC days, which is what the database truncates to, and say so.
 */
function labels(bucket: RunBucket, range: OverviewRange, local: boolean): { axis: string; title: string } {
  const start = new Date(bucket.start);
  const end = new Date(bucket.end);
  if (range === "7d") {
    const day = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "short", month: "short", day: "numeric" }).format(start);
    return { axis: day.replace(/^\w+, /, ""), title: `${day} (UTC)` };
  }
  const timeZone = local ? undefined : "UTC";
  const hour = (at: Date) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at);
  const zone = local ? "" : " UTC";
  const day = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" }).format(start);
  return { axis: hour(start), title: `${day}, ${hour(start)}–${hour(end)}${zone}` };
}

/** Runs per hour or day, stacked by outcome; each bar opens the runs it counts. */
export function RunsChart({ buckets, range }: { buckets: RunBucket[]; range: OverviewRange }) {
  const local = useNow() !== null;
  const totals = buckets.map((bucket) => RUN_SERIES.reduce((sum, series) => sum + seriesCount(bucket.counts, series), 0));
  const max = niceMax(Math.max(0, ...totals));
  const labelEvery = range === "24h" ? 3 : 1;
  const unit = range === "24h" ? "hour" : "day";
  return (
    <div className="space-y-3">
      <div className="flex gap-2">
        <div className="flex w-8 shrink-0 flex-col justify-between text-right text-[11px] tabular-nums text-muted-foreground" style={{ height: CHART_HEIGHT_PX }} aria-hidden="true">
          <span className="-translate-y-1/2">{formatCount(max)}</span>
          <span>{formatCount(max / 2)}</span>
          <span className="translate-y-1/2">0</span>
        </div>
        <div className="min-w-0 flex-1">
          <div
            role="group"
            aria-label={`Runs per ${unit}, ${range === "24h" ? "last 24 hours" : "last 7 days"}`}
            data-testid="runs-chart"
            className="relative flex items-end gap-[3px] border-b border-border bg-[linear-gradient(to_bottom,var(--border)_1px,transparent_1px)] bg-[length:100%_50%]"
            style={{ height: CHART_HEIGHT_PX }}
          >
            {totals.every((total) => total === 0) ? (
              <p className="pointer-events-none absolute inset-0 flex items-center justify-center text-sm text-muted-foreground">No runs in this range yet</p>
            ) : null}
            {buckets.map((bucket, i) => {
              const { title } = labels(bucket, range, local);
              const present = RUN_SERIES.map((series) => ({ series, count: seriesCount(bucket.counts, series) })).filter((s) => s.count > 0);
              const summary = present.length ? present.map((s) => `${formatCount(s.count)} ${s.series.label.toLowerCase()}`).join(", ") : "no runs";
              const current = i === buckets.length - 1;
              return (
                <Tooltip key={bucket.start}>
                  <TooltipTrigger asChild>
                    <Link
                      href={`/runs?from=${encodeURIComponent(bucket.start)}&to=${encodeURIComponent(bucket.end)}`}
                      aria-label={`${title}: ${summary}`}
                      data-testid="runs-chart-bucket"
                      data-current={current || undefined}
                      data-total={totals[i]}
                      className="group flex h-full min-w-0 flex-1 flex-col-reverse rounded-t-sm outline-none hover:bg-muted/60 focus-visible:ring-2 focus-visible:ring-ring/50"
                    >
                      {present.map(({ series, count }) => (
                        <span
                          key={series.key}
                          className={cn("block w-full first:rounded-b-none last:rounded-t-[3px]", series.className)}
                          style={{ height: `${(count / max) * 100}%`, minHeight: 2 }}
                        />
                      ))}
                    </Link>
                  </TooltipTrigger>
                  <TooltipContent side="top" className="min-w-40">
                    <div className="mb-1 font-medium">{title}</div>
                    {present.length === 0 ? (
                      <div className="opacity-80">No runs</div>
                    ) : (
                      <div className="grid grid-cols-[auto_1fr_auto] items-center gap-x-2 gap-y-0.5">
                        {present.map(({ series, count }) => (
                          <div key={series.key} className="contents">
                            <span className={cn("size-2 rounded-[2px]", series.className)} />
                            <span>{series.label}</span>
                            <span className="text-right tabular-nums">{formatCount(count)}</span>
                          </div>
                        ))}
                        <span />
                        <span className="opacity-80">Total</span>
                        <span className="text-right tabular-nums">{formatCount(totals[i]!)}</span>
                      </div>
                    )}
                  </TooltipContent>
                </Tooltip>
              );
            })}
          </div>
          <div className="mt-1.5 flex gap-[3px] text-[11px] text-muted-foreground" aria-hidden="true">
            {buckets.map((bucket, i) => (
              // On a phone every other label would touch its neighbours: half of them step back.
              <span key={bucket.start} className={cn("min-w-0 flex-1 overflow-visible text-center whitespace-nowrap", i % (labelEvery * 2) !== 0 && "max-sm:invisible")}>
                {i % labelEvery === 0 ? labels(bucket, range, local).axis : ""}
              </span>
            ))}
          </div>
        </div>
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 pl-10 text-xs text-muted-foreground" aria-label="Legend">
        {RUN_SERIES.map((series) => (
          <li key={series.key} className="flex items-center gap-1.5">
            <span className={cn("size-2.5 rounded-[3px]", series.className)} aria-hidden="true" />
            {series.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
