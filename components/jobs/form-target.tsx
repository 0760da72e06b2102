"use client";

import { useQuery } from "@tanstack/react-query";
import { Globe, ListChecks, Terminal } from "lucide-react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { Textarea } from "@/components/ui/textarea";
import { payloadDraftOf, payloadFormOf } from "@/components/tasks/payload-form";
import { TaskPayloadFields } from "@/components/tasks/task-payload-fields";
import { workersQuery } from "@/lib/queries/workers";
import { isTaskName, TASK_CATALOG } from "@/lib/tasks/catalog";
import { HTTP_METHODS } from "@/lib/validation/job-config";
import { EntriesEditor } from "./form-entries";
import type { HttpMethod, JobDraft, JobKind } from "./form-model";

type Errors = Record<string, string[]>;

type TargetProps = {
  draft: JobDraft;
  set: (patch: Partial<JobDraft>, clears: string) => void;
  errors: Errors;
  /** Whether the server lets workers run shell commands (SUNDIAL_ALLOW_SHELL). */
  shellAllowed: boolean;
};

const KINDS: { kind: JobKind; label: string; icon: React.ReactNode }[] = [
  { kind: "http", label: "HTTP request", icon: <Globe /> },
  { kind: "task", label: "Task", icon: <ListChecks /> },
  { kind: "shell", label: "Shell command", icon: <Terminal /> },
];

/** Errors under a prefix, keyed by what follows it ("config.payload.keepDays" → "keepDays"; the prefix itself → "_"). */
function errorsUnder(errors: Errors, prefix: string): Errors {
  const found: Errors = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (key === prefix) found._ = messages;
    else if (key.startsWith(`${prefix}.`)) found[key.slice(prefix.length + 1)] = messages;
  }
  return found;
}

const nonEmpty = (messages: string[]) => (messages.length > 0 ? messages : undefined);

