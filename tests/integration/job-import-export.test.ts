// Export of job definitions and their import back: round trip, dry run, problems reported all at
// once, replace mode, secrets kept but never exported.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import { createAlertChannel } from "@/lib/alerts/save-channel";
import { exportJobs, type JobExport } from "@/lib/jobs/export-jobs";
import { importJobs, ImportValidationError } from "@/lib/jobs/import-jobs";
import { openSecret } from "@/lib/secrets/seal";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const now = new Date("2026-12-01T10:12:30.000Z");
const bot: Actor = { type: "token", id: "token-ci", label: "ci bot" };
const options = { now, defaultTimezone: "UTC" };

const jobs: Record<string, unknown>[] = [
  {
    name: "billing sync",
    description: "Pushes invoices",
    tags: ["billing", "nightly"],
    kind: "http",
    config: { method: "POST", url: "https://example.com/sync", headers: [{ name: "Authorization", value: "Bearer s3cret", secret: true }, { name: "X-Team", value: "billing" }], body: '{"a":1}' },
    trigger: { type: "cron", expression: "30 2 * * *", timezone: "Europe/Berlin", end: "2027-06-01T00:00:00+02:00" },
    retry: { maxAttempts: 3, backoffSeconds: 10, maxBackoffSeconds: 60 },
    timeoutSeconds: 120,
  },
  {
    name: "cleanup",
    kind: "shell",
    config: { program: "/usr/bin/find", args: ["/tmp", "-mtime", "+7", "-delete"], env: [{ name: "MODE", value: "fast" }] },
    trigger: { type: "interval", every: { hours: 6 }, start: "2026-12-01T00:00:00Z", timezone: "UTC" },
    misfireGraceSeconds: null,
    coalesce: "all",
  },
  {
    name: "cancel order 8812",
    kind: "task",
    config: { task: "example.cancel-unpaid-order", payload: { orderId: "8812" } },
    trigger: { type: "date", runAt: "2026-12-02T10:15:00Z", timezone: "UTC" },
  },
  {
    name: "monthly report",
    kind: "task",
    config: { task: "sundial.daily-report" },
    trigger: { type: "calendar", every: { months: 1 }, at: "07:00", startDate: "2026-12-01", timezone: "America/New_York" },
    jitterSeconds: 30,
    maxInstances: 2,
    startGraceSeconds: 300,
    retentionRuns: 50,
  },
];

/** The file as a client would send it back: through JSON, as downloaded. */
const asFile = (file: JobExport): Record<string, unknown> => JSON.parse(JSON.stringify(file)) as Record<string, unknown>;

async function problemsOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportValidationError);
  return (error as ImportValidationError).problems;
}

