"use client";

import { ChevronRight } from "lucide-react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { AlertChannelOption } from "@/lib/alerts/read";
import type { JobDraft } from "./form-model";

/** The error paths this section shows: a failed save opens it when one of them has a problem. */
export const ADVANCED_FIELDS = ["misfireGraceSeconds", "coalesce", "maxInstances", "timeoutSeconds", "retry", "jitterSeconds", "startGraceSeconds", "retentionRuns", "retentionDays", "alertChannelIds"];

type AdvancedProps = {
  draft: JobDraft;
  set: (patch: Partial<JobDraft>, clears: string) => void;
  errors: Record<string, string[]>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  alertChannels: AlertChannelOption[] | null;
};

const COALESCE_LABELS: Record<JobDraft["coalesce"], string> = {
  latest: "Run once, for the latest missed slot",
  all: "Run every missed slot",
  skip: "Skip the missed slots",
};

function errorsAt(errors: Record<string, string[]>, path: string) {
  return errors[path];
}

/** Run policy: collapsed by default, since the defaults suit most jobs. */
export function AdvancedSettings({ draft, set, errors, open, onOpenChange, alertChannels }: AdvancedProps) {
  const number = (key: keyof JobDraft, id: string, label: string, hint?: string, path: string = key) => (
    <Field label={label} htmlFor={id} errors={errorsAt(errors, path)} hint={hint}>
      <Input
        id={id}
        inputMode="numeric"
        value={draft[key] as string}
        onChange={(event) => set({ [key]: event.target.value } as Partial<JobDraft>, path)}
        aria-invalid={Boolean(errorsAt(errors, path))}
      />
    </Field>
  );
  return (
    <details open={open} onToggle={(event) => onOpenChange(event.currentTarget.open)} className="group rounded-xl border bg-card shadow-sm">
      <summary className="flex cursor-pointer list-none items-center gap-2 px-6 py-4 font-semibold [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-4 transition-transform group-open:rotate-90" />
        Advanced settings
        <span className="text-sm font-normal text-muted-foreground">missed runs, overlap, timeout, retries, jitter, late alert, retention</span>
      </summary>
      <div className="grid gap-6 border-t px-6 py-5">
        <div className="grid gap-4 sm:grid-cols-2">
          {number("misfireGraceSeconds", "job-misfire-grace", "Misfire grace (seconds)", "How late a run may start and still run. Empty: no limit.")}
          <Field label="Missed runs" htmlFor="job-coalesce" errors={errorsAt(errors, "coalesce")} hint="When the scheduler was down for several slots.">
            <NativeSelect id="job-coalesce" value={draft.coalesce} onChange={(event) => set({ coalesce: event.target.value as JobDraft["coalesce"] }, "coalesce")}>
              {(Object.keys(COALESCE_LABELS) as JobDraft["coalesce"][]).map((policy) => (
                <option key={policy} value={policy}>
                  {COALESCE_LABELS[policy]}
                </option>
              ))}
            </NativeSelect>
          </Field>
          {number("maxInstances", "job-max-instances", "Max instances", "Runs of this job at the same time; a slot due while all are busy waits.")}
          {number("timeoutSeconds", "job-timeout", "Timeout (seconds)", "A run still going after this is stopped and fails. Empty: no timeout.")}
        </div>
        <fieldset className="grid gap-4">
          <legend className="mb-2 text-sm font-medium">Retries</legend>
          <div className="grid gap-4 sm:grid-cols-3">
            {number("retryMaxAttempts", "job-retry-attempts", "Attempts", "In all, the first included: 1 is no retry.", "retry.maxAttempts")}
            {number("retryBackoffSeconds", "job-retry-backoff", "Backoff (seconds)", "Before the first retry; doubles each time.", "retry.backoffSeconds")}
            {number("retryMaxBackoffSeconds", "job-retry-max-backoff", "Max backoff (seconds)", "The wait between attempts never grows past this.", "retry.maxBackoffSeconds")}
          </div>
          {errors.retry?.map((message) => (
            <p key={message} className="text-sm text-destructive">
              {message}
            </p>
          ))}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          {number("jitterSeconds", "job-jitter", "Jitter (seconds)", "Each run starts up to this much later, so many jobs on one slot don't all start at once.")}
          {number("startGraceSeconds", "job-start-grace", "Late alert after (seconds)", "A slot that has not started this long after its time raises a late alert. Empty: no late alerts.")}
        </div>
        <fieldset className="grid gap-4">
          <legend className="mb-2 text-sm font-medium">Retention</legend>
          <div className="grid gap-4 sm:grid-cols-2">
            {number("retentionRuns", "job-retention-runs", "Keep the last runs", "How many finished runs the pruning task keeps. Empty: the global setting.")}
            {number("retentionDays", "job-retention-days", "Keep runs for (days)", "Finished runs older than this are pruned. Empty: the global setting.")}
          </div>
        </fieldset>
        <AlertChannelChoice draft={draft} set={set} errors={errors.alertChannelIds} channels={alertChannels} />
      </div>
    </details>
  );
}

/**
 * The job's own alert channels. Global channels get every job's alerts and need no choosing; an
 * admin ticks the others. Other roles can't read the channel list, so they see only how many.
 */
function AlertChannelChoice({
  draft,
  set,
  errors,
  channels,
}: {
  draft: JobDraft;
  set: AdvancedProps["set"];
  errors: string[] | undefined;
  channels: AlertChannelOption[] | null;
}) {
  const chosen = new Set(draft.alertChannelIds);
  const own = channels?.filter((channel) => !channel.global) ?? [];
  const global = channels?.filter((channel) => channel.global) ?? [];
  const toggle = (id: string, on: boolean) =>
    set({ alertChannelIds: on ? [...draft.alertChannelIds, id] : draft.alertChannelIds.filter((chosenId) => chosenId !== id) }, "alertChannelIds");
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">Alert channels</legend>
      {channels === null ? (
        <p className="text-sm text-muted-foreground">
          {draft.alertChannelIds.length === 0 ? "No channels of its own" : `${draft.alertChannelIds.length} channel${draft.alertChannelIds.length === 1 ? "" : "s"} of its own, kept as they are`}; global channels get every job&apos;s alerts. An admin chooses a job&apos;s channels.
        </p>
      ) : (
        <>
          {own.length === 0 ? <p className="text-sm text-muted-foreground">No channels to choose: every channel is global, or none exists yet (Settings → Alerts).</p> : null}
          {own.map((channel) => (
            <label key={channel.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" checked={chosen.has(channel.id)} onChange={(event) => toggle(channel.id, event.target.checked)} />
              {channel.name}
              <span className="text-muted-foreground">
                ({channel.type}
                {channel.enabled ? "" : ", disabled"})
              </span>
            </label>
          ))}
          {global.length > 0 ? <p className="text-xs text-muted-foreground">Global, always alerted: {global.map((channel) => channel.name).join(", ")}.</p> : null}
        </>
      )}
      {errors?.map((message) => (
        <p key={message} className="text-sm text-destructive">
          {message}
        </p>
      ))}
    </fieldset>
  );
}
