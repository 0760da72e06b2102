// What the job page's banners and "mark lost" rest on: which running runs are stuck, whether max
// instances will skip the next slot, and marking a stuck run lost (refusals, retry, audit).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/jobs/actor";
import { getJobHealth } from "@/lib/jobs/job-health";
import { countJobRuns } from "@/lib/jobs/job-run-counts";
import { pauseJob } from "@/lib/jobs/pause-job";
import { markRunLost } from "@/lib/runs/mark-run-lost";
import { reapExpiredRuns } from "@/lib/runs/reap-expired";
import { createTestJob } from "../support/jobs";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const now = new Date("2026-12-01T10:00:00.000Z");
const seconds = (s: number) => new Date(now.getTime() + s * 1000);
const ada: Actor = { type: "user", id: "user-ada", label: "ada@example.com" };
const bot: Actor = { type: "token", id: "token-bot", label: "deploy bot" };
const OFFLINE_AFTER = 30;
const options = { now, offlineAfterSeconds: OFFLINE_AFTER };

describe.each(providers)("job health and mark lost on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    await t.db.user.create({ data: { id: ada.id!, name: "Ada", email: ada.label, role: "operator" } });
    // One worker online (heartbeat 5 s ago), one that went silent two minutes ago, one that shut down.
    await t.db.worker.createMany({
      data: [
        { id: "w-online", host: "a", pid: 1, version: "t", capacity: 4, lastHeartbeatAt: seconds(-5) },
        { id: "w-silent", host: "b", pid: 2, version: "t", capacity: 4, lastHeartbeatAt: seconds(-120) },
        { id: "w-stopped", host: "c", pid: 3, version: "t", capacity: 4, lastHeartbeatAt: seconds(-10), stoppedAt: seconds(-10) },
      ],
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const job = (name: string, extra: Record<string, unknown> = {}) =>
    createTestJob(t.db, { name, kind: "http", config: { url: "https://example.com/hook" }, trigger: { type: "cron", expression: "*/5 * * * *", timezone: "UTC" }, ...extra }, now);

  const running = (jobId: string, workerId: string, leaseExpiresAt: Date, extra: Partial<Prisma.RunUncheckedCreateInput> = {}) =>
    t.db.run.create({
      data: { jobId, source: "manual", scheduledFor: seconds(-60), status: "running", workerId, claimToken: `claim-${workerId}`, leaseExpiresAt, startedAt: seconds(-60), ...extra },
    });

  describe("getJobHealth", () => {
    it("lists as stuck only the running runs whose lease expired or whose worker is offline or stopped", async () => {
      const { id } = await job("health-stuck", { maxInstances: 5 });
      const live = await running(id, "w-online", seconds(20));
      const expired = await running(id, "w-online", seconds(-1));
      const silent = await running(id, "w-silent", seconds(20));
      const stopped = await running(id, "w-stopped", seconds(20));
      await t.db.run.create({ data: { jobId: id, source: "manual", scheduledFor: now, status: "queued" } });

      const health = await getJobHealth(t.db, id, options);
      expect(health.runningRuns).toBe(4);
      expect(health.maxInstances).toBe(5);
      expect(health.nextSlotWillSkip).toBe(false);
      const reasons = Object.fromEntries(health.stuckRuns.map((run) => [run.id, run.reason]));
      expect(Object.keys(reasons).sort()).toEqual([expired.id, silent.id, stopped.id].sort());
      expect(reasons[live.id]).toBeUndefined();
      expect(reasons[expired.id]).toBe(`worker w-online stopped renewing the lease, which expired at ${seconds(-1).toISOString()}`);
      expect(reasons[silent.id]).toBe(`worker w-silent is offline: its last heartbeat was at ${seconds(-120).toISOString()}`);
      expect(reasons[stopped.id]).toBe(`worker w-stopped shut down at ${seconds(-10).toISOString()}`);
    });

    it("says the next slot will skip once running runs reach max instances, unless the job is paused", async () => {
      const { id } = await job("health-max-instances", { maxInstances: 2 });
      await running(id, "w-online", seconds(20));
      expect(await getJobHealth(t.db, id, options)).toMatchObject({ runningRuns: 1, nextSlotWillSkip: false, stuckRuns: [] });
      await running(id, "w-online", seconds(20));
      const full = await getJobHealth(t.db, id, options);
      expect(full).toMatchObject({ runningRuns: 2, maxInstances: 2, nextSlotWillSkip: true, pausedBy: null });
      expect(full.nextRunAt).toBe("2026-12-01T10:00:00.000Z");

      // Paused: no slot comes due, so none will be skipped; who paused it is named (a token too).
      await pauseJob(t.db, { id, note: "deploy" }, bot, { now });
      expect(await getJobHealth(t.db, id, options)).toMatchObject({ nextSlotWillSkip: false, pausedBy: "deploy bot" });
      await expect(getJobHealth(t.db, "no-such-job", options)).rejects.toThrow(NotFoundError);
    });
  });

  describe("markRunLost", () => {
    it("refuses a run its online worker still holds, a run that is not running, and an unknown id", async () => {
      const { id } = await job("lost-refusals");
      const live = await running(id, "w-online", seconds(20));
      // Tried: a live lease on an online worker.
      await expect(markRunLost(t.db, { id: live.id }, ada, options)).rejects.toThrow(ConflictError);
      await expect(markRunLost(t.db, { id: live.id }, ada, options)).rejects.toThrow(
        `The run is still being executed: worker w-online is online and holds its lease until ${seconds(20).toISOString()}. Cancel it instead`,
      );
      // Tried: runs that already ended or never started.
      const done = await t.db.run.create({ data: { jobId: id, source: "manual", scheduledFor: now, status: "succeeded" } });
      await expect(markRunLost(t.db, { id: done.id }, ada, options)).rejects.toThrow("Only a running run can be marked lost; this one is succeeded");
      const queued = await t.db.run.create({ data: { jobId: id, source: "manual", scheduledFor: now, status: "queued" } });
      await expect(markRunLost(t.db, { id: queued.id }, ada, options)).rejects.toThrow("this one is queued");
      await expect(markRunLost(t.db, { id: "no-such-run" }, ada, options)).rejects.toThrow(NotFoundError);

      expect((await t.db.run.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("running");
      expect(await t.db.auditEvent.count({ where: { action: "run.mark-lost" } })).toBe(0);
    });

    it("marks a run of an offline worker lost, fences the worker off, queues the retry and audits it", async () => {
      const { id } = await job("lost-with-retry", { retry: { maxAttempts: 3, backoffSeconds: 10, maxBackoffSeconds: 60 } });
      const payload = { orderId: "8812" };
      const stuck = await running(id, "w-silent", seconds(20), { payload });

      const { run, retryId } = await markRunLost(t.db, { id: stuck.id }, ada, options);
      expect(run).toMatchObject({ id: stuck.id, status: "lost", finishedAt: now.toISOString() });
      expect(run.reason).toBe(`marked lost by ada@example.com: worker w-silent is offline: its last heartbeat was at ${seconds(-120).toISOString()}`);
      const row = await t.db.run.findUniqueOrThrow({ where: { id: stuck.id } });
      expect(row.claimToken).toBeNull();
      expect(row.leaseExpiresAt).toBeNull();

      // The retry policy applies as when the reaper finds a lost run: attempt 2, after the backoff.
      expect(retryId).not.toBeNull();
      const retry = await t.db.run.findUniqueOrThrow({ where: { id: retryId! } });
      expect(retry).toMatchObject({ source: "retry", status: "queued", attempt: 2, retryOfId: stuck.id, payload });
      expect(retry.scheduledFor.getTime() - now.getTime()).toBeGreaterThanOrEqual(10_000);
      expect(retry.scheduledFor.getTime() - now.getTime()).toBeLessThanOrEqual(12_000);

      const audit = await t.db.auditEvent.findFirstOrThrow({ where: { action: "run.mark-lost", targetId: stuck.id } });
      expect(audit).toMatchObject({ actorType: "user", actorId: ada.id, actorLabel: ada.label, targetType: "run" });
      expect(audit.before).toMatchObject({ status: "running", workerId: "w-silent" });
      expect(audit.after).toMatchObject({ status: "lost", retryId });

      // Marked once: a second try finds it no longer running.
      await expect(markRunLost(t.db, { id: stuck.id }, ada, options)).rejects.toThrow("this one is lost");
    });

    it("marks a run with an expired lease lost without a retry when the job has none left", async () => {
      const { id } = await job("lost-no-retry");
      const stuck = await running(id, "w-online", seconds(-5), { attempt: 1 });
      const { run, retryId } = await markRunLost(t.db, { id: stuck.id }, bot, options);
      expect(run.status).toBe("lost");
      expect(run.reason).toBe(`marked lost by deploy bot: worker w-online stopped renewing the lease, which expired at ${seconds(-5).toISOString()}`);
      expect(retryId).toBeNull();
      expect(await t.db.run.count({ where: { jobId: id } })).toBe(1);
      expect((await getJobHealth(t.db, id, options)).stuckRuns).toEqual([]);
    });

    it("leaves the reaper's behaviour as it was: expired leases end lost and are retried by policy", async () => {
      const { id } = await job("reaped", { retry: { maxAttempts: 2, backoffSeconds: 1, maxBackoffSeconds: 1 } });
      const stuck = await running(id, "w-online", seconds(-1));
      expect(await reapExpiredRuns(t.db, now)).toContainEqual({ id: stuck.id, jobId: id, workerId: "w-online" });
      const row = await t.db.run.findUniqueOrThrow({ where: { id: stuck.id } });
      expect(row).toMatchObject({ status: "lost", claimToken: null, reason: `worker lost: w-online stopped renewing the lease, which expired at ${seconds(-1).toISOString()}` });
      expect(await t.db.run.count({ where: { retryOfId: stuck.id, attempt: 2 } })).toBe(1);
    });
  });

  describe("countJobRuns", () => {
    it("counts the runs and log lines deleting the job would delete", async () => {
      const { id } = await job("counted");
      const first = await t.db.run.create({ data: { jobId: id, source: "manual", scheduledFor: now, status: "succeeded" } });
      await t.db.run.create({ data: { jobId: id, source: "manual", scheduledFor: seconds(1), status: "missed" } });
      await t.db.runLog.createMany({ data: [1, 2, 3].map((seq) => ({ runId: first.id, seq, stream: "stdout" as const, text: `line ${seq}` })) });
      expect(await countJobRuns(t.db, id)).toEqual({ runs: 2, logLines: 3 });
      await expect(countJobRuns(t.db, "no-such-job")).rejects.toThrow(NotFoundError);
    });
  });
});
