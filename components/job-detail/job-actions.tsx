"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Ellipsis, Pause, Pencil, Play, Trash2, Zap } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import {
  AlertDialog,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { payloadDraftOf, payloadFormOf, payloadOf, type PayloadDraft, type PayloadForm } from "@/components/tasks/payload-form";
import { TaskPayloadFields } from "@/components/tasks/task-payload-fields";
import type { JobDto } from "@/lib/jobs/job-dto";
import { jobDetailKeys, jobRunCountsQuery } from "@/lib/queries/job-detail";
import type { JobDetailActions } from "./action-types";
import { plural } from "./format";
import { useJobMutation } from "./use-job-mutation";

/** Run now, pause / resume, edit, duplicate, delete: shown only to roles that may change jobs. */
export function JobActions({ job, actions }: { job: JobDto; actions: Pick<JobDetailActions, "trigger" | "pause" | "resume" | "remove"> }) {
  const [dialog, setDialog] = useState<"run" | "pause" | "delete" | null>(null);
  const { run, pending } = useJobMutation();
  const close = (open: boolean) => {
    if (!open) setDialog(null);
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button size="sm" onClick={() => setDialog("run")}>
        <Zap aria-hidden="true" />
        Run now
      </Button>
      {job.paused ? (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => actions.resume(null, { id: job.id }), () => `Resumed ${job.name}`)}>
          <Play aria-hidden="true" />
          Resume
        </Button>
      ) : (
        <Button size="sm" variant="outline" onClick={() => setDialog("pause")}>
          <Pause aria-hidden="true" />
          Pause
        </Button>
      )}
      <Button size="sm" variant="outline" asChild>
        <Link href={`/jobs/${job.id}/edit`}>
          <Pencil aria-hidden="true" />
          Edit
        </Link>
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" variant="outline" aria-label="More actions">
            <Ellipsis aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem asChild>
            <Link href={`/jobs/new?from=${encodeURIComponent(job.id)}`}>
              <Copy aria-hidden="true" />
              Duplicate
            </Link>
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem variant="destructive" onSelect={() => setDialog("delete")}>
            <Trash2 aria-hidden="true" />
            Delete…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <RunNowDialog job={job} open={dialog === "run"} onOpenChange={close} trigger={actions.trigger} />
      <PauseDialog job={job} open={dialog === "pause"} onOpenChange={close} pause={actions.pause} />
      <DeleteJobDialog job={job} open={dialog === "delete"} onOpenChange={close} remove={actions.remove} />
    </div>
  );
}

/** The run-now payload form: the task's own fields, prefilled from the job's default payload. */
function payloadFormFor(job: JobDto): { form: PayloadForm; draft: PayloadDraft } | null {
  if (job.kind !== "task") return null;
  const form = payloadFormOf(job.config.task);
  return { form, draft: payloadDraftOf(form, job.config.payload) };
}

/** The server answers per field under the payload ("payload.orderId"); the fields name them without the prefix. */
function payloadErrorsOf(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field.replace(/^payload\.?/, "") || "_", messages]));
}

