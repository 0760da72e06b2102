"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Pause, Play, Zap } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import { jobKeys } from "@/lib/queries/jobs";
import type { ActionResult } from "@/lib/web/action-result";

/** A server action on one job, called with its id (the page passes the shared ones in app/(dashboard)/jobs/actions.ts). */
export type JobAction<T> = (previous: unknown, input: { id: string }) => Promise<ActionResult<T>>;

export type JobListActions = {
  pause: JobAction<unknown>;
  resume: JobAction<unknown>;
  trigger: JobAction<{ id: string }>;
};

/** Run now and pause / resume, from a row of the list: a toast says what happened, the list refreshes. */
export function JobQuickActions({ job, actions }: { job: { id: string; name: string; paused: boolean }; actions: JobListActions }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function run<T>(action: JobAction<T>, onDone: (data: T) => void) {
    startTransition(async () => {
      try {
        const result = await action(null, { id: job.id });
        if (!result.ok) {
          toast.error(`${job.name}: ${result.message}`);
          return;
        }
        onDone(result.data);
      } catch {
        // The action itself never throws; this is the network or the server going away.
        toast.error(`${job.name}: the server could not be reached. Try again.`);
      } finally {
        await queryClient.invalidateQueries({ queryKey: jobKeys.all });
      }
    });
  }

  const runNow = () =>
    run(actions.trigger, (created) => {
      void queryClient.invalidateQueries({ queryKey: ["runs"] });
      toast.success(`Run of ${job.name} queued`, { action: { label: "View run", onClick: () => router.push(`/runs/${created.id}`) } });
    });
  const togglePause = () =>
    job.paused ? run(actions.resume, () => toast.success(`${job.name} resumed`)) : run(actions.pause, () => toast.success(`${job.name} paused`));

  return (
    <div className="flex items-center justify-end gap-1">
      <IconAction label={`Run ${job.name} now`} tip="Run now" onClick={runNow} disabled={pending}>
        <Zap />
      </IconAction>
      <IconAction label={job.paused ? `Resume ${job.name}` : `Pause ${job.name}`} tip={job.paused ? "Resume" : "Pause"} onClick={togglePause} disabled={pending}>
        {job.paused ? <Play /> : <Pause />}
      </IconAction>
    </div>
  );
}

function IconAction({ label, tip, onClick, disabled, children }: { label: string; tip: string; onClick: () => void; disabled: boolean; children: ReactNode }) {
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <Button type="button" variant="ghost" size="icon" className="size-8" aria-label={label} onClick={onClick} disabled={disabled}>
          {children}
        </Button>
      </TooltipTrigger>
      <TooltipContent>{tip}</TooltipContent>
    </Tooltip>
  );
}
