// The job form's draft (every input's text, as typed) and the job JSON it sends. The job service
// checks everything and names each problem by field path; the draft only refuses what it cannot
// turn into JSON at all (a payload that is not JSON, a status code that is not a number).
import type { JobDto } from "@/lib/jobs/job-dto";
import type { MaskedEntry } from "@/lib/secrets/job-config-secrets";
import type { HTTP_METHODS } from "@/lib/validation/job-config";
import type { Trigger } from "@/lib/validation/trigger";
import { payloadDraftOf, payloadFormOf, payloadOf, type PayloadDraft } from "@/components/tasks/payload-form";
import { newTriggerDraft, numberOrText, sameTriggerDraft, triggerDraftOf, triggerOf, type TriggerDraft } from "./trigger-builder-model";

export type JobKind = "http" | "shell" | "task";
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** A header or environment variable. `stored`: the server holds a secret value, kept when `value` is left empty. */
export type EntryDraft = { id: number; name: string; value: string; secret: boolean; stored: boolean };

export type JobDraft = {
  name: string;
  description: string;
  tags: string;
  paused: boolean;
  kind: JobKind;
  http: { method: HttpMethod; url: string; headers: EntryDraft[]; body: string; acceptedStatuses: string };
  shell: { program: string; args: string; cwd: string; env: EntryDraft[] };
  task: { task: string; payload: PayloadDraft };
  trigger: TriggerDraft;
  misfireGraceSeconds: string;
  coalesce: "latest" | "all" | "skip";
  maxInstances: string;
  timeoutSeconds: string;
  retryMaxAttempts: string;
  retryBackoffSeconds: string;
  retryMaxBackoffSeconds: string;
  jitterSeconds: string;
  startGraceSeconds: string;
  retentionRuns: string;
  retentionDays: string;
  /**
   * Carried through unchanged: choosing channels needs the channel list, which only admins may read
   * (an update replaces the whole job, so leaving them out would unlink them).
   */
  alertChannelIds: string[];
};

let nextEntryId = 1;
export function newEntry(): EntryDraft {
  return { id: nextEntryId++, name: "", value: "", secret: false, stored: false };
}

export const DEFAULT_ACCEPTED_STATUSES = "200, 201, 202, 204";

/** A new job: the defaults the job service would fill in, shown so nobody has to guess them. */
export function newJobDraft(timezone: string): JobDraft {
  return {
    name: "",
    description: "",
    tags: "",
    paused: false,
    kind: "http",
    http: { method: "GET", url: "", headers: [], body: "", acceptedStatuses: DEFAULT_ACCEPTED_STATUSES },
    shell: { program: "", args: "", cwd: "", env: [] },
    task: { task: "", payload: { mode: "fields", values: {} } },
    trigger: newTriggerDraft(timezone),
    misfireGraceSeconds: "60",
    coalesce: "latest",
    maxInstances: "1",
    timeoutSeconds: "",
    retryMaxAttempts: "1",
    retryBackoffSeconds: "30",
    retryMaxBackoffSeconds: "3600",
    jitterSeconds: "0",
    startGraceSeconds: "60",
    retentionRuns: "",
    retentionDays: "",
    alertChannelIds: [],
  };
}

/** The kind's fields of the draft from the job's (valid) config. */
function fillTarget(draft: JobDraft, job: JobDto, entries: (list: MaskedEntry[]) => EntryDraft[]): void {
  switch (job.kind) {
    case "http":
      draft.http = {
        method: job.config.method,
        url: job.config.url,
        headers: entries(job.config.headers),
        body: job.config.body ?? "",
        acceptedStatuses: job.config.acceptedStatuses.join(", "),
      };
      break;
    case "shell":
      draft.shell = { program: job.config.program, args: job.config.args.join("\n"), cwd: job.config.cwd ?? "", env: entries(job.config.env) };
      break;
    case "task":
      draft.task = { task: job.config.task, payload: payloadDraftOf(payloadFormOf(job.config.task), job.config.payload) };
      break;
  }
}

/**
 * The draft of a stored job. For a copy (`copy: true`), secret values can't come along (the server
 * never sends them): those entries are left empty and named in `secretsToReenter`.
 */
