// The job services the API and the dashboard share: update, pause, resume, delete, run now.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Actor } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import { deleteJob } from "@/lib/jobs/delete-job";
import { pauseJob } from "@/lib/jobs/pause-job";
import { resumeJob } from "@/lib/jobs/resume-job";
import { triggerJob } from "@/lib/jobs/trigger-job";
import { updateJob } from "@/lib/jobs/update-job";
import { DUE_CHANNEL } from "@/lib/runs/due-notifications";
import { enqueueDueRuns } from "@/lib/runs/enqueue-due";
import { openSecret } from "@/lib/secrets/seal";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const now = new Date("2026-12-01T10:12:30.000Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const ada: Actor = { type: "user", id: "user-ada", label: "ada@example.com" };
const bot: Actor = { type: "token", id: "token-bot", label: "deploy bot" };
const options = { now, defaultTimezone: "UTC" };

function jobInput(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    kind: "http",
    config: { url: "https://example.com/hook" },
    trigger: { type: "cron", expression: "*/5 * * * *", timezone: "UTC" },
    ...overrides,
  };
}

const orderTask = (name: string, payload?: unknown) =>
  jobInput(name, { kind: "task", config: { task: "example.cancel-unpaid-order", ...(payload ? { payload } : {}) }, trigger: { type: "date", runAt: "2026-12-01T10:27:30Z" } });

