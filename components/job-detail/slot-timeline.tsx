"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { History, RotateCcw } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Instant } from "@/components/time/instant";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { RunStatus } from "@/lib/db";
import { jobTimelineQuery } from "@/lib/queries/job-detail";
import type { RunDto } from "@/lib/runs/run-dto";
import { cn } from "@/lib/utils";
import { formatDurationMs } from "./format";
import { OUTCOMES, OutcomeIcon, outcomeOf } from "./run-outcome";
import { useWaitsForItsTime } from "@/components/runs/use-waits-for-its-time";

/** The filter chips: each stands for one or more statuses; none chosen shows every slot. */
const CHIPS: { label: string; statuses: RunStatus[] }[] = [
  { label: "Succeeded", statuses: ["succeeded"] },
  { label: "Failed", statuses: ["failed", "timed_out"] },
  { label: "Lost", statuses: ["lost"] },
  { label: "Missed", statuses: ["missed"] },
  { label: "Skipped", statuses: ["skipped"] },
  { label: "Canceled", statuses: ["canceled"] },
  { label: "Queued or running", statuses: ["queued", "running"] },
];

const SOURCE_LABEL: Record<RunDto["source"], string> = { schedule: "scheduled", manual: "run now", api: "API", retry: "retry" };

export function SlotTimeline({ jobId, timeZone }: { jobId: string; timeZone: string }) {
  const [chosen, setChosen] = useState<string[]>([]);
  const status = CHIPS.filter((chip) => chosen.includes(chip.label))
    .flatMap((chip) => chip.statuses)
    .sort();
  const { data, error, fetchNextPage, hasNextPage, isFetchingNextPage, isPending } = useInfiniteQuery(jobTimelineQuery(jobId, status));
  const runs = data?.pages.flatMap((page) => page.items) ?? [];
  const toggle = (label: string) => setChosen((current) => (current.includes(label) ? current.filter((c) => c !== label) : [...current, label]));

  return (
    <Card className="gap-4">
      <CardHeader>
        <CardTitle>Slot timeline</CardTitle>
        <CardDescription>Every due slot and what happened to it, newest first. Refreshes by itself.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <div role="group" aria-label="Filter by status" className="flex flex-wrap gap-1.5">
          <Chip pressed={chosen.length === 0} onClick={() => setChosen([])}>
            All
          </Chip>
          {CHIPS.map((chip) => (
            <Chip key={chip.label} pressed={chosen.includes(chip.label)} onClick={() => toggle(chip.label)}>
              {chip.label}
            </Chip>
          ))}
        </div>
        {error ? (
          <p role="alert" className="text-sm text-destructive">
            Could not refresh the timeline: {error.message}
          </p>
        ) : null}
        {isPending ? (
          <p aria-busy="true" className="py-6 text-center text-sm text-muted-foreground">
            Loading runs…
          </p>
        ) : runs.length === 0 ? (
          <EmptyState
            icon={<History />}
            title={chosen.length === 0 ? "No runs yet" : "No slot matches these filters"}
            description={
              chosen.length === 0
                ? "Each slot the schedule produces appears here once it comes due: run, missed or skipped, with the reason."
                : "Choose other statuses, or All."
            }
          />
        ) : (
          <ol aria-label="Slot timeline" className="relative">
            {runs.map((run, index) => (
              <TimelineEntry key={run.id} run={run} timeZone={timeZone} last={index === runs.length - 1} />
            ))}
          </ol>
        )}
        {hasNextPage ? (
          <div className="flex justify-center">
            <Button variant="outline" size="sm" onClick={() => fetchNextPage()} disabled={isFetchingNextPage}>
              {isFetchingNextPage ? "Loading…" : "Load older runs"}
            </Button>
          </div>
        ) : runs.length > 0 ? (
          <p className="text-center text-xs text-muted-foreground">The beginning of this job&apos;s recorded history.</p>
        ) : null}
      </CardContent>
    </Card>
  );
}

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "rounded-full border px-3 py-1 text-xs font-medium transition-colors outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50",
        pressed ? "border-primary bg-primary text-primary-foreground" : "bg-background text-muted-foreground hover:bg-accent hover:text-accent-foreground",
      )}
    >
      {children}
    </button>
  );
}

