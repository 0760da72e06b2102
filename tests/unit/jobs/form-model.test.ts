import { describe, expect, it } from "vitest";
import { jobDraftOf, jobRequestOf, newEntry, newJobDraft } from "@/components/jobs/form-model";
import { triggerDraftOf } from "@/components/jobs/trigger-builder-model";
import { ValidationError } from "@/lib/errors";
import { checkJobInput } from "@/lib/jobs/check-job-input";
import type { JobDto } from "@/lib/jobs/job-dto";

const now = new Date("2026-11-26T03:00:00Z");
const check = (input: unknown) => checkJobInput(input, { now, defaultTimezone: "UTC" });

function problems(input: unknown): Record<string, string[]> {
  try {
    check(input);
  } catch (error) {
    if (error instanceof ValidationError) return error.fieldErrors;
    throw error;
  }
  return {};
}

const storedJob: JobDto = {
  id: "job-1",
  name: "nightly-sync",
  description: "Sync orders",
  tags: ["billing", "nightly"],
  kind: "http",
  config: {
    method: "POST",
    url: "https://example.com/sync",
    headers: [
      { name: "Accept", value: "application/json", secret: false },
      { name: "Authorization", value: null, secret: true, set: true },
    ],
    body: '{"run":"{{run.id}}"}',
    acceptedStatuses: [200, 204],
  },
  trigger: { type: "cron", expression: "30 2 * * 1-5", timezone: "Europe/Berlin" },
  paused: false,
  pausedAt: null,
  pauseNote: null,
  nextRunAt: "2026-11-26T01:30:00.000Z",
  lastSlotAt: null,
  misfireGraceSeconds: null,
  coalesce: "all",
  maxInstances: 2,
  timeoutSeconds: 120,
  retry: { maxAttempts: 3, backoffSeconds: 10, maxBackoffSeconds: 600 },
  jitterSeconds: 5,
  startGraceSeconds: 120,
  alertChannelIds: ["channel-ops"],
  retentionRuns: null,
  retentionDays: 30,
  createdAt: "2026-11-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
  version: 4,
  configProblem: null,
};