describe.each(providers)("job services on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    vi.stubEnv("SUNDIAL_SECRET", "job-services-test-secret-0123456789");
    t = await freshDatabase(provider);
    await t.db.user.create({ data: { id: ada.id!, name: "Ada", email: ada.label, role: "operator" } });
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await t?.drop();
  });

  const auditOf = (targetId: string, action: string) => t.db.auditEvent.findMany({ where: { targetId, action } });

  describe("updateJob", () => {
    it("replaces the settings, restarts a changed schedule from now and records before and after", async () => {
      const job = await createJob(t.db, jobInput("update-me", { tags: ["a"] }), ada, options);
      expect(job.nextRunAt).toBe("2026-12-01T10:15:00.000Z");
      const updated = await updateJob(
        t.db,
        { id: job.id, version: 1, job: jobInput("updated", { tags: ["b", "c"], trigger: { type: "cron", expression: "0 * * * *", timezone: "UTC" } }) },
        bot,
        { now: later(10), defaultTimezone: "UTC" },
      );
      expect(updated).toMatchObject({ name: "updated", tags: ["b", "c"], version: 2, nextRunAt: "2026-12-01T11:00:00.000Z", updatedAt: later(10).toISOString() });
      const [audit] = await auditOf(job.id, "job.update");
      expect(audit).toMatchObject({ actorType: "token", actorLabel: "deploy bot" });
      expect(audit!.before).toMatchObject({ name: "update-me", version: 1 });
      expect(audit!.after).toEqual(updated);
    });

    it("keeps the job's place in an unchanged schedule, so a finished one-off job can still be renamed", async () => {
      const job = await createJob(t.db, orderTask("one-off-done", { orderId: "1" }), ada, options);
      // The slot ran: the worker moved the schedule on past its only fire time.
      await t.db.job.update({ where: { id: job.id }, data: { nextRunAt: null, lastSlotAt: new Date(job.nextRunAt!) } });
      const renamed = await updateJob(t.db, { id: job.id, version: 1, job: { ...orderTask("one-off-renamed", { orderId: "1" }) } }, ada, { now: later(60), defaultTimezone: "UTC" });
      expect(renamed).toMatchObject({ name: "one-off-renamed", nextRunAt: null, version: 2 });
    });

    it("keeps a secret header sent back empty, and never shows it", async () => {
      const headers = (value: string) => [{ name: "Authorization", value, secret: true }];
      const job = await createJob(t.db, jobInput("with-secret", { config: { url: "https://example.com/hook", headers: headers("Bearer s3cret") } }), ada, options);
      const updated = await updateJob(t.db, { id: job.id, version: 1, job: jobInput("with-secret", { description: "edited", config: { url: "https://example.com/hook", headers: headers("") } }) }, ada, options);
      expect(updated.config).toMatchObject({ headers: [{ name: "Authorization", value: null, secret: true, set: true }] });
      const stored = (await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).config as { headers: { value: string }[] };
      expect(openSecret(stored.headers[0]!.value, "header Authorization")).toBe("Bearer s3cret");
    });

    it("refuses a stale version, naming who changed the job and when", async () => {
      const job = await createJob(t.db, jobInput("contested"), ada, options);
      await updateJob(t.db, { id: job.id, version: 1, job: jobInput("contested", { description: "first" }) }, bot, { now: later(1), defaultTimezone: "UTC" });
      // Tried: an update based on version 1 after the bot's update made it version 2.
      const stale = updateJob(t.db, { id: job.id, version: 1, job: jobInput("contested", { description: "second" }) }, ada, options);
      await expect(stale).rejects.toThrow(ConflictError);
      await expect(stale).rejects.toMatchObject({
        message: expect.stringContaining("deploy bot"),
        details: { current: { version: 2, changedBy: "deploy bot", changedAt: later(1).toISOString() } },
      });
      expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).description).toBe("first");
    });

    it("reports every problem at once, refuses a taken name and an unknown id, and leaves pause state alone", async () => {
      const job = await createJob(t.db, jobInput("strict"), ada, options);
      // Tried: an empty name and minute 75.
      await expect(updateJob(t.db, { id: job.id, version: 1, job: jobInput(" ", { trigger: { type: "cron", expression: "75 * * * *" } }) }, ada, options)).rejects.toMatchObject({
        fieldErrors: { name: ["name is required"], "trigger.expression": ["minute: 75 is outside 0–59"] },
      });
      await expect(updateJob(t.db, { id: job.id, version: 1, job: jobInput("contested") }, ada, options)).rejects.toMatchObject({
        details: { fieldErrors: { name: ["a job with this name already exists"] } },
      });
      await expect(updateJob(t.db, { id: "no-such-job", version: 1, job: jobInput("x") }, ada, options)).rejects.toThrow(NotFoundError);

      await pauseJob(t.db, { id: job.id }, ada, { now });
      const edited = await updateJob(t.db, { id: job.id, version: 2, job: jobInput("strict", { paused: false, description: "still paused" }) }, ada, options);
      expect(edited).toMatchObject({ paused: true, description: "still paused", version: 3 });
    });
  });

  describe("pauseJob and resumeJob", () => {
    it("pauses with who and why, and resumes from now without catching up the paused slots", async () => {
      const job = await createJob(t.db, jobInput("pausable"), ada, options);
      const paused = await pauseJob(t.db, { id: job.id, note: "vendor maintenance" }, ada, { now });
      expect(paused).toMatchObject({ paused: true, pausedAt: now.toISOString(), pauseNote: "vendor maintenance", version: 2 });
      expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).pausedById).toBe(ada.id);
      // Pausing again keeps the first pause's who, when and note.
      expect(await pauseJob(t.db, { id: job.id, note: "other" }, bot, { now: later(5) })).toEqual(paused);

      // 30 minutes paused: slots 10:15 … 10:40 came and went.
      const resumed = await resumeJob(t.db, { id: job.id }, bot, { now: later(30) });
      expect(resumed).toMatchObject({ paused: false, pausedAt: null, pauseNote: null, nextRunAt: "2026-12-01T10:45:00.000Z", version: 3 });
      // A worker's tick right after the resume records nothing for it: no runs, no misses.
      await enqueueDueRuns(t.db, later(30));
      expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(0);

      expect((await auditOf(job.id, "job.pause")).map((a) => a.actorLabel)).toEqual([ada.label]);
      const [resumeAudit] = await auditOf(job.id, "job.resume");
      expect(resumeAudit).toMatchObject({ actorLabel: "deploy bot", before: expect.objectContaining({ paused: true }), after: expect.objectContaining({ paused: false }) });
      // Resuming a running job changes nothing.
      expect(await resumeJob(t.db, { id: job.id }, bot, { now: later(40) })).toEqual(resumed);
    });

    it("leaves a one-off job resumed after its time with no run left", async () => {
      const job = await createJob(t.db, orderTask("paused-one-off", { orderId: "2" }), ada, options);
      await pauseJob(t.db, { id: job.id }, ada, { now });
      expect((await resumeJob(t.db, { id: job.id }, ada, { now: later(60) })).nextRunAt).toBeNull();
      await expect(pauseJob(t.db, { id: "no-such-job" }, ada, { now })).rejects.toThrow(NotFoundError);
      await expect(resumeJob(t.db, { id: "no-such-job" }, ada, { now })).rejects.toThrow(NotFoundError);
    });
  });

  describe("deleteJob", () => {
    it("deletes the job with its runs and their logs, and says in the audit log how much went", async () => {
      const job = await createJob(t.db, jobInput("doomed", { tags: ["x"] }), ada, options);
      const keep = await createJob(t.db, jobInput("kept"), ada, options);
      for (const target of [job, keep]) {
        const run = await t.db.run.create({ data: { jobId: target.id, scheduledFor: now, source: "manual", status: "succeeded" } });
        await t.db.runLog.createMany({ data: [1, 2, 3].map((seq) => ({ runId: run.id, seq, stream: "stdout" as const, text: `line ${seq}` })) });
      }
      await t.db.run.create({ data: { jobId: job.id, scheduledFor: later(1), source: "api" } });

      expect(await deleteJob(t.db, { id: job.id }, ada, { now })).toEqual({ id: job.id, name: "doomed", runs: 2, logLines: 3 });
      expect(await t.db.job.findUnique({ where: { id: job.id } })).toBeNull();
      expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(0);
      expect(await t.db.jobTag.count({ where: { jobId: job.id } })).toBe(0);
      expect(await t.db.run.count({ where: { jobId: keep.id } })).toBe(1);
      expect(await t.db.runLog.count({ where: { run: { jobId: keep.id } } })).toBe(3);
      const [audit] = await auditOf(job.id, "job.delete");
      expect(audit!.before).toMatchObject({ job: { name: "doomed", tags: ["x"] }, runs: 2, logLines: 3 });
      await expect(deleteJob(t.db, { id: job.id }, ada, { now })).rejects.toThrow(NotFoundError);
    });
  });

  describe("triggerJob", () => {
    it("queues a run now with the payload, checked against the task's schema, even for a paused job", async () => {
      const job = await createJob(t.db, orderTask("order-canceler"), ada, options);
      await pauseJob(t.db, { id: job.id }, ada, { now });
      const run = await triggerJob(t.db, { id: job.id, payload: { orderId: "8812" }, source: "api" }, ada, { now: later(1) });
      expect(run).toMatchObject({
        jobId: job.id,
        jobName: "order-canceler",
        status: "queued",
        source: "api",
        slotAt: null,
        scheduledFor: later(1).toISOString(),
        payload: { orderId: "8812" },
        requestedById: ada.id,
        attempt: 1,
      });
      const [audit] = await auditOf(job.id, "job.trigger");
      expect(audit!.after).toEqual(run);
    });

    it("refuses a payload the task's schema refuses, naming each field", async () => {
      const job = await createJob(t.db, orderTask("order-canceler-2"), ada, options);
      // Tried: no payload (the task requires orderId, and the job has no default), an empty orderId,
      // an unknown field, a callbackUrl that is not http(s).
      const attempts: [unknown, Record<string, string[]>][] = [
        [undefined, { payload: ["a payload with orderId is required"] }],
        [{ orderId: " " }, { "payload.orderId": ["orderId is required"] }],
        [{ orderId: "1", extra: true }, { "payload.extra": ['unknown field "extra"'] }],
        [{ orderId: "1", callbackUrl: "ftp://example.com" }, { "payload.callbackUrl": ["callbackUrl must be an http:// or https:// URL"] }],
      ];
      for (const [payload, fieldErrors] of attempts) {
        const attempt = triggerJob(t.db, { id: job.id, payload, source: "manual" }, ada, { now });
        await expect(attempt, JSON.stringify(payload)).rejects.toThrow(ValidationError);
        await expect(attempt).rejects.toMatchObject({ fieldErrors });
      }
      expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(0);
      await expect(triggerJob(t.db, { id: "no-such-job", source: "manual" }, ada, { now })).rejects.toThrow(NotFoundError);
    });

    it("uses the job's default payload when none is given; other kinds take any JSON payload", async () => {
      const task = await createJob(t.db, orderTask("order-default", { orderId: "77" }), ada, options);
      expect(await triggerJob(t.db, { id: task.id, source: "manual" }, bot, { now })).toMatchObject({ payload: null, source: "manual", requestedById: null });
      const http = await createJob(t.db, jobInput("webhook"), ada, options);
      expect((await triggerJob(t.db, { id: http.id, payload: [1, "two"], source: "api" }, ada, { now })).payload).toEqual([1, "two"]);
    });

    it("runs the caller's afterWrite in the run's transaction: when it fails, no run is left", async () => {
      const job = await createJob(t.db, jobInput("hooked"), ada, options);
      const failing = async () => {
        throw new Error("the hook failed");
      };
      await expect(triggerJob(t.db, { id: job.id, source: "api" }, ada, { now, afterWrite: failing })).rejects.toThrow("the hook failed");
      await expect(createJob(t.db, jobInput("never-created"), ada, { ...options, afterWrite: failing })).rejects.toThrow("the hook failed");
      expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(0);
      expect(await t.db.job.count({ where: { name: "never-created" } })).toBe(0);
    });
  });
});

