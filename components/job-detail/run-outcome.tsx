import { Ban, CircleCheck, CircleX, Clock, GitMerge, LoaderCircle, SkipForward, TimerOff, TriangleAlert, Unplug, type LucideIcon } from "lucide-react";
import type { RunStatus } from "@/lib/db";
// A pure function: the same reading of a skip's reason the metrics use, so "coalesced" means one thing.
import { notRunReason } from "@/lib/metrics/not-run-reason";
import { cn } from "@/lib/utils";

/** What happened to a slot, as the timeline tells it: a status, or a skip told apart by its reason. */
export type Outcome = RunStatus | "coalesced";

type OutcomeStyle = {
  label: string;
  icon: LucideIcon;
  /** Icon and label colour; never the only signal (the label says it too). */
  tone: string;
  /** The dot on the timeline's rail. */
  ring: string;
  /** Slots that should have run and did not. */
  misfire: boolean;
};

export const OUTCOMES: Record<Outcome, OutcomeStyle> = {
  queued: { label: "Queued", icon: Clock, tone: "text-muted-foreground", ring: "border-border bg-background", misfire: false },
  running: { label: "Running", icon: LoaderCircle, tone: "text-sky-700 dark:text-sky-400", ring: "border-sky-500/40 bg-sky-500/10", misfire: false },
  succeeded: { label: "Succeeded", icon: CircleCheck, tone: "text-emerald-700 dark:text-emerald-400", ring: "border-emerald-500/40 bg-emerald-500/10", misfire: false },
  failed: { label: "Failed", icon: CircleX, tone: "text-destructive", ring: "border-destructive/40 bg-destructive/10", misfire: false },
  timed_out: { label: "Timed out", icon: TimerOff, tone: "text-destructive", ring: "border-destructive/40 bg-destructive/10", misfire: false },
  lost: { label: "Lost", icon: Unplug, tone: "text-destructive", ring: "border-destructive/40 bg-destructive/10", misfire: false },
  canceled: { label: "Canceled", icon: Ban, tone: "text-muted-foreground", ring: "border-border bg-muted", misfire: false },
  missed: { label: "Missed", icon: TriangleAlert, tone: "text-amber-700 dark:text-amber-400", ring: "border-amber-500/50 bg-amber-500/15", misfire: true },
  skipped: { label: "Skipped", icon: SkipForward, tone: "text-amber-700 dark:text-amber-400", ring: "border-amber-500/50 bg-amber-500/15", misfire: true },
  coalesced: { label: "Coalesced", icon: GitMerge, tone: "text-muted-foreground", ring: "border-border bg-muted", misfire: false },
};

/** A skipped slot whose run was merged into a later one was served; any other skip is a misfire. */
export function outcomeOf(run: { status: RunStatus; reason: string | null }): Outcome {
  if (run.status === "skipped" && notRunReason("skipped", run.reason) === "coalesced") return "coalesced";
  return run.status;
}

export function OutcomeIcon({ outcome, className }: { outcome: Outcome; className?: string }) {
  const { icon: Icon, tone } = OUTCOMES[outcome];
  return <Icon aria-hidden="true" className={cn("size-4", tone, outcome === "running" && "motion-safe:animate-spin", className)} />;
}