describe("the job form's draft", () => {
  it("a new draft, once named and given a URL and a schedule, is a job the service accepts with its defaults", () => {
    const draft = newJobDraft("America/New_York");
    draft.name = "ping";
    draft.http.url = "https://example.com/ping";
    draft.trigger.expression = "*/5 * * * *";
    const request = jobRequestOf(draft);
    expect(request.ok).toBe(true);
    const { job, trigger } = check((request as { job: unknown }).job);
    expect(trigger).toEqual({ type: "cron", expression: "*/5 * * * *", timezone: "America/New_York" });
    expect(job).toMatchObject({ misfireGraceSeconds: 60, coalesce: "latest", maxInstances: 1, timeoutSeconds: null, jitterSeconds: 0, startGraceSeconds: 60, retentionRuns: null, retentionDays: null, alertChannelIds: [] });
    expect(job.retry).toEqual({ maxAttempts: 1, backoffSeconds: 30, maxBackoffSeconds: 3600 });
    expect(job.config).toEqual({ method: "GET", url: "https://example.com/ping", headers: [], acceptedStatuses: [200, 201, 202, 204] });
  });

  it("an edited job is sent back as stored: secret left empty (kept by the service), trigger as loaded", () => {
    const { draft, secretsToReenter } = jobDraftOf(storedJob, { copy: false });
    expect(secretsToReenter).toEqual([]);
    expect(draft.http.headers.map(({ name, value, secret, stored }) => ({ name, value, secret, stored }))).toEqual([
      { name: "Accept", value: "application/json", secret: false, stored: false },
      { name: "Authorization", value: "", secret: true, stored: true },
    ]);
    const request = jobRequestOf(draft, { trigger: storedJob.trigger, draft: triggerDraftOf(storedJob.trigger) });
    expect(request).toEqual({
      ok: true,
      job: {
        name: "nightly-sync",
        description: "Sync orders",
        tags: ["billing", "nightly"],
        paused: false,
        kind: "http",
        config: {
          method: "POST",
          url: "https://example.com/sync",
          headers: [
            { name: "Accept", value: "application/json", secret: false },
            { name: "Authorization", value: "", secret: true },
          ],
          body: '{"run":"{{run.id}}"}',
          acceptedStatuses: [200, 204],
        },
        trigger: storedJob.trigger,
        misfireGraceSeconds: null,
        coalesce: "all",
        maxInstances: 2,
        timeoutSeconds: 120,
        retry: { maxAttempts: 3, backoffSeconds: 10, maxBackoffSeconds: 600 },
        jitterSeconds: 5,
        // Sent back as stored: an update replaces the whole job, so a field left out would reset.
        startGraceSeconds: 120,
        retentionRuns: null,
        retentionDays: 30,
        alertChannelIds: ["channel-ops"],
      },
    });
  });

  it("a copy is named '(copy)' and names the secrets to enter again", () => {
    const { draft, secretsToReenter } = jobDraftOf(storedJob, { copy: true });
    expect(draft.name).toBe("nightly-sync (copy)");
    expect(secretsToReenter).toEqual(["Authorization"]);
    expect(draft.http.headers[1]).toMatchObject({ secret: true, stored: false, value: "" });
  });

  it("refuses status codes that are not numbers before sending (tried: '200, ok, 2000')", () => {
    const draft = newJobDraft("UTC");
    draft.http.acceptedStatuses = "200, ok, 2000";
    expect(jobRequestOf(draft)).toEqual({
      ok: false,
      fieldErrors: { "config.acceptedStatuses": ['"ok" is not a status code (use three digits, e.g. 200)', '"2000" is not a status code (use three digits, e.g. 200)'] },
    });
  });

  it("sends bad numbers as typed, so the service's messages reach the fields (tried: maxInstances 'two', retry attempts 0)", () => {
    const draft = newJobDraft("UTC");
    draft.name = "bad numbers";
    draft.http.url = "https://example.com";
    draft.trigger.expression = "@daily";
    draft.maxInstances = "two";
    draft.retryMaxAttempts = "0";
    draft.http.headers = [{ ...newEntry(), name: "X-Token", secret: true }];
    expect(problems((jobRequestOf(draft) as { job: unknown }).job)).toEqual({
      maxInstances: ["maxInstances must be a whole number"],
      "retry.maxAttempts": ["maxAttempts must be at least 1"],
    });
  });

  it("a task job's payload goes under config.payload, and its problems come back at their field", () => {
    const draft = newJobDraft("UTC");
    draft.name = "prune";
    draft.kind = "task";
    draft.task = { task: "sundial.prune-runs", payload: { mode: "fields", values: { keepDays: "0", keepRuns: "" } } };
    draft.trigger.expression = "@daily";
    const request = jobRequestOf(draft);
    if (!request.ok) throw new Error("the draft should turn into JSON");
    expect(request.job.config).toEqual({ task: "sundial.prune-runs", payload: { keepDays: 0 } });
    expect(problems(request.job)).toEqual({ "config.payload.keepDays": ["keepDays must be at least 1"] });
  });

  it("a shell job: one argument per line, blank lines dropped, variables with their secret flag", () => {
    const draft = newJobDraft("UTC");
    draft.name = "backup";
    draft.kind = "shell";
    draft.shell = { program: "/usr/bin/pg_dump", args: "--format=custom\n\n--file=/backups/db.dump\n", cwd: "", env: [{ ...newEntry(), name: "PGPASSWORD", value: "hunter2", secret: true }] };
    draft.trigger.expression = "@daily";
    const request = jobRequestOf(draft);
    if (!request.ok) throw new Error("the draft should turn into JSON");
    expect(request.job.config).toEqual({ program: "/usr/bin/pg_dump", args: ["--format=custom", "--file=/backups/db.dump"], env: [{ name: "PGPASSWORD", value: "hunter2", secret: true }] });
    expect(problems(request.job)).toEqual({});
  });
});