export function jobDraftOf(job: JobDto, { copy }: { copy: boolean }): { draft: JobDraft; secretsToReenter: string[] } {
  const secretsToReenter: string[] = [];
  const entries = (list: MaskedEntry[]): EntryDraft[] =>
    list.map((entry) => {
      if (!entry.secret) return { ...newEntry(), name: entry.name, value: entry.value };
      if (copy && entry.set) secretsToReenter.push(entry.name);
      return { ...newEntry(), name: entry.name, secret: true, stored: !copy && entry.set };
    });
  const draft = newJobDraft(job.trigger.timezone);
  draft.name = copy ? `${job.name} (copy)` : job.name;
  draft.description = job.description;
  draft.tags = job.tags.join(", ");
  draft.paused = job.paused;
  draft.kind = job.kind;
  // A config that fails its schema can't fill the kind's fields: they start blank, and the form says
  // why (configProblem).
  if (job.configProblem === null) fillTarget(draft, job, entries);
  draft.trigger = triggerDraftOf(job.trigger);
  draft.misfireGraceSeconds = job.misfireGraceSeconds === null ? "" : String(job.misfireGraceSeconds);
  draft.coalesce = job.coalesce;
  draft.maxInstances = String(job.maxInstances);
  draft.timeoutSeconds = job.timeoutSeconds === null ? "" : String(job.timeoutSeconds);
  draft.retryMaxAttempts = String(job.retry.maxAttempts);
  draft.retryBackoffSeconds = String(job.retry.backoffSeconds);
  draft.retryMaxBackoffSeconds = String(job.retry.maxBackoffSeconds);
  draft.jitterSeconds = String(job.jitterSeconds);
  draft.startGraceSeconds = job.startGraceSeconds === null ? "" : String(job.startGraceSeconds);
  draft.retentionRuns = job.retentionRuns === null ? "" : String(job.retentionRuns);
  draft.retentionDays = job.retentionDays === null ? "" : String(job.retentionDays);
  draft.alertChannelIds = [...job.alertChannelIds];
  return { draft, secretsToReenter };
}

export type JobRequestResult = { ok: true; job: Record<string, unknown> } | { ok: false; fieldErrors: Record<string, string[]> };

const entriesOf = (list: EntryDraft[]) => list.map((entry) => ({ name: entry.name.trim(), value: entry.value, secret: entry.secret }));
const nullableNumber = (text: string) => (text.trim() === "" ? null : numberOrText(text));
const optionalNumber = (text: string) => (text.trim() === "" ? undefined : numberOrText(text));

function statusCodesOf(text: string): { codes: number[] | undefined; problems: string[] } {
  const tokens = text.split(/[\s,]+/).filter(Boolean);
  if (tokens.length === 0) return { codes: undefined, problems: [] };
  const problems = tokens.filter((token) => !/^\d{3}$/.test(token)).map((token) => `"${token}" is not a status code (use three digits, e.g. 200)`);
  return { codes: tokens.map(Number), problems };
}

/**
 * The job JSON for the API and the actions. `loaded` is the job's trigger as opened for editing: a
 * trigger left as it was is sent back exactly as loaded, so the job keeps its place in its schedule.
 */
export function jobRequestOf(draft: JobDraft, loaded?: { trigger: Trigger; draft: TriggerDraft }): JobRequestResult {
  const fieldErrors: Record<string, string[]> = {};
  let config: Record<string, unknown>;
  switch (draft.kind) {
    case "http": {
      const { codes, problems } = statusCodesOf(draft.http.acceptedStatuses);
      if (problems.length > 0) fieldErrors["config.acceptedStatuses"] = problems;
      config = {
        method: draft.http.method,
        url: draft.http.url.trim(),
        headers: entriesOf(draft.http.headers),
        ...(draft.http.body !== "" ? { body: draft.http.body } : {}),
        ...(codes ? { acceptedStatuses: codes } : {}),
      };
      break;
    }
    case "shell":
      config = {
        program: draft.shell.program.trim(),
        args: draft.shell.args.split("\n").filter((arg) => arg.trim() !== ""),
        ...(draft.shell.cwd.trim() ? { cwd: draft.shell.cwd.trim() } : {}),
        env: entriesOf(draft.shell.env),
      };
      break;
    case "task": {
      const payload = payloadOf(payloadFormOf(draft.task.task), draft.task.payload);
      if (!payload.ok) {
        for (const [field, messages] of Object.entries(payload.fieldErrors)) fieldErrors[field === "_" ? "config.payload" : `config.payload.${field}`] = messages;
      }
      config = { task: draft.task.task, ...(payload.ok && payload.payload !== undefined ? { payload: payload.payload } : {}) };
      break;
    }
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  const trigger = loaded && sameTriggerDraft(draft.trigger, loaded.draft) ? loaded.trigger : triggerOf(draft.trigger);
  return {
    ok: true,
    job: {
      name: draft.name.trim(),
      description: draft.description.trim(),
      tags: draft.tags.split(",").map((tag) => tag.trim()).filter(Boolean),
      paused: draft.paused,
      kind: draft.kind,
      config,
      trigger,
      misfireGraceSeconds: nullableNumber(draft.misfireGraceSeconds),
      coalesce: draft.coalesce,
      maxInstances: optionalNumber(draft.maxInstances),
      timeoutSeconds: nullableNumber(draft.timeoutSeconds),
      retry: {
        maxAttempts: optionalNumber(draft.retryMaxAttempts),
        backoffSeconds: optionalNumber(draft.retryBackoffSeconds),
        maxBackoffSeconds: optionalNumber(draft.retryMaxBackoffSeconds),
      },
      jitterSeconds: optionalNumber(draft.jitterSeconds),
      startGraceSeconds: nullableNumber(draft.startGraceSeconds),
      retentionRuns: nullableNumber(draft.retentionRuns),
      retentionDays: nullableNumber(draft.retentionDays),
      alertChannelIds: draft.alertChannelIds,
    },
  };
}
