// Reading and canceling runs, and the job list's filters: what the API's run and job routes call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunStatus } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { SYSTEM_ACTOR, type Actor } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import { pauseJob } from "@/lib/jobs/pause-job";
import { listJobs } from "@/lib/jobs/read";
import { cancelRun } from "@/lib/runs/cancel-run";
import { getRun, listRunLogs, listRuns } from "@/lib/runs/read";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const now = new Date("2026-12-01T10:00:00.000Z");
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
const ada: Actor = { type: "user", id: "user-ada", label: "ada@example.com" };

describe.each(providers)("run services on %s", (provider) => {
  let t: TestDatabase;
  let alpha: string;
  let beta: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    await t.db.user.create({ data: { id: ada.id!, name: "Ada", email: ada.label, role: "operator" } });
    const job = (name: string, extra: Record<string, unknown>) =>
      createJob(t.db, { name, trigger: { type: "cron", expression: "0 * * * *", timezone: "UTC" }, ...extra }, SYSTEM_ACTOR, { now, defaultTimezone: "UTC" });
    alpha = (await job("Alpha Billing", { kind: "http", config: { url: "https://example.com/a" }, tags: ["billing"] })).id;
    beta = (await job("beta-report", { kind: "task", config: { task: "sundial.daily-report" }, tags: ["reports"] })).id;
    await job("gamma", { kind: "http", config: { url: "https://example.com/g" }, tags: ["billing", "reports"] });
    await pauseJob(t.db, { id: beta }, ada, { now });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const run = (jobId: string, minutes: number, status: RunStatus, extra: Record<string, unknown> = {}) =>
    t.db.run.create({ data: { jobId, scheduledFor: at(minutes), source: "schedule", slotAt: at(minutes), status, ...extra } });

  describe("cancelRun", () => {
    it("cancels a queued run at once and asks the worker to stop a running one", async () => {
      const queued = await run(alpha, 1000, "queued", { slotAt: null, source: "manual" });
      const canceled = await cancelRun(t.db, { id: queued.id }, ada, { now });
      expect(canceled).toMatchObject({ status: "canceled", finishedAt: now.toISOString(), cancelRequestedAt: now.toISOString(), reason: "canceled by ada@example.com before it started" });
      // Again: nothing changes, and no second audit row.
      expect(await cancelRun(t.db, { id: queued.id }, ada, { now: at(1) })).toEqual(canceled);

      const running = await run(alpha, 1001, "running", { slotAt: null, source: "api", claimToken: "claim-1", workerId: null, startedAt: now });
      const requested = await cancelRun(t.db, { id: running.id }, ada, { now });
      expect(requested).toMatchObject({ status: "running", cancelRequestedAt: now.toISOString(), finishedAt: null });
      // The worker's claim is untouched: only it may record how the run ends.
      expect((await t.db.run.findUniqueOrThrow({ where: { id: running.id } })).claimToken).toBe("claim-1");

      const audits = await t.db.auditEvent.findMany({ where: { action: "run.cancel" } });
      expect(audits.map((a) => a.targetId).sort()).toEqual([queued.id, running.id].sort());
      expect(audits.find((a) => a.targetId === queued.id)!.before).toMatchObject({ status: "queued" });
    });

    it("refuses a run that already ended, and an unknown id", async () => {
      const done = await run(alpha, 1002, "succeeded", { slotAt: null, source: "manual" });
      await expect(cancelRun(t.db, { id: done.id }, ada, { now })).rejects.toThrow(ConflictError);
      await expect(cancelRun(t.db, { id: done.id }, ada, { now })).rejects.toThrow("The run has already ended (succeeded)");
      await expect(cancelRun(t.db, { id: "no-such-run" }, ada, { now })).rejects.toThrow(NotFoundError);
    });
  });

  describe("listRuns", () => {
    it("filters by status, job, source and time, newest first, in pages that don't skip or repeat", async () => {
      await t.db.run.deleteMany({});
      const statuses: RunStatus[] = ["succeeded", "failed", "timed_out", "succeeded", "missed", "failed"];
      for (const [i, status] of statuses.entries()) await run(alpha, i * 10, status);
      await run(beta, 5, "failed");
      // Three runs at one instant: the page boundary falls between them.
      await t.db.run.createMany({ data: [1, 2, 3].map(() => ({ jobId: beta, scheduledFor: at(100), source: "manual" as const, status: "queued" as const })) });

      const all = await listRuns(t.db, {});
      const times = all.items.map((r) => r.scheduledFor);
      expect(times).toEqual([...times].sort().reverse());
      expect(all.items).toHaveLength(10);
      expect(all.nextCursor).toBeNull();

      const failedOfAlpha = await listRuns(t.db, { status: ["failed", "timed_out"], jobId: alpha });
      expect(failedOfAlpha.items.map((r) => [r.status, r.scheduledFor])).toEqual([
        ["failed", at(50).toISOString()],
        ["timed_out", at(20).toISOString()],
        ["failed", at(10).toISOString()],
      ]);
      expect(failedOfAlpha.items[0]).toMatchObject({ jobName: "Alpha Billing", jobId: alpha });
      expect((await listRuns(t.db, { source: "manual" })).items).toHaveLength(3);
      // from is inclusive, to exclusive.
      expect((await listRuns(t.db, { from: at(10), to: at(30) })).items.map((r) => r.scheduledFor)).toEqual([at(20).toISOString(), at(10).toISOString()]);

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await listRuns(t.db, { limit: 2, cursor });
        seen.push(...page.items.map((r) => r.id));
        cursor = page.nextCursor ?? undefined;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(5);
      expect(seen).toEqual(all.items.map((r) => r.id));

      // Tried: a cursor that is not one this API gave out.
      await expect(listRuns(t.db, { cursor: "bm90LWEtY3Vyc29y" })).rejects.toThrow(ValidationError);
    });
  });

  describe("getRun and listRunLogs", () => {
    it("shows a run with its whole retry chain", async () => {
      const first = await run(alpha, 2000, "failed", { attempt: 1, errorStack: "Error: boom\n    at somewhere" });
      const second = await t.db.run.create({ data: { jobId: alpha, scheduledFor: at(2001), source: "retry", status: "failed", attempt: 2, retryOfId: first.id } });
      const third = await t.db.run.create({ data: { jobId: alpha, scheduledFor: at(2002), source: "retry", status: "succeeded", attempt: 3, retryOfId: second.id } });

      const detail = await getRun(t.db, second.id);
      expect(detail).toMatchObject({ id: second.id, attempt: 2, retryOfId: first.id, jobName: "Alpha Billing" });
      expect(detail.retryChain.map((r) => [r.id, r.attempt])).toEqual([
        [first.id, 1],
        [second.id, 2],
        [third.id, 3],
      ]);
      expect((await getRun(t.db, first.id)).errorStack).toContain("boom");
      expect(detail).not.toHaveProperty("claimToken");
      await expect(getRun(t.db, "no-such-run")).rejects.toThrow(NotFoundError);
    });

    it("pages a run's log by sequence and says when there is nothing more to come", async () => {
      const running = await run(alpha, 3000, "running");
      await t.db.runLog.createMany({ data: [1, 2, 3, 4, 5].map((seq) => ({ runId: running.id, seq, stream: seq === 4 ? ("stderr" as const) : ("stdout" as const), text: `line ${seq}` })) });

      const first = await listRunLogs(t.db, running.id, { limit: 3 });
      expect(first.items.map((l) => l.seq)).toEqual([1, 2, 3]);
      expect(first).toMatchObject({ nextAfterSeq: 3, complete: false });
      const rest = await listRunLogs(t.db, running.id, { afterSeq: first.nextAfterSeq, limit: 3 });
      expect(rest.items.map((l) => [l.seq, l.stream, l.text])).toEqual([
        [4, "stderr", "line 4"],
        [5, "stdout", "line 5"],
      ]);
      // Still running: more may come.
      expect(rest).toMatchObject({ nextAfterSeq: 5, complete: false });
      await t.db.run.update({ where: { id: running.id }, data: { status: "succeeded" } });
      expect(await listRunLogs(t.db, running.id, { afterSeq: 5 })).toMatchObject({ items: [], nextAfterSeq: 5, complete: true });
      await expect(listRunLogs(t.db, "no-such-run")).rejects.toThrow(NotFoundError);
    });
  });

  describe("listJobs", () => {
    it("filters by name (any case), status, kind and tag, and sorts", async () => {
      const names = async (filters: Parameters<typeof listJobs>[1]) => (await listJobs(t.db, filters)).items.map((j) => j.name);
      expect(await names({ q: "BILL" })).toEqual(["Alpha Billing"]);
      expect(await names({ status: "paused" })).toEqual(["beta-report"]);
      expect(await names({ status: "active" })).toEqual(["Alpha Billing", "gamma"]);
      expect(await names({ kind: "task" })).toEqual(["beta-report"]);
      expect(await names({ tag: "billing", sort: "-name" })).toEqual(["gamma", "Alpha Billing"]);
      const page = await listJobs(t.db, { tag: "reports", pageSize: 1, page: 2 });
      expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(page.items.map((j) => j.name)).toEqual(["gamma"]);
    });
  });
});
