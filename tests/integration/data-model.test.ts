import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

async function createJob(db: Db, name: string) {
  return db.job.create({
    data: {
      name,
      kind: "http",
      config: { method: "GET", url: "https://example.com/ping" },
      triggerType: "cron",
      trigger: { expression: "*/5 * * * *" },
      timezone: "America/New_York",
      nextRunAt: new Date("2026-12-01T10:15:00.123Z"),
    },
  });
}

describe.each(providers)("data model on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("round-trips JSON config and millisecond instants, with the defaults the issues rely on", async () => {
    const job = await createJob(t.db, "round-trip");
    const read = await t.db.job.findUniqueOrThrow({ where: { id: job.id } });
    expect(read.config).toEqual({ method: "GET", url: "https://example.com/ping" });
    expect(read.nextRunAt?.toISOString()).toBe("2026-12-01T10:15:00.123Z");
    expect(read).toMatchObject({
      paused: false,
      coalesce: "latest",
      maxInstances: 1,
      misfireGraceSeconds: 60,
      retryMaxAttempts: 1,
      version: 1,
      jitterSeconds: 0,
    });
    expect(read.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses a second job with the same name", async () => {
    await createJob(t.db, "unique-name");
    await expect(createJob(t.db, "unique-name")).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses to record a schedule slot twice, but allows any number of manual runs", async () => {
    const job = await createJob(t.db, "slots");
    const slotAt = new Date("2026-12-01T10:15:00Z");
    await t.db.run.create({ data: { jobId: job.id, slotAt, scheduledFor: slotAt, source: "schedule" } });
    await expect(
      t.db.run.create({ data: { jobId: job.id, slotAt, scheduledFor: slotAt, source: "schedule" } }),
    ).rejects.toMatchObject({ code: "P2002" });

    await t.db.run.createMany({
      data: [
        { jobId: job.id, scheduledFor: slotAt, source: "manual" },
        { jobId: job.id, scheduledFor: slotAt, source: "api" },
      ],
    });
    expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(3);
  });

  it("links a retry to the run it retries", async () => {
    const job = await createJob(t.db, "retries");
    const first = await t.db.run.create({
      data: { jobId: job.id, scheduledFor: new Date(), source: "manual", status: "failed", reason: "HTTP 500" },
    });
    await t.db.run.create({
      data: { jobId: job.id, scheduledFor: new Date(), source: "retry", attempt: 2, retryOfId: first.id },
    });
    const withRetries = await t.db.run.findUniqueOrThrow({ where: { id: first.id }, include: { retries: true } });
    expect(withRetries.retries.map((r) => r.attempt)).toEqual([2]);
  });

  it("deletes a job's runs, logs and tags with it", async () => {
    const job = await createJob(t.db, "cascade");
    await t.db.jobTag.create({ data: { jobId: job.id, tag: "billing" } });
    const run = await t.db.run.create({ data: { jobId: job.id, scheduledFor: new Date(), source: "manual" } });
    await t.db.runLog.createMany({
      data: [
        { runId: run.id, seq: 1, stream: "stdout", text: "hello" },
        { runId: run.id, seq: 2, stream: "stderr", text: "oops" },
      ],
    });
    await expect(t.db.runLog.create({ data: { runId: run.id, seq: 2, stream: "stdout", text: "dup" } })).rejects.toMatchObject({
      code: "P2002",
    });

    await t.db.job.delete({ where: { id: job.id } });
    expect(await t.db.run.count({ where: { jobId: job.id } })).toBe(0);
    expect(await t.db.runLog.count({ where: { runId: run.id } })).toBe(0);
    expect(await t.db.jobTag.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("keeps a job when the user who created it is deleted", async () => {
    const user = await t.db.user.create({ data: { id: "u1", name: "Ada", email: "ada@example.com", role: "operator" } });
    const job = await t.db.job.create({
      data: {
        name: "owned",
        kind: "task",
        config: { task: "prune-runs" },
        triggerType: "interval",
        trigger: { every: { hours: 1 } },
        createdById: user.id,
      },
    });
    await t.db.user.delete({ where: { id: user.id } });
    expect((await t.db.job.findUniqueOrThrow({ where: { id: job.id } })).createdById).toBeNull();
  });
});
