"use client";

import { Instant } from "@/components/time/instant";
import { useNow } from "@/components/time/use-now";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { JobDto } from "@/lib/jobs/job-dto";
import { describeTrigger, upcomingSlots, type UpcomingSlots } from "@/lib/schedule";
import { formatInstant } from "@/lib/schedule/format-instant";
import type { Trigger } from "@/lib/validation/trigger";
import { formatSeconds } from "./format";

const NEXT_RUNS = 5;

/** Counts as written, largest unit first: { hours: 1, minutes: 30 } → "1h 30m". */
function units(every: Record<string, number | undefined>, names: [string, string][]): string {
  return names
    .filter(([key]) => (every[key] ?? 0) > 0)
    .map(([key, unit]) => `${every[key]}${unit}`)
    .join(" ");
}

/** The trigger's parameters as stored, compactly: a cron expression, an interval, an instant, a calendar rule. */
function rawTrigger(trigger: Trigger): string {
  switch (trigger.type) {
    case "cron":
      return trigger.expression;
    case "interval":
      return `interval ${units(trigger.every, [["weeks", "w"], ["days", "d"], ["hours", "h"], ["minutes", "m"], ["seconds", "s"]])}`;
    case "date":
      return `date ${trigger.runAt}`;
    case "calendar":
      return `calendar ${units(trigger.every, [["years", "y"], ["months", "mo"], ["weeks", "w"], ["days", "d"]])} at ${trigger.at}, ${trigger.startDate}…${trigger.endDate ?? ""}`;
  }
}

function describe(trigger: Trigger): string {
  try {
    return describeTrigger(trigger, "en");
  } catch {
    return "This trigger can't be read; edit the job to fix it";
  }
}

function nextRuns(job: JobDto, now: number | null): UpcomingSlots {
  if (job.paused || job.nextRunAt === null) return { waiting: null, upcoming: [] };
  return upcomingSlots(job.trigger, new Date(job.nextRunAt), now, NEXT_RUNS);
}

export function JobScheduleCard({ job }: { job: JobDto }) {
  const { waiting, upcoming } = nextRuns(job, useNow());
  const zone = job.trigger.timezone;
  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>Schedule</CardTitle>
        <CardDescription>{describe(job.trigger)}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
          <dt className="text-muted-foreground">Trigger</dt>
          <dd className="min-w-0">
            <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs break-all">{rawTrigger(job.trigger)}</code>
          </dd>
          <dt className="text-muted-foreground">Time zone</dt>
          <dd>{zone}</dd>
          {job.lastSlotAt ? (
            <>
              <dt className="text-muted-foreground">Last slot</dt>
              <dd>
                <Instant value={job.lastSlotAt} timeZone={zone} />
              </dd>
            </>
          ) : null}
        </dl>
        <div>
          <h3 className="mb-2 text-xs font-medium tracking-wide text-muted-foreground uppercase">Next runs</h3>
          {waiting ? (
            <p role="status" data-testid="waiting-slot" className="mb-2 text-muted-foreground">
              The slot of <Instant value={waiting.toISOString()} timeZone={zone} /> is due and not started yet: no worker has taken it, or a running
              run holds it back (max instances). It runs late, or is recorded missed or skipped, as the job&apos;s misfire grace and max instances say.
            </p>
          ) : null}
          {job.paused ? (
            <p className="text-muted-foreground">None while paused: resuming starts from the next slot after that moment.</p>
          ) : upcoming.length === 0 ? (
            waiting ? null : (
              <p className="text-muted-foreground">None: the schedule has no slot left. Run it now, or edit its trigger.</p>
            )
          ) : (
            <ol aria-label="Next runs" className="space-y-1">
              {upcoming.map((at) => (
                <li key={at.toISOString()} className="flex items-baseline justify-between gap-3">
                  <Instant value={at.toISOString()} timeZone={zone} />
                  <span className="truncate font-mono text-xs text-muted-foreground">{formatInstant(at, zone)}</span>
                </li>
              ))}
            </ol>
          )}
          {job.jitterSeconds > 0 && upcoming.length > 0 ? (
            <p className="mt-2 text-xs text-muted-foreground">Each run starts up to {formatSeconds(job.jitterSeconds)} after its slot (jitter).</p>
          ) : null}
        </div>
      </CardContent>
    </Card>
  );
}
