"use client";

import { Layers, OctagonAlert } from "lucide-react";
import Link from "next/link";
import { Instant } from "@/components/time/instant";
import { useNow } from "@/components/time/use-now";
import { Button } from "@/components/ui/button";
import type { JobHealth, StuckRun } from "@/lib/jobs/job-health";
import type { JobDetailActions } from "./action-types";
import { plural } from "./format";
import { useJobMutation } from "./use-job-mutation";

/** Stuck runs (running, but nobody is running them) and a next slot that max instances will skip. */
export function HealthBanners({
  health,
  timeZone,
  canAct,
  actions,
}: {
  health: JobHealth;
  timeZone: string;
  canAct: boolean;
  actions: Pick<JobDetailActions, "cancelRun" | "markRunLost">;
}) {
  return (
    <>
      {health.stuckRuns.map((run) => (
        <StuckRunBanner key={run.id} run={run} timeZone={timeZone} canAct={canAct} actions={actions} />
      ))}
      {health.nextSlotWillSkip && health.nextRunAt ? (
        <div role="status" data-testid="max-instances-banner" className="flex gap-3 rounded-lg border border-amber-500/50 bg-amber-500/10 p-4 text-sm">
          <Layers aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-amber-700 dark:text-amber-400" />
          <div>
            <p className="font-medium">Max instances reached: the next slot will be skipped</p>
            <p className="mt-1 text-muted-foreground">
              {plural(health.runningRuns, "run")} running, and this job allows {health.maxInstances} at a time. <NextSlotFate nextRunAt={health.nextRunAt} timeZone={timeZone} />
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}

/** What becomes of the next slot; it may already be due, waiting for the running runs to end. */
function NextSlotFate({ nextRunAt, timeZone }: { nextRunAt: string; timeZone: string }) {
  const now = useNow();
  const slot = <Instant value={nextRunAt} timeZone={timeZone} />;
  if (now !== null && Date.parse(nextRunAt) <= now) return <>The slot due {slot} waits for them: if they are still running, it is recorded as skipped, not run.</>;
  return <>If they are still running at the next slot ({slot}) it is recorded as skipped, not run.</>;
}

function StuckRunBanner({ run, timeZone, canAct, actions }: { run: StuckRun; timeZone: string; canAct: boolean; actions: Pick<JobDetailActions, "cancelRun" | "markRunLost"> }) {
  const { run: mutate, pending } = useJobMutation();
  return (
    <div role="alert" data-testid="stuck-run-banner" className="flex flex-col gap-3 rounded-lg border border-destructive/40 bg-destructive/5 p-4 text-sm sm:flex-row sm:items-start">
      <OctagonAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-destructive" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          A run looks stuck:{" "}
          <Link href={`/runs/${run.id}`} className="font-mono underline underline-offset-4">
            {run.id.slice(-8)}
          </Link>{" "}
          says running
          {run.startedAt ? (
            <>
              {" "}
              since <Instant value={run.startedAt} timeZone={timeZone} />
            </>
          ) : null}
          , but {run.reason}.
        </p>
        <p className="mt-1 text-muted-foreground">
          {run.cancelRequestedAt ? "Canceling was requested, but no worker is there to stop it. " : ""}
          Marking it lost ends it as a worker would have, and the job&apos;s retry policy then applies.
        </p>
      </div>
      {canAct ? (
        <div className="flex shrink-0 gap-2">
          <Button variant="outline" size="sm" disabled={pending || run.cancelRequestedAt !== null} onClick={() => mutate(() => actions.cancelRun(null, { id: run.id }), () => "Cancel requested")}>
            Cancel run
          </Button>
          <Button
            variant="destructive"
            size="sm"
            disabled={pending}
            onClick={() => mutate(() => actions.markRunLost(null, { id: run.id }), (data) => (data.retryId ? "Run marked lost; a retry is queued" : "Run marked lost"))}
          >
            Mark lost
          </Button>
        </div>
      ) : null}
    </div>
  );
}
