// Task jobs with real worker processes on a real database: retention keeps exactly what it promises,
// the daily report counts what happened, the example order task calls back with its payload, and a
// bad payload, an unknown task name or two workers racing to create the system job end as they should.
import { describe, expect, it } from "vitest";
import pino from "pino";
import type { Prisma, RunStatus } from "@/lib/db";
import { ensureSystemJobs } from "@/worker/ensure-system-jobs";
import { createTestJob } from "../support/jobs";
import { expectNothingRunning } from "../support/runs-oracle";
import { providers } from "../support/test-db";
import { eventually, type WorkerProcess } from "../support/worker-process";
import { workerSuite } from "../support/worker-suite";

const FAST_WORKER: Record<string, string> = {
  WORKER_POLL_MS: "100",
  WORKER_LEASE_SECONDS: "5",
  WORKER_HEARTBEAT_SECONDS: "1",
  WORKER_CONCURRENCY: "4",
  LOG_LEVEL: "info",
};

const DAY_MS = 86_400_000;
const FINISHED = { status: { notIn: ["queued", "running"] as RunStatus[] } };
const OFFERED = "example.cancel-unpaid-order, sundial.daily-report, sundial.prune-runs";

/** A job that never comes due during a test (its one slot is a year away): its runs are the test's to insert. */
function idleJob(name: string, kind: "task" | "http", config: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { name, kind, config, trigger: { type: "date", runAt: new Date(Date.now() + 365 * DAY_MS).toISOString() }, ...extra };
}

