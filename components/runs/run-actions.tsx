"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Ban, RotateCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { runKeys } from "@/lib/queries/runs";
import type { RunDto } from "@/lib/runs/run-dto";
import type { ActionResult } from "@/lib/web/action-result";

export type RunAction = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<RunDto>>;

/** Cancel (while queued or running) and re-run (the job now, with this run's payload). */
export function RunActions({ run, cancelAction, rerunAction }: { run: RunDto; cancelAction: RunAction | null; rerunAction: RunAction | null }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [canceling, startCancel] = useTransition();
  const [rerunning, startRerun] = useTransition();
  const cancelable = (run.status === "queued" || run.status === "running") && run.cancelRequestedAt === null;

  const cancel = () =>
    startCancel(async () => {
      const result = await cancelAction!(null, { id: run.id });
      if (!result.ok) {
        toast.error(`Could not cancel: ${result.message}`);
      } else {
        toast.success(result.data.status === "canceled" ? "Run canceled" : "Cancel requested: the worker stops the run");
      }
      await queryClient.invalidateQueries({ queryKey: runKeys.all });
    });

  const rerun = () =>
    startRerun(async () => {
      // The run's own payload, when it had one; otherwise the job's current default applies.
      const result = await rerunAction!(null, run.payload === null ? { id: run.jobId } : { id: run.jobId, payload: run.payload });
      if (!result.ok) {
        toast.error(`Could not re-run: ${result.message}`);
        return;
      }
      toast.success(`Queued a new run of ${run.jobName}`);
      await queryClient.invalidateQueries({ queryKey: runKeys.all });
      await queryClient.invalidateQueries({ queryKey: ["jobs"] });
      router.push(`/runs/${result.data.id}`);
    });

  return (
    <div className="flex flex-wrap gap-2">
      {rerunAction ? (
        <Button variant="outline" onClick={rerun} disabled={rerunning}>
          <RotateCw /> {rerunning ? "Queuing…" : "Re-run"}
        </Button>
      ) : null}
      {cancelAction && cancelable ? (
        <AlertDialog>
          <AlertDialogTrigger asChild>
            <Button variant="destructive" disabled={canceling}>
              <Ban /> {canceling ? "Canceling…" : "Cancel run"}
            </Button>
          </AlertDialogTrigger>
          <AlertDialogContent>
            <AlertDialogHeader>
              <AlertDialogTitle>Cancel this run of {run.jobName}?</AlertDialogTitle>
              <AlertDialogDescription>
                {run.status === "queued"
                  ? "It has not started: it will never run. The job's schedule is not affected."
                  : "The worker running it is told to stop; the run ends canceled once it has. The job's schedule is not affected."}
              </AlertDialogDescription>
            </AlertDialogHeader>
            <AlertDialogFooter>
              <AlertDialogCancel>Keep running</AlertDialogCancel>
              <AlertDialogAction onClick={cancel}>Cancel run</AlertDialogAction>
            </AlertDialogFooter>
          </AlertDialogContent>
        </AlertDialog>
      ) : null}
    </div>
  );
}