describe.skipIf(!providers.includes("postgresql"))("due notifications on postgresql", () => {
  it("a new schedule, a resume and a run now wake the workers; a pause or an edit of the description doesn't", async () => {
    const t = await freshDatabase("postgresql");
    const listener = new pg.Client({ connectionString: t.url });
    await listener.connect();
    try {
      let heard = 0;
      listener.on("notification", () => (heard += 1));
      await listener.query(`LISTEN ${DUE_CHANNEL}`);
      // Notifications arrive asynchronously: wait for the running total, and give a change that must
      // not notify the time one that did would have taken.
      const heardAfter = async (change: () => Promise<unknown>, total: number) => {
        await change();
        if (total === heard) await new Promise((resolve) => setTimeout(resolve, 300));
        await expect.poll(() => heard).toBe(total);
      };

      let job = await createJob(t.db, jobInput("woken"), bot, options);
      await expect.poll(() => heard).toBe(1);
      await heardAfter(async () => (job = await updateJob(t.db, { id: job.id, version: 1, job: jobInput("woken", { description: "only words" }) }, bot, options)), 1);
      await heardAfter(() => updateJob(t.db, { id: job.id, version: 2, job: jobInput("woken", { trigger: { type: "cron", expression: "* * * * *" } }) }, bot, options), 2);
      await heardAfter(() => pauseJob(t.db, { id: job.id }, bot, { now }), 2);
      await heardAfter(() => resumeJob(t.db, { id: job.id }, bot, { now: later(5) }), 3);
      await heardAfter(() => triggerJob(t.db, { id: job.id, source: "api" }, bot, { now }), 4);
    } finally {
      await listener.end();
      await t.drop();
    }
  });
});