/** What a job does: the kind and its settings. */
export function TargetFields({ draft, set, errors, shellAllowed }: TargetProps) {
  // A shell job saved before shell was turned off stays editable; new ones can't be made.
  const kinds = KINDS.filter(({ kind }) => kind !== "shell" || shellAllowed || draft.kind === "shell");
  return (
    <div className="grid gap-5">
      <div className="grid gap-2">
        <span className="text-sm font-medium" id="job-kind-label">
          Runs
        </span>
        <Tabs value={draft.kind} onValueChange={(kind) => set({ kind: kind as JobKind }, "config")}>
          <TabsList aria-labelledby="job-kind-label" className="w-full sm:w-fit">
            {kinds.map(({ kind, label, icon }) => (
              <TabsTrigger key={kind} value={kind} className="px-3">
                {icon}
                {label}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
        {errors.kind?.map((message) => (
          <p key={message} className="text-sm text-destructive">
            {message}
          </p>
        ))}
        {!shellAllowed ? (
          <p className="text-xs text-muted-foreground" data-testid="shell-disabled">
            {draft.kind === "shell"
              ? "Shell commands are turned off on this server (SUNDIAL_ALLOW_SHELL is not set): no worker will run this job until they are allowed."
              : "Shell commands are hidden: this server does not allow them (set SUNDIAL_ALLOW_SHELL=1 to let workers run commands)."}
          </p>
        ) : null}
      </div>
      {draft.kind === "http" ? <HttpFields draft={draft} set={set} errors={errors} /> : null}
      {draft.kind === "shell" ? <ShellFields draft={draft} set={set} errors={errors} /> : null}
      {draft.kind === "task" ? <TaskFields draft={draft} set={set} errors={errors} /> : null}
    </div>
  );
}

type KindProps = Omit<TargetProps, "shellAllowed">;

function HttpFields({ draft, set, errors }: KindProps) {
  const http = draft.http;
  const patch = (change: Partial<JobDraft["http"]>, clears: string) => set({ http: { ...http, ...change } }, clears);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-[8rem_minmax(0,1fr)]">
        <Field label="Method" htmlFor="job-http-method" errors={errors["config.method"]}>
          <NativeSelect id="job-http-method" value={http.method} onChange={(event) => patch({ method: event.target.value as HttpMethod }, "config.method")}>
            {HTTP_METHODS.map((method) => (
              <option key={method}>{method}</option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="URL" htmlFor="job-http-url" errors={errors["config.url"]} hint="May use {{run.id}}, {{run.scheduledFor}}, {{job.name}}…">
          <Input
            id="job-http-url"
            value={http.url}
            onChange={(event) => patch({ url: event.target.value }, "config.url")}
            placeholder="https://example.com/hooks/nightly"
            className="font-mono"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(errors["config.url"])}
          />
        </Field>
      </div>
      <EntriesEditor
        label="Headers"
        noun="header"
        field="headers"
        entries={http.headers}
        onChange={(headers) => patch({ headers }, "config.headers")}
        errors={errors}
        namePlaceholder="Authorization"
      />
      <Field label="Body (optional)" htmlFor="job-http-body" errors={errors["config.body"]} hint="Sent as is; may use the same {{…}} run values as the URL.">
        <Textarea
          id="job-http-body"
          value={http.body}
          onChange={(event) => patch({ body: event.target.value }, "config.body")}
          className="min-h-24 font-mono text-xs"
          spellCheck={false}
          aria-invalid={Boolean(errors["config.body"])}
        />
      </Field>
      <Field
        label="Accepted status codes"
        htmlFor="job-http-statuses"
        errors={nonEmpty(Object.values(errorsUnder(errors, "config.acceptedStatuses")).flat())}
        hint="A response with any other status fails the run."
      >
        <Input
          id="job-http-statuses"
          value={http.acceptedStatuses}
          onChange={(event) => patch({ acceptedStatuses: event.target.value }, "config.acceptedStatuses")}
          className="font-mono"
          aria-invalid={Object.keys(errorsUnder(errors, "config.acceptedStatuses")).length > 0}
        />
      </Field>
    </>
  );
}

function ShellFields({ draft, set, errors }: KindProps) {
  const shell = draft.shell;
  const patch = (change: Partial<JobDraft["shell"]>, clears: string) => set({ shell: { ...shell, ...change } }, clears);
  const argErrors = Object.entries(errorsUnder(errors, "config.args")).map(([key, list]) => (key === "_" ? list : list.map((m) => `Argument ${Number(key) + 1}: ${m}`))).flat();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Program" htmlFor="job-shell-program" errors={errors["config.program"]} hint="Run directly, without a shell: no pipes or globbing.">
          <Input id="job-shell-program" value={shell.program} onChange={(event) => patch({ program: event.target.value }, "config.program")} className="font-mono" placeholder="/usr/local/bin/backup" />
        </Field>
        <Field label="Working directory (optional)" htmlFor="job-shell-cwd" errors={errors["config.cwd"]}>
          <Input id="job-shell-cwd" value={shell.cwd} onChange={(event) => patch({ cwd: event.target.value }, "config.cwd")} className="font-mono" />
        </Field>
      </div>
      <Field label="Arguments" htmlFor="job-shell-args" errors={nonEmpty(argErrors)} hint="One per line.">
        <Textarea id="job-shell-args" value={shell.args} onChange={(event) => patch({ args: event.target.value }, "config.args")} className="font-mono text-xs" spellCheck={false} />
      </Field>
      <EntriesEditor
        label="Environment variables"
        noun="variable"
        field="env"
        entries={shell.env}
        onChange={(env) => patch({ env }, "config.env")}
        errors={errors}
        namePlaceholder="DATABASE_URL"
      />
    </>
  );
}

function TaskFields({ draft, set, errors }: KindProps) {
  const { data: workers, isPending } = useQuery(workersQuery());
  const online = (workers ?? []).filter((worker) => worker.state === "online");
  const offered = [...new Set(online.flatMap((worker) => worker.tasks))].sort();
  const task = draft.task.task;
  const options = task && !offered.includes(task) ? [...offered, task] : offered;
  const form = payloadFormOf(task);
  const chooseTask = (name: string) => set({ task: { task: name, payload: payloadDraftOf(payloadFormOf(name), undefined) } }, "config");
  return (
    <>
      <Field label="Task" htmlFor="job-task" errors={errors["config.task"]} hint={isTaskName(task) ? TASK_CATALOG[task].description : undefined}>
        <NativeSelect id="job-task" value={task} onChange={(event) => chooseTask(event.target.value)} aria-invalid={Boolean(errors["config.task"])}>
          <option value="" disabled>
            {offered.length > 0 ? "Choose a task…" : "No task offered"}
          </option>
          {options.map((name) => (
            <option key={name} value={name}>
              {offered.includes(name) ? name : `${name} (no online worker offers it)`}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {!isPending && online.length === 0 ? (
        <p role="status" className="rounded-md border border-amber-500/40 bg-amber-500/10 p-3 text-sm">
          No worker is online, so no task is offered. Tasks are the ones running workers register: start one (npm run worker) and
          its tasks appear here.
        </p>
      ) : null}
      {task ? (
        <div className="grid gap-2">
          <h3 className="text-sm font-medium">Payload</h3>
          <TaskPayloadFields
            idPrefix="job-payload"
            form={form}
            draft={draft.task.payload}
            onChange={(payload) => set({ task: { task, payload } }, "config.payload")}
            errors={errorsUnder(errors, "config.payload")}
            hint="Sent with each scheduled run. Left empty, scheduled runs get no payload."
          />
        </div>
      ) : null}
    </>
  );
}
