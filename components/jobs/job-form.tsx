"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RefreshCw, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { startTransition, useActionState, useMemo, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import type { AlertChannelOption } from "@/lib/alerts/read";
import type { JobDto } from "@/lib/jobs/job-dto";
import { jobKeys } from "@/lib/queries/jobs";
import type { ActionResult } from "@/lib/web/action-result";
import { ADVANCED_FIELDS, AdvancedSettings } from "./form-advanced";
import { jobDraftOf, jobRequestOf, newJobDraft, type JobDraft } from "./form-model";
import { TargetFields } from "./form-target";
import { TriggerBuilder } from "./trigger-builder";
import { triggerDraftOf } from "./trigger-builder-model";

type Errors = Record<string, string[]>;

/** A job action as the pages pass it (createJobAction, updateJobAction). */
export type JobFormAction = (previous: unknown, input: Record<string, unknown>) => Promise<ActionResult<JobDto>>;

type JobFormProps = {
  /** create: a new job (from `source` when duplicating); edit: `source` at its loaded version. */
  mode: "create" | "edit";
  source?: JobDto;
  action: JobFormAction;
  timeZones: string[];
  defaultTimezone: string;
  shellAllowed: boolean;
  /** The channels a job may alert through, for an admin; null for a role that can't read them. */
  alertChannels: AlertChannelOption[] | null;
};

// Paths a field of the form shows its problems at; anything else goes to the summary on top.
const INLINE = [/^name$/, /^description$/, /^tags(\.|$)/, /^kind$/, /^config\./, /^trigger(\.|$)/, /^(misfireGraceSeconds|coalesce|maxInstances|timeoutSeconds|jitterSeconds|startGraceSeconds|retentionRuns|retentionDays|alertChannelIds)$/, /^retry(\.|$)/];

function tagErrors(errors: Errors): string[] | undefined {
  const messages = Object.entries(errors).flatMap(([key, list]) => (key === "tags" || key.startsWith("tags.") ? list : []));
  return messages.length > 0 ? messages : undefined;
}

/**
 * The job form: new, duplicate or edit. Its state is the draft of every input; a save sends the job
 * as one object, and a failed save leaves the draft as typed, with the server's problems next to
 * their fields. An edit names the version it loaded: if the job changed since, nothing is
 * overwritten and the form offers to reload the latest.
 */