function TimelineEntry({ run, timeZone, last }: { run: RunDto; timeZone: string; last: boolean }) {
  const outcome = outcomeOf(run);
  const style = OUTCOMES[outcome];
  const waiting = useWaitsForItsTime(run);
  const slot = run.slotAt ?? run.scheduledFor;
  const detail = run.status === "failed" || run.status === "timed_out" ? (run.errorMessage ?? run.reason) : run.reason;
  return (
    <li data-testid="timeline-entry" data-status={run.status} data-outcome={outcome} className="relative flex gap-3 pb-4 last:pb-0">
      {last ? null : <span aria-hidden="true" className="absolute top-8 bottom-0 left-[15px] w-px bg-border" />}
      <span className={cn("relative z-10 flex size-8 shrink-0 items-center justify-center rounded-full border", style.ring)}>
        <OutcomeIcon outcome={outcome} />
      </span>
      <div
        className={cn(
          "min-w-0 flex-1 rounded-lg border px-3 py-2",
          style.misfire ? "border-amber-500/40 bg-amber-500/5" : "border-transparent hover:border-border hover:bg-muted/40",
        )}
      >
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
          <Link href={`/runs/${run.id}`} className={cn("font-medium underline-offset-4 hover:underline", style.tone)}>
            {style.label}
            {style.misfire ? <span className="sr-only"> (misfire)</span> : null}
          </Link>
          <span className="text-muted-foreground">·</span>
          <span className="text-muted-foreground">{run.slotAt ? "slot" : "requested"}</span>
          <Instant value={slot} timeZone={timeZone} />
          {run.source !== "schedule" ? (
            <Badge variant="outline" className="font-normal">
              {SOURCE_LABEL[run.source]}
            </Badge>
          ) : null}
          {run.attempt > 1 ? (
            <Badge variant="outline" className="gap-1 font-normal">
              <RotateCcw aria-hidden="true" />
              attempt {run.attempt}
            </Badge>
          ) : null}
          {style.misfire ? (
            <Badge variant="warning" className="font-normal">
              misfire
            </Badge>
          ) : null}
        </div>
        {detail ? <p className="mt-1 text-sm break-words text-muted-foreground">{detail}</p> : null}
        <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
          {run.latenessMs !== null ? <Meta term={run.slotAt ? "Late" : "Waited"}>{formatDurationMs(run.latenessMs)}</Meta> : null}
          {run.durationMs !== null ? <Meta term="Took">{formatDurationMs(run.durationMs)}</Meta> : null}
          {run.status === "running" && run.startedAt ? (
            <Meta term={waiting ? "Starts" : "Started"}>
              <Instant value={run.startedAt} timeZone={timeZone} />
            </Meta>
          ) : null}
          {run.httpStatus !== null ? <Meta term="HTTP">{run.httpStatus}</Meta> : null}
          {run.exitCode !== null ? <Meta term="Exit code">{run.exitCode}</Meta> : null}
          {run.workerId ? (
            <Meta term="Worker">
              <span className="font-mono">{run.workerId}</span>
            </Meta>
          ) : null}
          {run.retryOfId ? (
            <Meta term="Retry of">
              <Link href={`/runs/${run.retryOfId}`} className="font-mono underline underline-offset-4">
                {run.retryOfId.slice(-8)}
              </Link>
            </Meta>
          ) : null}
          {run.cancelRequestedAt && run.status === "running" ? <Meta term="Cancel">requested</Meta> : null}
        </dl>
      </div>
    </li>
  );
}

function Meta({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="flex items-center gap-1">
      <dt>{term}</dt>
      <dd className="text-foreground/80">{children}</dd>
    </div>
  );
}