function RunNowDialog({ job, open, onOpenChange, trigger }: { job: JobDto; open: boolean; onOpenChange: (open: boolean) => void; trigger: JobDetailActions["trigger"] }) {
  const { run, pending } = useJobMutation();
  const router = useRouter();
  const [payload, setPayload] = useState(() => payloadFormFor(job));
  const [errors, setErrors] = useState<Record<string, string[]>>({});

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    let request: { id: string; payload?: unknown } = { id: job.id };
    if (payload) {
      const parsed = payloadOf(payload.form, payload.draft);
      if (!parsed.ok) {
        setErrors(parsed.fieldErrors);
        return;
      }
      request = { id: job.id, payload: parsed.payload };
    }
    const result = await run(() => trigger(null, request), () => `Run of ${job.name} queued`);
    if (result.ok) {
      setErrors({});
      onOpenChange(false);
      return;
    }
    setErrors(result.fieldErrors ? payloadErrorsOf(result.fieldErrors) : { _: [result.message] });
    if (result.code === "not_found") router.refresh();
  }

  const general = payload ? [] : (errors._ ?? []);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (next) {
          setPayload(payloadFormFor(job));
          setErrors({});
        }
        onOpenChange(next);
      }}
    >
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" aria-label="Run now">
          <DialogHeader>
            <DialogTitle>Run {job.name} now</DialogTitle>
            <DialogDescription>
              Queues one run for now, outside the schedule{job.paused ? " (also while the job is paused)" : ""}. Max instances still applies when a worker picks it up.
            </DialogDescription>
          </DialogHeader>
          {payload && job.kind === "task" ? (
            <fieldset className="grid gap-3">
              <div className="flex items-center justify-between gap-2">
                <legend className="text-sm font-medium">Payload for this run</legend>
                {payload.form.mode === "fields" ? (
                  <Button
                    type="button"
                    variant="link"
                    size="sm"
                    className="h-auto p-0"
                    onClick={() => {
                      const current = payloadOf(payload.form, payload.draft);
                      const text = payload.draft.mode === "json" ? payload.draft.text : current.ok && current.payload !== undefined ? JSON.stringify(current.payload, null, 2) : "";
                      setPayload({ form: payload.form, draft: payload.draft.mode === "json" ? payloadDraftOf(payload.form, safeJson(text)) : { mode: "json", text } });
                      setErrors({});
                    }}
                  >
                    {payload.draft.mode === "json" ? "Edit as fields" : "Edit as JSON"}
                  </Button>
                ) : null}
              </div>
              <TaskPayloadFields
                idPrefix="run-now-payload"
                form={payload.form}
                draft={payload.draft}
                onChange={(draft) => setPayload({ form: payload.form, draft })}
                errors={errors}
                hint={`Checked against task ${job.config.task}'s schema; prefilled from the job's default payload.`}
              />
            </fieldset>
          ) : general.length > 0 ? (
            <p role="alert" className="text-sm text-destructive">
              {general.join("; ")}
            </p>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Close
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Queuing…" : "Run now"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** JSON text as a value, or undefined when it does not parse (the fields then start empty). */
function safeJson(text: string): unknown {
  try {
    return text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function PauseDialog({ job, open, onOpenChange, pause }: { job: JobDto; open: boolean; onOpenChange: (open: boolean) => void; pause: JobDetailActions["pause"] }) {
  const { run, pending } = useJobMutation();
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await run(() => pause(null, { id: job.id, note }), () => `Paused ${job.name}`);
    if (result.ok) {
      setNote("");
      setErrors([]);
      onOpenChange(false);
    } else {
      setErrors(result.fieldErrors?.note ?? []);
    }
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" aria-label="Pause">
          <DialogHeader>
            <DialogTitle>Pause {job.name}</DialogTitle>
            <DialogDescription>
              No slot comes due while it is paused, and none is recorded as missed. Runs already queued or running go on. Resuming starts again from the next slot, without catching up.
            </DialogDescription>
          </DialogHeader>
          <Field label="Note (optional)" htmlFor="pause-note" errors={errors} hint="Shown to everyone on this page, e.g. why and until when.">
            <Textarea
              id="pause-note"
              value={note}
              maxLength={500}
              onChange={(event) => setNote(event.target.value)}
              placeholder="Payments API in maintenance until 14:00"
              aria-invalid={errors.length > 0}
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Close
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Pausing…" : "Pause"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function DeleteJobDialog({ job, open, onOpenChange, remove }: { job: JobDto; open: boolean; onOpenChange: (open: boolean) => void; remove: JobDetailActions["remove"] }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const counts = useQuery({ ...jobRunCountsQuery(job.id), enabled: open });

  async function confirm() {
    setPending(true);
    try {
      const result = await remove(null, { id: job.id });
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      const { name, runs, logLines } = result.data;
      toast.success(`Deleted ${name} with ${plural(runs, "run")} and ${plural(logLines, "log line")}`);
      // The job is gone: its page's queries would only fetch 404s from now on.
      queryClient.removeQueries({ queryKey: jobDetailKeys.job(job.id) });
      queryClient.removeQueries({ queryKey: jobDetailKeys.runs(job.id) });
      await Promise.all([queryClient.invalidateQueries({ queryKey: ["jobs"] }), queryClient.invalidateQueries({ queryKey: ["runs"] })]);
      onOpenChange(false);
      router.push("/jobs");
    } catch {
      toast.error("The server could not be reached: check the connection and reload");
    } finally {
      setPending(false);
    }
  }

  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>Delete {job.name}?</AlertDialogTitle>
          <AlertDialogDescription data-testid="delete-job-summary">
            {counts.data
              ? `This deletes the job with its ${plural(counts.data.runs, "run")} and ${plural(counts.data.logLines, "log line")}. It cannot be undone; the audit log keeps a record of what was deleted.`
              : counts.error
                ? `This deletes the job with all its runs and their logs (they could not be counted: ${counts.error.message}). It cannot be undone.`
                : "Counting the runs and log lines that go with it…"}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={pending}>Keep the job</AlertDialogCancel>
          <Button variant="destructive" disabled={pending || counts.isPending} onClick={confirm}>
            {pending ? "Deleting…" : "Delete job"}
          </Button>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