describe.concurrent.each(providers)("%s", (provider) => {
  const suite = workerSuite(provider, FAST_WORKER);
  const { start, stop } = suite.pool;
  /** "Run this task job now": a queued manual run, as the dashboard's Run now button will insert. */
  const runNow = (jobId: string, payload?: Prisma.InputJsonValue) =>
    suite.t.db.run.create({ data: { jobId, source: "manual", scheduledFor: new Date(), payload } });
  const waitForEnd = (runId: string, timeoutMs = 15_000) =>
    eventually(async () => (await suite.t.db.run.findFirst({ where: { id: runId, ...FINISHED } })) ?? undefined, timeoutMs, `run ${runId} to finish`);
  const logOf = async (runId: string) =>
    (await suite.t.db.runLog.findMany({ where: { runId }, orderBy: { seq: "asc" } })).map((line) => [line.stream, line.text]);


  describe.sequential("task jobs", () => {
    it("sundial.prune-runs with { keepDays: 10, keepRuns: 5 }: deletes finished runs older than 10 days or beyond a job's newest 5, per-job retentionDays 100 / 3 and retentionRuns 2 / 8 win, queued and running runs two months old stay, logs go with their runs", async () => {
      const now = Date.now();
      const jobs = {
        plain: await createTestJob(suite.t.db, idleJob("plain", "http", { method: "POST", url: `${suite.recorder.url}/never` })),
        longer: await createTestJob(suite.t.db, idleJob("keeps-100-days", "http", { url: `${suite.recorder.url}/never` })),
        shorter: await createTestJob(suite.t.db, idleJob("keeps-3-days", "http", { url: `${suite.recorder.url}/never` })),
        fewer: await createTestJob(suite.t.db, idleJob("keeps-2-runs", "http", { url: `${suite.recorder.url}/never` })),
        more: await createTestJob(suite.t.db, idleJob("keeps-8-runs", "http", { url: `${suite.recorder.url}/never` })),
      };
      await suite.t.db.job.update({ where: { id: jobs.longer.id }, data: { retentionDays: 100 } });
      await suite.t.db.job.update({ where: { id: jobs.shorter.id }, data: { retentionDays: 3, retentionRuns: 100 } });
      await suite.t.db.job.update({ where: { id: jobs.fewer.id }, data: { retentionRuns: 2 } });
      await suite.t.db.job.update({ where: { id: jobs.more.id }, data: { retentionRuns: 8 } });

      // Run ids name the job and the age in days, so what remains reads as a list of names.
      const rows: Prisma.RunCreateManyInput[] = [];
      const finished = (key: keyof typeof jobs, days: number, status: RunStatus = "succeeded") => {
        const at = new Date(now - days * DAY_MS);
        rows.push({ id: `${key}-${days}d`, jobId: jobs[key].id, source: "schedule", slotAt: at, scheduledFor: at, status, finishedAt: at });
      };
      const statuses: RunStatus[] = ["succeeded", "failed", "missed", "skipped", "timed_out", "canceled", "lost"];
      statuses.forEach((status, i) => finished("plain", i + 1, status));
      finished("plain", 15, "failed");
      finished("plain", 40);
      for (const days of [1, 2, 50, 150]) finished("longer", days);
      for (const days of [1, 2, 5]) finished("shorter", days);
      for (const days of [1, 2, 3, 4, 12]) finished("fewer", days);
      for (const days of [1, 2, 3, 4, 5, 6, 7, 8, 11]) finished("more", days);
      // Two months old, but not finished. With one running (its lease far ahead, so never reaped) and
      // maxInstances 1, the worker leaves the queued manual run waiting its turn.
      const old = (days: number) => new Date(now - days * DAY_MS);
      rows.push({ id: "plain-running-60d", jobId: jobs.plain.id, source: "schedule", slotAt: old(60), scheduledFor: old(60), status: "running", startedAt: old(60), leaseExpiresAt: new Date(now + 3_600_000) });
      rows.push({ id: "plain-queued-61d", jobId: jobs.plain.id, source: "manual", scheduledFor: old(61) });
      await suite.t.db.run.createMany({ data: rows });
      const line = (runId: string, seq: number) => ({ runId, seq, stream: "stdout" as const, text: `${runId} line ${seq}` });
      await suite.t.db.runLog.createMany({
        data: [line("plain-40d", 1), line("plain-40d", 2), line("plain-40d", 3), line("plain-7d", 1), line("plain-7d", 2), line("plain-1d", 1), line("plain-1d", 2), line("plain-running-60d", 1)],
      });

      const pruneJob = await createTestJob(suite.t.db, idleJob("prune-now", "task", { task: "sundial.prune-runs", payload: { keepDays: 10, keepRuns: 5 } }));
      const pruneRun = await runNow(pruneJob.id);
      const worker = start();
      const ended = await waitForEnd(pruneRun.id);
      await stop(worker);

      expect(ended.errorMessage).toBeNull();
      expect(ended.status).toBe("succeeded");
      expect(ended.outputSummary).toBe(
        "deleted 10 runs (6 past their age limit, 4 beyond their job's run limit) and 5 log lines; limits 10 days, 5 runs per job; 4 job(s) with their own limits",
      );
      const remaining = async (key: keyof typeof jobs) =>
        (await suite.t.db.run.findMany({ where: { jobId: jobs[key].id }, orderBy: { scheduledFor: "desc" }, select: { id: true } })).map((run) => run.id);
      // keepDays 10 took 15d and 40d; keepRuns 5 then took 6d (canceled) and 7d (lost). Queued and running stay.
      expect(await remaining("plain")).toEqual(["plain-1d", "plain-2d", "plain-3d", "plain-4d", "plain-5d", "plain-running-60d", "plain-queued-61d"]);
      // retentionDays 100 beats keepDays 10: only 150d goes.
      expect(await remaining("longer")).toEqual(["longer-1d", "longer-2d", "longer-50d"]);
      // retentionDays 3 beats keepDays 10 the other way.
      expect(await remaining("shorter")).toEqual(["shorter-1d", "shorter-2d"]);
      // retentionRuns 2 beats keepRuns 5; keepDays 10 still takes 12d.
      expect(await remaining("fewer")).toEqual(["fewer-1d", "fewer-2d"]);
      // retentionRuns 8 beats keepRuns 5: eight stay, 11d goes by age.
      expect(await remaining("more")).toEqual(["more-1d", "more-2d", "more-3d", "more-4d", "more-5d", "more-6d", "more-7d", "more-8d"]);
      expect(await suite.t.db.run.findUniqueOrThrow({ where: { id: "plain-queued-61d" } })).toMatchObject({ status: "queued" });

      const logs = await suite.t.db.runLog.findMany({ orderBy: [{ runId: "asc" }, { seq: "asc" }], where: { runId: { not: pruneRun.id } } });
      expect(logs.map((l) => l.text)).toEqual(["plain-1d line 1", "plain-1d line 2", "plain-running-60d line 1"]);
      expect(await logOf(pruneRun.id)).toEqual([
        ["system", "task sundial.prune-runs"],
        ["stdout", "keeping finished runs of the last 10 days, at most 5 per job, unless a job sets its own limits"],
        ["stdout", ended.outputSummary],
      ]);
      // What the test left running itself; nothing else.
      expect(await suite.t.db.run.count({ where: { status: "running" } })).toBe(1);
    });

    it("the built-in sundial.prune-runs job, run with no payload, applies SUNDIAL_RETENTION_DAYS=20 and SUNDIAL_RETENTION_RUNS=3", async () => {
      const job = await createTestJob(suite.t.db, idleJob("chatty", "http", { url: `${suite.recorder.url}/never` }));
      const now = Date.now();
      await suite.t.db.run.createMany({
        data: [1, 2, 3, 4, 25].map((days) => {
          const at = new Date(now - days * DAY_MS);
          return { id: `chatty-${days}d`, jobId: job.id, source: "schedule" as const, slotAt: at, scheduledFor: at, status: "succeeded" as const, finishedAt: at };
        }),
      });
      const worker = start({ SUNDIAL_RETENTION_DAYS: "20", SUNDIAL_RETENTION_RUNS: "3" });
      const system = await eventually(async () => (await suite.t.db.job.findUnique({ where: { name: "sundial.prune-runs" } })) ?? undefined, 15_000, "the built-in job");
      expect(system.config).toEqual({ task: "sundial.prune-runs" });
      const run = await runNow(system.id);
      const ended = await waitForEnd(run.id);
      await stop(worker);

      expect(ended).toMatchObject({
        status: "succeeded",
        outputSummary: "deleted 2 runs (1 past their age limit, 1 beyond their job's run limit) and 0 log lines; limits 20 days, 3 runs per job; 0 job(s) with their own limits",
      });
      const left = await suite.t.db.run.findMany({ where: { jobId: job.id }, orderBy: { scheduledFor: "desc" }, select: { id: true } });
      expect(left.map((r) => r.id)).toEqual(["chatty-1d", "chatty-2d", "chatty-3d"]);
      await expectNothingRunning(suite.t.db);
    });

    it("example.cancel-unpaid-order with { orderId: order-8812, callbackUrl } due in 1 s POSTs { orderId, action: cancel } to the callback and succeeds", async () => {
      const callbackUrl = `${suite.recorder.url}/orders/cancel`;
      const job = await createTestJob(suite.t.db, {
        name: "cancel order-8812",
        kind: "task",
        config: { task: "example.cancel-unpaid-order", payload: { orderId: "order-8812", callbackUrl } },
        trigger: { type: "date", runAt: new Date(Date.now() + 1000).toISOString() },
      });
      const worker = start();
      const run = await eventually(async () => (await suite.t.db.run.findFirst({ where: { jobId: job.id, ...FINISHED } })) ?? undefined, 15_000, "the run to finish");
      await stop(worker);

      expect(run).toMatchObject({ status: "succeeded", source: "schedule", errorMessage: null, outputSummary: `order order-8812 canceled; ${callbackUrl} answered HTTP 200` });
      expect(suite.recorder.hits).toHaveLength(1);
      const [hit] = suite.recorder.hits;
      expect(hit!.path).toBe("/orders/cancel");
      expect(JSON.parse(hit!.body)).toEqual({ orderId: "order-8812", action: "cancel" });
      expect(hit!.runId).toBe(run.id);
      expect(await logOf(run.id)).toEqual([
        ["system", "task example.cancel-unpaid-order"],
        ["stdout", "canceling unpaid order order-8812"],
        ["stdout", `POST ${callbackUrl}`],
        ["stdout", "HTTP 200"],
      ]);
      await expectNothingRunning(suite.t.db);
    });

    it("example.cancel-unpaid-order whose callback answers HTTP 500 fails the run with that status; the run's payload (order-2) replaces the job's (order-1)", async () => {
      suite.recorder.respond((_, response) => {
        response.statusCode = 500;
        response.end("database down");
      });
      const callbackUrl = `${suite.recorder.url}/orders/cancel`;
      const job = await createTestJob(suite.t.db, idleJob("cancel-with-override", "task", { task: "example.cancel-unpaid-order", payload: { orderId: "order-1", callbackUrl } }));
      const run = await runNow(job.id, { orderId: "order-2", callbackUrl });
      const worker = start();
      const ended = await waitForEnd(run.id);
      await stop(worker);

      expect(ended.status).toBe("failed");
      expect(ended.errorMessage).toBe(`the callback for order order-2 answered HTTP 500 (expected 2xx): ${callbackUrl}`);
      expect(ended.errorStack).toContain("cancel-unpaid-order.ts");
      expect(suite.recorder.hits.map((hit) => JSON.parse(hit.body))).toEqual([{ orderId: "order-2", action: "cancel" }]);
      await expectNothingRunning(suite.t.db);
    });

    it("a payload without orderId and with callbackUrl ftp://orders.example/cancel fails the run naming payload.orderId and payload.callbackUrl; nothing is called", async () => {
      const job = await createTestJob(suite.t.db, idleJob("cancel-bad-payload", "task", { task: "example.cancel-unpaid-order" }));
      const run = await runNow(job.id, { callbackUrl: "ftp://orders.example/cancel" });
      const worker = start();
      const ended = await waitForEnd(run.id);
      await stop(worker);

      expect(ended).toMatchObject({
        status: "failed",
        errorMessage:
          'invalid payload for task "example.cancel-unpaid-order": payload.orderId: orderId is required; payload.callbackUrl: callbackUrl must be an http:// or https:// URL',
        errorStack: null,
        outputSummary: null,
      });
      expect(await logOf(run.id)).toEqual([["system", ended.errorMessage]]);
      expect(suite.recorder.hits).toEqual([]);
      await expectNothingRunning(suite.t.db);
    });

    it("an unknown task name billing.refund-everything fails the run, listing the tasks the worker offers", async () => {
      const job = await createTestJob(suite.t.db, idleJob("refund", "task", { task: "billing.refund-everything", payload: { all: true } }));
      const run = await runNow(job.id);
      const worker = start();
      const ended = await waitForEnd(run.id);
      await stop(worker);

      expect(ended).toMatchObject({
        status: "failed",
        errorMessage: `no task named "billing.refund-everything" on this worker; it offers: ${OFFERED}`,
        errorStack: null,
      });
      await expectNothingRunning(suite.t.db);
    });

    it("sundial.daily-report for { day: 2026-01-15 } counts that day's runs per status and names the jobs that failed most (runs of the 14th and 16th left out)", async () => {
      const ids = {
        backup: (await createTestJob(suite.t.db, idleJob("nightly-backup", "http", { url: `${suite.recorder.url}/never` }))).id,
        crm: (await createTestJob(suite.t.db, idleJob("sync-crm", "http", { url: `${suite.recorder.url}/never` }))).id,
        healthy: (await createTestJob(suite.t.db, idleJob("healthy", "http", { url: `${suite.recorder.url}/never` }))).id,
      };
      const rows: Prisma.RunCreateManyInput[] = [];
      let minute = 0;
      const add = (job: keyof typeof ids, status: RunStatus, count: number, day = "2026-01-15") => {
        for (let i = 0; i < count; i += 1) {
          const at = new Date(Date.parse(`${day}T00:00:00Z`) + (minute += 7) * 60_000);
          rows.push({ jobId: ids[job], source: "schedule", slotAt: at, scheduledFor: at, status, finishedAt: at });
        }
      };
      add("backup", "failed", 3);
      add("backup", "timed_out", 1);
      add("backup", "succeeded", 2);
      add("crm", "failed", 1);
      add("crm", "lost", 1);
      add("crm", "succeeded", 5);
      add("healthy", "succeeded", 4);
      add("healthy", "missed", 1);
      add("healthy", "skipped", 1);
      add("healthy", "failed", 9, "2026-01-14");
      add("healthy", "failed", 9, "2026-01-16");
      // Just outside the day on either side.
      rows.push({ jobId: ids.healthy, source: "manual", scheduledFor: new Date("2026-01-14T23:59:59.999Z"), status: "failed" });
      rows.push({ jobId: ids.healthy, source: "manual", scheduledFor: new Date("2026-01-16T00:00:00.000Z"), status: "failed" });
      await suite.t.db.run.createMany({ data: rows });

      const job = await createTestJob(suite.t.db, idleJob("report", "task", { task: "sundial.daily-report", payload: { day: "2026-01-15" } }));
      const run = await runNow(job.id);
      const worker = start();
      const ended = await waitForEnd(run.id);
      await stop(worker);

      const report = [
        "Runs on 2026-01-15 (UTC): 19",
        "  succeeded 11, failed 4, timed_out 1, lost 1, missed 1, skipped 1",
        "Jobs with the most failures:",
        "  nightly-backup: 4 of 6 runs (failed 3, timed_out 1)",
        "  sync-crm: 2 of 7 runs (failed 1, lost 1)",
      ];
      expect(ended).toMatchObject({ status: "succeeded", outputSummary: report.join("\n") });
      expect(await logOf(run.id)).toEqual([["system", "task sundial.daily-report"], ...report.map((text) => ["stdout", text])]);
    });

    it("two workers starting together create the built-in job sundial.prune-runs once (one audit row), and register the tasks they offer", async () => {
      await suite.t.db.job.deleteMany({ where: { name: "sundial.prune-runs" } });
      const pair = [start(), start()];
      const checked = (worker: WorkerProcess) => worker.output().match(/"created":\[[^\]]*\][^\n]*"msg":"built-in jobs checked"/)?.[0];
      const lines = await Promise.all(pair.map((worker) => eventually(async () => checked(worker), 20_000, "the worker to check its built-in jobs")));
      await Promise.all(pair.map(stop));

      // One worker created it; the other found it, or lost the race on the unique name (swallowed).
      expect(lines.filter((line) => line.includes('"created":["sundial.prune-runs"]'))).toHaveLength(1);
      expect(lines.filter((line) => line.includes('"created":[]'))).toHaveLength(1);
      for (const worker of pair) expect(worker.output()).not.toContain("could not create a built-in job");
      const jobs = await suite.t.db.job.findMany({ where: { name: "sundial.prune-runs" }, include: { tags: true } });
      expect(jobs).toHaveLength(1);
      const [job] = jobs;
      expect(job).toMatchObject({ kind: "task", config: { task: "sundial.prune-runs" }, triggerType: "cron", timezone: "UTC", coalesce: "latest", misfireGraceSeconds: null, paused: false });
      expect(job!.trigger).toMatchObject({ expression: "17 3 * * *" });
      expect(job!.tags.map((tag) => tag.tag)).toEqual(["system"]);
      expect(job!.nextRunAt!.toISOString()).toMatch(/T03:17:00\.000Z$/);
      expect(await suite.t.db.auditEvent.count({ where: { action: "job.create", targetId: job!.id } })).toBe(1);
      expect(await suite.t.db.auditEvent.findFirst({ where: { targetId: job!.id } })).toMatchObject({ actorType: "system", actorLabel: "system" });

      const registered = await suite.t.db.worker.findMany({ where: { pid: { in: pair.map((worker) => worker.child.pid!) } } });
      expect(registered).toHaveLength(2);
      for (const row of registered) expect(row.tasks).toEqual(OFFERED.split(", "));
    });

    it("ensureSystemJobs called twice at once, the race of two workers starting together: one creates the job, the other's ConflictError is swallowed", async () => {
      await suite.t.db.job.deleteMany({ where: { name: "sundial.prune-runs" } });
      const lines: string[] = [];
      const log = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
      const results = await Promise.all([ensureSystemJobs(suite.t.db, log), ensureSystemJobs(suite.t.db, log)]);

      expect(results.flat()).toEqual(["sundial.prune-runs"]);
      expect(lines.filter((line) => line.includes("could not create"))).toEqual([]);
      expect(await suite.t.db.job.count({ where: { name: "sundial.prune-runs" } })).toBe(1);
    });
  });
});