describe.each(providers)("job export and import on %s", (provider) => {
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    vi.stubEnv("SUNDIAL_SECRET", "job-import-test-secret-0123456789abc");
    [source, target] = await Promise.all([freshDatabase(provider), freshDatabase(provider)]);
    for (const job of jobs) await createJob(source.db, job, bot, options);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await Promise.all([source?.drop(), target?.drop()]);
  });

  it("exports definitions only, sorted by name, with secret values left out", async () => {
    const file = await exportJobs(source.db, { now });
    expect(file.sundial).toBe(1);
    expect(file.exportedAt).toBe(now.toISOString());
    expect(file.secrets).toMatch(/not exported/);
    expect(file.jobs.map((job) => job.name)).toEqual(["billing sync", "cancel order 8812", "cleanup", "monthly report"]);
    const billing = file.jobs[0]!;
    expect(Object.keys(billing)).toEqual(["name", "description", "tags", "kind", "config", "trigger", "misfireGraceSeconds", "coalesce", "maxInstances", "timeoutSeconds", "retry", "jitterSeconds", "startGraceSeconds", "retentionRuns", "retentionDays"]);
    expect(billing.config).toEqual({
      acceptedStatuses: [200, 201, 202, 204],
      body: '{"a":1}',
      headers: [
        { name: "Authorization", secret: true, value: null },
        { name: "X-Team", secret: false, value: "billing" },
      ],
      method: "POST",
      url: "https://example.com/sync",
    });
    const text = JSON.stringify(file);
    expect(text).not.toContain("s3cret");
    expect(text).not.toMatch(/"id"|"version"|"nextRunAt"|"paused"/);
  });

  it("importing its own export changes nothing: every job is unchanged", async () => {
    const file = asFile(await exportJobs(source.db, { now }));
    const result = await importJobs(source.db, file, bot, { ...options, mode: "merge", dryRun: false });
    expect(result.plan.map((item) => item.action)).toEqual(["unchanged", "unchanged", "unchanged", "unchanged"]);
    const billing = await source.db.job.findUniqueOrThrow({ where: { name: "billing sync" } });
    expect(billing.version).toBe(1);
  });

  it("a dry run returns the plan and writes nothing", async () => {
    const file = asFile(await exportJobs(source.db, { now }));
    ((file.jobs as { config: { headers: { value: string | null }[] } }[])[0]!.config.headers[0]!).value = "Bearer s3cret";
    const before = { jobs: await target.db.job.count(), audit: await target.db.auditEvent.count() };
    const result = await importJobs(target.db, file, bot, { ...options, mode: "merge", dryRun: true });
    expect(result).toMatchObject({ dryRun: true, applied: false, counts: { create: 4, update: 0, unchanged: 0, delete: 0 } });
    expect({ jobs: await target.db.job.count(), audit: await target.db.auditEvent.count() }).toEqual(before);
  });

  it("a new job's secret must be supplied: the plan names the field, and with it the round trip gives the same definitions", async () => {
    const exported = await exportJobs(source.db, { now });
    const file = asFile(exported);
    const problems = await problemsOf(importJobs(target.db, file, bot, { ...options, mode: "merge", dryRun: true }));
    expect(problems).toEqual([{ index: 0, name: "billing sync", field: "config.headers.0.value", messages: ["a secret needs a value"] }]);

    ((file.jobs as { config: { headers: { value: string | null }[] } }[])[0]!.config.headers[0]!).value = "Bearer s3cret";
    const result = await importJobs(target.db, file, bot, { ...options, mode: "merge", dryRun: false });
    expect(result).toMatchObject({ applied: true, counts: { create: 4 } });
    const again = await exportJobs(target.db, { now });
    expect(again.jobs).toEqual(exported.jobs);
    const billing = await target.db.job.findUniqueOrThrow({ where: { name: "billing sync" } });
    const header = (billing.config as { headers: { value: string }[] }).headers[0]!;
    expect(header.value).not.toBe("Bearer s3cret");
    expect(openSecret(header.value, "header Authorization")).toBe("Bearer s3cret");
    expect(await target.db.auditEvent.count({ where: { action: "job.import" } })).toBe(1);
  });

  it("updates a job by name and keeps its stored secret, and its alert channels, which the file does not carry", async () => {
    const channel = await createAlertChannel(target.db, { name: "ops hook", type: "webhook", config: { url: "https://hooks.example/ops" } }, bot);
    await target.db.job.update({ where: { name: "billing sync" }, data: { alertChannelIds: [channel.id] } });
    const file = asFile(await exportJobs(target.db, { now }));
    const fileJobs = file.jobs as Record<string, unknown>[];
    fileJobs[0]!.description = "Pushes invoices and credit notes";
    fileJobs[0]!.tags = ["billing"];
    const plan = await importJobs(target.db, file, bot, { ...options, mode: "merge", dryRun: true });
    expect(plan.plan.find((item) => item.name === "billing sync")).toEqual({ name: "billing sync", action: "update", changes: ["description", "tags"] });
    await importJobs(target.db, file, bot, { ...options, mode: "merge", dryRun: false });
    const billing = await target.db.job.findUniqueOrThrow({ where: { name: "billing sync" }, include: { tags: true } });
    expect(billing).toMatchObject({ description: "Pushes invoices and credit notes", version: 2, alertChannelIds: [channel.id] });
    expect(openSecret((billing.config as { headers: { value: string }[] }).headers[0]!.value, "header Authorization")).toBe("Bearer s3cret");
  });

  it("a file with problems writes nothing and reports each: bad cron, unknown kind, duplicate name, wrong version", async () => {
    const file = asFile(await exportJobs(source.db, { now }));
    const fileJobs = file.jobs as Record<string, unknown>[];
    file.sundial = 2;
    fileJobs[0]!.trigger = { type: "cron", expression: "75 * * * *", timezone: "UTC" };
    fileJobs[1]!.kind = "ftp";
    fileJobs.push({ ...fileJobs[2]!, description: "again" });
    fileJobs.push({ name: "brand new", kind: "http", config: { url: "https://example.com" }, trigger: { type: "cron", expression: "* * * * *" } });
    const before = { jobs: await target.db.job.findMany({ orderBy: { name: "asc" } }), audit: await target.db.auditEvent.count() };

    const problems = await problemsOf(importJobs(target.db, file, bot, { ...options, mode: "replace", dryRun: false }));
    expect(problems).toContainEqual({ index: null, name: null, field: "sundial", messages: ["this file is in format 2; this version of Sundial reads format 1"] });
    expect(problems).toContainEqual({ index: 0, name: "billing sync", field: "trigger.expression", messages: [expect.stringMatching(/75/)] });
    expect(problems).toContainEqual({ index: 1, name: "cancel order 8812", field: "kind", messages: ["kind must be one of http, shell, task"] });
    expect(problems).toContainEqual({ index: 4, name: "cleanup", field: "name", messages: ['"cleanup" is already job 3 in the file: names must be unique'] });
    expect(problems).toHaveLength(4);
    expect({ jobs: await target.db.job.findMany({ orderBy: { name: "asc" } }), audit: await target.db.auditEvent.count() }).toEqual(before);
  });

  it("refuses what is not an export file", async () => {
    expect(await problemsOf(importJobs(target.db, [1, 2], bot, { ...options, mode: "merge", dryRun: true }))).toEqual([
      { index: null, name: null, field: "_", messages: ["the file must be a JSON object, as the export writes it"] },
    ]);
    expect(await problemsOf(importJobs(target.db, { jobs: "none" }, bot, { ...options, mode: "merge", dryRun: true }))).toEqual([
      { index: null, name: null, field: "sundial", messages: ["sundial is missing: is this a file from Sundial's job export?"] },
      { index: null, name: null, field: "jobs", messages: ["jobs must be a list of jobs"] },
    ]);
  });

  it("replace deletes exactly the jobs its dry run said it would", async () => {
    await createJob(target.db, { name: "legacy ping", kind: "http", config: { url: "https://example.com/ping" }, trigger: { type: "cron", expression: "*/10 * * * *" } }, bot, options);
    const file = asFile(await exportJobs(target.db, { now }));
    file.jobs = (file.jobs as { name: string }[]).filter((job) => job.name !== "legacy ping" && job.name !== "cleanup");
    const dry = await importJobs(target.db, file, bot, { ...options, mode: "replace", dryRun: true });
    const toDelete = dry.plan.filter((item) => item.action === "delete").map((item) => item.name);
    expect(toDelete).toEqual(["cleanup", "legacy ping"]);
    expect(await target.db.job.count()).toBe(5);

    const merged = await importJobs(target.db, file, bot, { ...options, mode: "merge", dryRun: true });
    expect(merged.counts.delete).toBe(0);

    const applied = await importJobs(target.db, file, bot, { ...options, mode: "replace", dryRun: false });
    expect(applied.plan).toEqual(dry.plan);
    const left = await target.db.job.findMany({ orderBy: { name: "asc" }, select: { name: true } });
    expect(left.map((job) => job.name)).toEqual(["billing sync", "cancel order 8812", "monthly report"]);
    expect(await target.db.auditEvent.count({ where: { action: "job.delete" } })).toBe(2);
  });
});