export function JobForm({ mode, source, action, timeZones, defaultTimezone, shellAllowed, alertChannels }: JobFormProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const initial = useMemo(
    () => (source ? jobDraftOf(source, { copy: mode === "create" }) : { draft: newJobDraft(defaultTimezone), secretsToReenter: [] }),
    [source, mode, defaultTimezone],
  );
  const loaded = useMemo(() => (mode === "edit" && source ? { trigger: source.trigger, draft: triggerDraftOf(source.trigger) } : undefined), [mode, source]);
  const [draft, setDraft] = useState<JobDraft>(initial.draft);
  const [errors, setErrors] = useState<Errors>({});
  const [advancedOpen, setAdvancedOpen] = useState(false);

  const [result, submit, pending] = useActionState(async (_previous: ActionResult<JobDto> | null, input: Record<string, unknown>) => {
    const outcome = await action(null, input);
    if (outcome.ok) {
      toast.success(mode === "edit" ? `Saved ${outcome.data.name}` : `Created ${outcome.data.name}`);
      await queryClient.invalidateQueries({ queryKey: jobKeys.all });
      router.push(`/jobs/${outcome.data.id}`);
    } else {
      showErrors(outcome.fieldErrors ?? {});
    }
    return outcome;
  }, null);

  function showErrors(found: Errors) {
    setErrors(found);
    if (Object.keys(found).some((key) => ADVANCED_FIELDS.some((field) => key === field || key.startsWith(`${field}.`)))) setAdvancedOpen(true);
  }

  /** Changes the draft and drops the last save's problems at `clears` and below: they were about the old value. */
  const set = (patch: Partial<JobDraft>, clears: string) => {
    setDraft((current) => ({ ...current, ...patch }));
    setErrors((current) => Object.fromEntries(Object.entries(current).filter(([key]) => key !== clears && !key.startsWith(`${clears}.`))));
  };

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const request = jobRequestOf(draft, loaded);
    if (!request.ok) {
      showErrors(request.fieldErrors);
      return;
    }
    const input = mode === "edit" && source ? { id: source.id, version: source.version, job: request.job } : { job: request.job };
    startTransition(() => submit(input));
  }

  const failed = result && !result.ok ? result : null;
  const stale = mode === "edit" && failed?.code === "conflict" && !failed.fieldErrors;
  const elsewhere = Object.entries(errors).filter(([key]) => !INLINE.some((pattern) => pattern.test(key)));
  const problemCount = Object.values(errors).flat().length;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={mode === "edit" ? "Edit job" : "New job"} className="grid gap-6">
      {stale ? (
        <div role="alert" data-testid="job-conflict" className="flex flex-col gap-3 rounded-lg border border-destructive/50 bg-destructive/5 p-4 text-sm sm:flex-row sm:items-center">
          <TriangleAlert aria-hidden className="size-5 shrink-0 text-destructive" />
          <div className="grid flex-1 gap-1">
            <p className="font-medium">{failed.message}</p>
            <p className="text-muted-foreground">Reload to see the latest version, then make your change again. Reloading discards what you typed here.</p>
          </div>
          <Button type="button" variant="outline" onClick={() => router.refresh()}>
            <RefreshCw /> Reload latest
          </Button>
        </div>
      ) : failed && !stale ? (
        <div role="alert" data-testid="job-form-error" className="grid gap-1 rounded-lg border border-destructive/50 bg-destructive/5 p-4 text-sm">
          <p className="font-medium text-destructive">
            {problemCount > 0 ? `The job was not saved: ${problemCount === 1 ? "1 problem" : `${problemCount} problems`}, marked below.` : failed.message}
          </p>
          {elsewhere.map(([key, messages]) => (
            <p key={key}>
              <code className="font-mono text-xs">{key === "_" ? "job" : key}</code>: {messages.join("; ")}
            </p>
          ))}
        </div>
      ) : !result && problemCount > 0 ? (
        <p role="alert" className="rounded-lg border border-destructive/50 bg-destructive/5 p-4 text-sm font-medium text-destructive">
          Not sent: fix the problems marked below.
        </p>
      ) : null}

      {source?.configProblem ? (
        <p role="status" data-testid="config-problem" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-4 text-sm">
          The stored {source.kind} configuration can&apos;t be read ({source.configProblem}): fill in the target again; saving replaces it.
        </p>
      ) : null}

      {initial.secretsToReenter.length > 0 ? (
        <p role="status" className="rounded-lg border border-amber-500/40 bg-amber-500/10 p-4 text-sm">
          Secret values can&apos;t be copied: enter them again for {initial.secretsToReenter.join(", ")}.
        </p>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>General</CardTitle>
          <CardDescription>How the job is listed and found.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Field label="Name" htmlFor="job-name" errors={errors.name} hint="Letters, digits, spaces and . _ - ( ); unique.">
            <Input id="job-name" value={draft.name} onChange={(event) => set({ name: event.target.value }, "name")} autoComplete="off" aria-invalid={Boolean(errors.name)} />
          </Field>
          <Field label="Description (optional)" htmlFor="job-description" errors={errors.description}>
            <Textarea
              id="job-description"
              value={draft.description}
              onChange={(event) => set({ description: event.target.value }, "description")}
              aria-invalid={Boolean(errors.description)}
            />
          </Field>
          <Field label="Tags (optional)" htmlFor="job-tags" errors={tagErrors(errors)} hint="Comma separated, e.g. billing, nightly.">
            <Input id="job-tags" value={draft.tags} onChange={(event) => set({ tags: event.target.value }, "tags")} autoComplete="off" aria-invalid={Boolean(tagErrors(errors))} />
          </Field>
          {mode === "create" ? (
            <label className="flex items-center gap-3 text-sm">
              <Switch checked={draft.paused} onCheckedChange={(paused) => set({ paused }, "paused")} aria-label="Create paused" />
              <span>
                Create paused <span className="text-muted-foreground">(nothing runs until it is resumed)</span>
              </span>
            </label>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>What it runs</CardTitle>
          <CardDescription>An HTTP request, a task a worker offers, or a command.</CardDescription>
        </CardHeader>
        <CardContent>
          <TargetFields draft={draft} set={set} errors={errors} shellAllowed={shellAllowed} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Schedule</CardTitle>
          <CardDescription>When it runs. The preview comes from the scheduler itself.</CardDescription>
        </CardHeader>
        <CardContent>
          <TriggerBuilder draft={draft.trigger} onChange={(trigger) => set({ trigger }, "trigger")} errors={errors} timeZones={timeZones} />
        </CardContent>
      </Card>

      <AdvancedSettings draft={draft} set={set} errors={errors} open={advancedOpen} onOpenChange={setAdvancedOpen} alertChannels={alertChannels} />

      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="outline" asChild>
          <Link href={mode === "edit" && source ? `/jobs/${source.id}` : "/jobs"}>Cancel</Link>
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : mode === "edit" ? "Save changes" : "Create job"}
        </Button>
      </div>
    </form>
  );
}
