import { Instant } from "@/components/time/instant";
import type { RunDto } from "@/lib/runs/run-dto";
import { cn } from "@/lib/utils";
import { formatDuration, formatLateness } from "./format";
import { useWaitsForItsTime } from "./use-waits-for-its-time";

type Step = { label: string; at: string | null; note?: string; tone?: "done" | "bad" | "pending" };

const ENDED_BAD = new Set(["failed", "timed_out", "lost", "missed", "canceled"]);

function stepsOf(run: RunDto, waiting: boolean): Step[] {
  const ended = run.finishedAt !== null || !["queued", "running"].includes(run.status);
  const steps: Step[] = [
    { label: "Created", at: run.createdAt, note: `${run.source} run${run.attempt > 1 ? `, attempt ${run.attempt}` : ""}`, tone: "done" },
    { label: "Scheduled for", at: run.scheduledFor, note: run.slotAt && run.slotAt !== run.scheduledFor ? "slot plus jitter" : undefined, tone: "done" },
  ];
  if (run.startedAt) {
    steps.push({ label: waiting ? "Claimed; starts" : "Claimed and started", at: run.startedAt, note: [run.latenessMs !== null ? formatLateness(run.latenessMs) : null, run.workerId ? `on ${run.workerId}` : null].filter(Boolean).join(" · "), tone: "done" });
  } else if (!ended) {
    steps.push({ label: "Waiting for a worker", at: null, note: "queued until a worker claims it", tone: "pending" });
  }
  if (run.cancelRequestedAt && run.startedAt) steps.push({ label: "Cancel requested", at: run.cancelRequestedAt, tone: "bad" });
  if (ended) {
    steps.push({
      label: `Finished: ${run.status.replace("_", " ")}`,
      at: run.finishedAt,
      note: run.durationMs !== null ? `after ${formatDuration(run.durationMs)}` : (run.reason ?? undefined),
      tone: ENDED_BAD.has(run.status) ? "bad" : "done",
    });
  } else if (run.startedAt) {
    steps.push({ label: "Running", at: null, note: waiting ? "once its time comes; the log below follows it live" : "the log below follows it live", tone: "pending" });
  }
  return steps;
}

/** The run's life so far: created, due, claimed and started (how late), cancel asked, finished (how long). */
export function RunTimeline({ run }: { run: RunDto }) {
  const waiting = useWaitsForItsTime(run);
  return (
    <ol className="relative space-y-4 border-l pl-5" aria-label="Timeline">
      {stepsOf(run, waiting).map((step) => (
        <li key={step.label} className="relative">
          <span
            aria-hidden="true"
            className={cn(
              "absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-background ring-1",
              step.tone === "bad" ? "bg-destructive ring-destructive" : step.tone === "pending" ? "animate-pulse bg-muted ring-muted-foreground" : "bg-primary ring-primary",
            )}
          />
          <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
            <span className="font-medium">{step.label}</span>
            {step.at ? (
              <span className="text-muted-foreground">
                <Instant value={step.at} />
              </span>
            ) : null}
          </div>
          {step.note ? <p className="text-xs text-muted-foreground">{step.note}</p> : null}
        </li>
      ))}
    </ol>
  );
}
