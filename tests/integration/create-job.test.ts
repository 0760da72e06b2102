import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/lib/errors";
import { SYSTEM_ACTOR, type Actor } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const now = new Date("2026-12-01T10:12:30.000Z");
const options = { now, defaultTimezone: "Europe/Berlin" };
const ada: Actor = { type: "user", id: "user-ada", label: "ada@example.com" };

/** A valid job; each test changes what it is about. */
function jobInput(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    kind: "http",
    config: { url: "https://example.com/hook" },
    trigger: { type: "cron", expression: "*/5 * * * *", timezone: "America/New_York" },
    ...overrides,
  };
}

describe.each(providers)("createJob on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    await t.db.user.create({ data: { id: ada.id!, name: "Ada", email: ada.label, role: "operator" } });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const counts = async () => ({
    jobs: await t.db.job.count(),
    tags: await t.db.jobTag.count(),
    auditEvents: await t.db.auditEvent.count(),
  });

  it("creates a cron job with its tags, first run and audit row", async () => {
    const job = await createJob(
      t.db,
      jobInput("  Nightly report ", { description: "Posts the report", tags: ["Billing", " nightly "] }),
      ada,
      options,
    );

    expect(job).toMatchObject({
      name: "Nightly report",
      description: "Posts the report",
      tags: ["billing", "nightly"],
      kind: "http",
      config: { method: "GET", url: "https://example.com/hook", headers: [], acceptedStatuses: [200, 201, 202, 204] },
      trigger: { type: "cron", expression: "*/5 * * * *", timezone: "America/New_York" },
      // The next */5 after 10:12:30 (New York's offset is whole hours, so minutes match UTC's).
      nextRunAt: "2026-12-01T10:15:00.000Z",
      lastSlotAt: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      version: 1,
    });

    const row = await t.db.job.findUniqueOrThrow({ where: { id: job.id }, include: { tags: { orderBy: { tag: "asc" } } } });
    expect(row).toMatchObject({
      triggerType: "cron",
      trigger: { expression: "*/5 * * * *" },
      timezone: "America/New_York",
      startAt: null,
      endAt: null,
      createdById: ada.id,
      updatedById: ada.id,
    });
    expect(row.tags.map((tag) => tag.tag)).toEqual(["billing", "nightly"]);

    const audit = await t.db.auditEvent.findMany({ where: { targetType: "job", targetId: job.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "job.create", actorType: "user", actorId: ada.id, actorLabel: ada.label, before: null });
    expect(audit[0]!.at.toISOString()).toBe(now.toISOString());
    expect(audit[0]!.after).toEqual(job);
  });

  it("starts an interval at its start when that is in the future, and counts a start exactly now", async () => {
    const later = await createJob(
      t.db,
      jobInput("interval-later", { trigger: { type: "interval", every: { hours: 6 }, start: "2026-12-02T00:00:00Z", timezone: "UTC" } }),
      ada,
      options,
    );
    expect(later.nextRunAt).toBe("2026-12-02T00:00:00.000Z");
    expect(later.trigger).toEqual({ type: "interval", every: { hours: 6 }, start: "2026-12-02T00:00:00.000Z", timezone: "UTC" });

    const atNow = await createJob(
      t.db,
      jobInput("interval-now", { trigger: { type: "interval", every: { minutes: 10 }, start: now.toISOString() } }),
      ada,
      options,
    );
    expect(atNow.nextRunAt).toBe(now.toISOString());
    expect(atNow.trigger).toMatchObject({ timezone: "Europe/Berlin" });
  });

  it("schedules a one-off date job at a wall time in the default timezone", async () => {
    const job = await createJob(
      t.db,
      jobInput("one-off", { kind: "task", config: { task: "send-invoice", payload: { order: 8812 } }, trigger: { type: "date", runAt: "2026-12-24T18:00" } }),
      SYSTEM_ACTOR,
      options,
    );
    expect(job).toMatchObject({
      kind: "task",
      config: { task: "send-invoice", payload: { order: 8812 } },
      trigger: { type: "date", runAt: "2026-12-24T18:00", timezone: "Europe/Berlin" },
      nextRunAt: "2026-12-24T17:00:00.000Z",
    });
  });

  it("schedules a calendar job at its first day after now", async () => {
    const job = await createJob(
      t.db,
      jobInput("month-start", {
        trigger: { type: "calendar", every: { months: 1 }, at: "09:30", startDate: "2026-12-01", endDate: "2027-12-31", timezone: "Europe/London" },
      }),
      ada,
      options,
    );
    // 1 December 09:30 London (09:30Z) has passed at 10:12:30Z: the first run is a month later.
    expect(job.nextRunAt).toBe("2027-01-01T09:30:00.000Z");
    expect(job.trigger).toEqual({ type: "calendar", every: { months: 1 }, at: "09:30", startDate: "2026-12-01", endDate: "2027-12-31", timezone: "Europe/London" });
    const row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ triggerType: "calendar", timezone: "Europe/London", startAt: null, endAt: null });
  });

  it("applies the defaults to a minimal job", async () => {
    const job = await createJob(
      t.db,
      { name: "minimal", kind: "task", config: { task: "prune-runs" }, trigger: { type: "cron", expression: "0 * * * *" } },
      SYSTEM_ACTOR,
      options,
    );
    expect(job).toMatchObject({
      description: "",
      tags: [],
      trigger: { type: "cron", expression: "0 * * * *", timezone: "Europe/Berlin" },
      nextRunAt: "2026-12-01T11:00:00.000Z",
      paused: false,
      pausedAt: null,
      pauseNote: null,
      misfireGraceSeconds: 60,
      coalesce: "latest",
      maxInstances: 1,
      timeoutSeconds: null,
      retry: { maxAttempts: 1, backoffSeconds: 30, maxBackoffSeconds: 3600 },
      jitterSeconds: 0,
    });
    const row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row.createdById).toBeNull();
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { targetId: job.id } });
    expect(audit).toMatchObject({ actorType: "system", actorId: null, actorLabel: "system" });
  });

  it("keeps the settings it is given, and a job created paused still knows its next run", async () => {
    const job = await createJob(
      t.db,
      jobInput("tuned", {
        paused: true,
        misfireGraceSeconds: null,
        coalesce: "all",
        maxInstances: 3,
        timeoutSeconds: 900,
        retry: { maxAttempts: 5, backoffSeconds: 10 },
        jitterSeconds: 20,
      }),
      { type: "token", id: null, label: "ci-token" },
      options,
    );
    expect(job).toMatchObject({
      paused: true,
      pausedAt: now.toISOString(),
      nextRunAt: "2026-12-01T10:15:00.000Z",
      misfireGraceSeconds: null,
      coalesce: "all",
      maxInstances: 3,
      timeoutSeconds: 900,
      retry: { maxAttempts: 5, backoffSeconds: 10, maxBackoffSeconds: 3600 },
      jitterSeconds: 20,
    });
    const row = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(row).toMatchObject({ createdById: null, pausedById: null });
  });

  const badInputs: [string, unknown, Record<string, string[]>][] = [
    ["a body that is not an object", "nightly-report", { _: ["Invalid input: expected object, received string"] }],
    ["an empty name", jobInput("   "), { name: ["name is required"] }],
    ["a name starting with a dash", jobInput("-x"), { name: ["name must start with a letter or digit and contain only letters, digits, spaces, dots, dashes, underscores and parentheses"] }],
    ["a bad URL in an http config", jobInput("bad-url", { config: { url: "not a url" } }), { "config.url": ["must be an http:// or https:// URL"] }],
    ["an unknown kind", jobInput("bad-kind", { kind: "email" }), { kind: ["kind must be one of http, shell, task"] }],
    ["minute 75", jobInput("bad-minute", { trigger: { type: "cron", expression: "75 * * * *" } }), { "trigger.expression": ["minute: 75 is outside 0–59"] }],
    [
      "an unknown timezone",
      jobInput("bad-zone", { trigger: { type: "cron", expression: "0 * * * *", timezone: "Mars/Olympus_Mons" } }),
      { "trigger.timezone": ['unknown timezone "Mars/Olympus_Mons" (use an IANA name such as Europe/Berlin)'] },
    ],
    ["no trigger", jobInput("no-trigger", { trigger: undefined }), { trigger: ["trigger is required"] }],
    ["a date in the past", jobInput("past", { trigger: { type: "date", runAt: "2026-12-01T10:00:00Z" } }), { "trigger.runAt": ["runAt is in the past"] }],
    ["a date exactly now", jobInput("exactly-now", { trigger: { type: "date", runAt: now.toISOString() } }), { "trigger.runAt": ["runAt is in the past"] }],
    [
      "a cron schedule that ended",
      jobInput("ended", { trigger: { type: "cron", expression: "0 * * * *", end: "2026-11-30T00:00:00Z" } }),
      { trigger: ["this schedule has no run after now"] },
    ],
    ["maxInstances 0", jobInput("no-instances", { maxInstances: 0 }), { maxInstances: ["maxInstances must be at least 1"] }],
    [
      "maxBackoffSeconds below backoffSeconds",
      jobInput("backoff", { retry: { backoffSeconds: 600, maxBackoffSeconds: 60 } }),
      { "retry.maxBackoffSeconds": ["maxBackoffSeconds (60) must be at least backoffSeconds (600)"] },
    ],
    ["a tag given twice", jobInput("twice", { tags: ["ops", "OPS"] }), { "tags.1": ['"ops" is listed twice'] }],
    [
      "a task payload its task refuses (orderId missing)",
      jobInput("cancel-order", { kind: "task", config: { task: "example.cancel-unpaid-order", payload: { callbackUrl: "https://shop.example/hooks" } } }),
      { "config.payload.orderId": ["orderId is required"] },
    ],
    [
      "several problems at once",
      jobInput("", { config: { url: "ftp://example.com" }, trigger: { type: "cron", expression: "75 * * * *" }, jitterSeconds: -1 }),
      {
        name: ["name is required"],
        "config.url": ["must be an http:// or https:// URL"],
        jitterSeconds: ["jitterSeconds cannot be negative"],
        "trigger.expression": ["minute: 75 is outside 0–59"],
      },
    ],
  ];

  it.each(badInputs)("refuses %s and writes nothing", async (_label, input, fieldErrors) => {
    const before = await counts();
    const error = await createJob(t.db, input, ada, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toEqual(fieldErrors);
    expect(await counts()).toEqual(before);
  });

  it("refuses a taken name with a conflict and keeps the first job", async () => {
    await createJob(t.db, jobInput("taken"), ada, options);
    const before = await counts();

    const error = await createJob(t.db, jobInput(" taken ", { tags: ["dup"] }), ada, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({
      code: "conflict",
      message: 'A job named "taken" already exists',
      details: { fieldErrors: { name: ["a job with this name already exists"] } },
    });
    expect(await counts()).toEqual(before);
    expect(await t.db.job.count({ where: { name: "taken" } })).toBe(1);
  });
});
