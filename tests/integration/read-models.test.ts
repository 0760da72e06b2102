import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkHealth } from "@/lib/health";
import { createDb } from "@/lib/db";
import { getJob, listJobs } from "@/lib/jobs/read";
import { listWorkers } from "@/lib/workers/read";
import { markWorkerStopped, recordHeartbeat, registerWorker } from "@/lib/workers/register-worker";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { workerRegistration } from "../support/workers";

const worker = (id: string) => workerRegistration(id, { tasks: ["prune-runs"] });

describe.each(providers)("read models on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("lists workers as online, stopped or offline by heartbeat, with their running runs and their part in alerting", async () => {
    const now = new Date("2026-11-25T12:00:00Z");
    // "muted" started first but doesn't sweep; "dead" started before both but went silent; of the
    // two sweeping workers started together, the first by id evaluates.
    await registerWorker(t.db, workerRegistration("muted", { sweepsAlerts: false }), new Date(now.getTime() - 10_000));
    await recordHeartbeat(t.db, "muted", now);
    await registerWorker(t.db, worker("alive"), now);
    await registerWorker(t.db, worker("second"), now);
    await registerWorker(t.db, worker("dead"), new Date(now.getTime() - 120_000));
    await registerWorker(t.db, worker("gone"), new Date(now.getTime() - 20_000));
    await recordHeartbeat(t.db, "gone", now);
    await markWorkerStopped(t.db, "gone", now);
    const job = await t.db.job.create({
      data: { name: "w", kind: "task", config: { task: "x" }, triggerType: "cron", trigger: { expression: "* * * * *" } },
    });
    await t.db.run.create({ data: { jobId: job.id, scheduledFor: now, source: "manual", status: "running", workerId: "alive" } });

    const listed = await listWorkers(t.db, now, 30);
    const byId = Object.fromEntries(listed.map((w) => [w.id, w]));
    expect(byId.alive).toMatchObject({ state: "online", runningRuns: 1, tasks: ["prune-runs"], alerts: "evaluates" });
    expect(byId.second).toMatchObject({ state: "online", alerts: "delivers" });
    expect(byId.muted).toMatchObject({ state: "online", alerts: "off" });
    expect(byId.dead).toMatchObject({ state: "offline", alerts: null });
    expect(byId.gone).toMatchObject({ state: "stopped", alerts: null });
    expect(await recordHeartbeat(t.db, "nobody", now)).toBe(false);
  });

  it("pages jobs by name with their last run", async () => {
    for (const name of ["c-job", "a-job", "b-job"]) {
      await t.db.job.create({
        data: { name, kind: "http", config: { url: "https://example.com" }, triggerType: "cron", trigger: { expression: "0 * * * *" } },
      });
    }
    const a = await t.db.job.findUniqueOrThrow({ where: { name: "a-job" } });
    await t.db.run.create({ data: { jobId: a.id, scheduledFor: new Date("2026-01-01T00:00:00Z"), source: "schedule", slotAt: new Date("2026-01-01T00:00:00Z"), status: "failed" } });
    await t.db.run.create({ data: { jobId: a.id, scheduledFor: new Date("2026-01-01T01:00:00Z"), source: "schedule", slotAt: new Date("2026-01-01T01:00:00Z"), status: "succeeded" } });

    const first = await listJobs(t.db, { page: 1, pageSize: 2 });
    const jobNames = (await t.db.job.findMany({ select: { name: true }, orderBy: { name: "asc" } })).map((j) => j.name);
    expect(first.total).toBe(jobNames.length);
    expect(first.items.map((j) => j.name)).toEqual(jobNames.slice(0, 2));
    const item = first.items.find((j) => j.name === "a-job")!;
    expect(item).toMatchObject({ schedule: "0 * * * *", scheduleDescription: "Every hour (UTC)", target: "GET https://example.com", lastRun: { status: "succeeded" } });
  });

  it("reads a job whose stored config lacks fields or fails its schema (tried: rows written by hand)", async () => {
    const create = (name: string, config: object) =>
      t.db.job.create({ data: { name, kind: "http", config, triggerType: "cron", trigger: { expression: "0 * * * *" } } });
    // Written before acceptedStatuses and headers existed, say: the schema's defaults fill them in.
    const older = await getJob(t.db, (await create("older-row", { method: "POST", url: "https://example.com/a" })).id);
    expect(older).toMatchObject({ kind: "http", config: { method: "POST", url: "https://example.com/a", headers: [], acceptedStatuses: [200, 201, 202, 204] }, configProblem: null });
    // No URL and a status list that isn't one: shown as stored, with what is wrong.
    const broken = await getJob(t.db, (await create("broken-row", { method: "GET", acceptedStatuses: "200" })).id);
    expect(broken.config).toEqual({ method: "GET", acceptedStatuses: "200", headers: [] });
    expect(broken.configProblem).toBe("url: must be an http:// or https:// URL; acceptedStatuses: Invalid input: expected array, received string");
  });

  it("reports the database and the freshest heartbeat in the health check", async () => {
    const now = new Date();
    await registerWorker(t.db, worker("fresh"), now);
    const report = await checkHealth(t.db, { provider, version: "0.1.0", now: () => now, offlineAfterSeconds: 30 });
    expect(report).toMatchObject({ status: "ok", database: { ok: true, provider }, worker: { online: true, heartbeatAgeSeconds: 0 } });
  });
});

describe("health check with an unreachable database", () => {
  it("says so instead of throwing (tried: PostgreSQL on a closed port)", async () => {
    const db = createDb("postgresql://postgres@127.0.0.1:1/nothing");
    try {
      const report = await checkHealth(db, { provider: "postgresql", version: "0.1.0", now: () => new Date(), offlineAfterSeconds: 30 });
      expect(report.status).toBe("degraded");
      expect(report.database.ok).toBe(false);
      expect(report.database.error).toBe("P1001: Can't reach database server at 127.0.0.1:1");
      expect(report.worker.online).toBe(false);
    } finally {
      await db.$disconnect();
    }
  });
});
