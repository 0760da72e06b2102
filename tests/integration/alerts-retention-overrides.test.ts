// Per-job retention (issue §6), set through the same job service the API uses: a job's own
// retentionRuns / retentionDays replace the global defaults when the built-in pruning runs, and a
// job that sets neither keeps the defaults.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { updateJob } from "@/lib/jobs/update-job";
import { pruneRuns } from "@/lib/runs/prune-runs";
import { createTestJob } from "../support/jobs";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const DAY_MS = 86_400_000;
const FAR = { type: "date", runAt: new Date(Date.now() + 365 * DAY_MS).toISOString() };

describe.each(providers)("per-job retention on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function jobWithRuns(name: string, retention: Record<string, unknown>, days: number[]) {
    const job = await createTestJob(t.db, { name, kind: "http", config: { url: "http://127.0.0.1:9/never" }, trigger: FAR, ...retention });
    const now = Date.now();
    const rows: Prisma.RunCreateManyInput[] = days.map((d) => {
      const at = new Date(now - d * DAY_MS);
      return { id: `${name}-${d}d`, jobId: job.id, source: "schedule", slotAt: at, scheduledFor: at, status: "succeeded", finishedAt: at };
    });
    await t.db.run.createMany({ data: rows });
    return job;
  }
  const kept = async (jobId: string) =>
    (await t.db.run.findMany({ where: { jobId }, orderBy: { scheduledFor: "desc" }, select: { id: true } })).map((run) => run.id);

  it("keeps each job's own number of runs and days, and the defaults for a job without overrides", async () => {
    const days = [1, 2, 3, 5, 8, 13, 21, 34];
    const fewRuns = await jobWithRuns("few-runs", { retentionRuns: 2 }, days);
    const shortDays = await jobWithRuns("short-days", { retentionDays: 4 }, days);
    const longer = await jobWithRuns("longer", { retentionDays: 60, retentionRuns: 100 }, days);
    const defaults = await jobWithRuns("defaults", {}, days);
    expect(fewRuns).toMatchObject({ retentionRuns: 2, retentionDays: null });

    const result = await pruneRuns(t.db, { defaults: { keepDays: 20, keepRuns: 5 }, now: new Date() });
    expect(result.jobsWithOverrides).toBe(3);
    expect(await kept(fewRuns.id)).toEqual(["few-runs-1d", "few-runs-2d"]);
    expect(await kept(shortDays.id)).toEqual(["short-days-1d", "short-days-2d", "short-days-3d"]);
    expect(await kept(longer.id)).toEqual(days.map((d) => `longer-${d}d`));
    expect(await kept(defaults.id)).toEqual(["defaults-1d", "defaults-2d", "defaults-3d", "defaults-5d", "defaults-8d"]);
  });

  it("clears an override by update (null), after which the default applies again", async () => {
    const job = await jobWithRuns("was-short", { retentionRuns: 1 }, [1, 2, 3]);
    const updated = await updateJob(
      t.db,
      { id: job.id, version: job.version, job: { name: "was-short", kind: "http", config: { url: "http://127.0.0.1:9/never" }, trigger: FAR, retentionRuns: null } },
      SYSTEM_ACTOR,
      { now: new Date(), defaultTimezone: "UTC" },
    );
    expect(updated.retentionRuns).toBeNull();
    await pruneRuns(t.db, { defaults: { keepDays: 30, keepRuns: 10 }, now: new Date() });
    expect(await kept(job.id)).toEqual(["was-short-1d", "was-short-2d", "was-short-3d"]);
  });

  it("refuses retention values out of range, naming the field (tried: 0 runs, 2.5 days, -1 days)", async () => {
    const base = { kind: "http", config: { url: "http://127.0.0.1:9/never" }, trigger: FAR };
    await expect(createTestJob(t.db, { ...base, name: "zero-runs", retentionRuns: 0 })).rejects.toMatchObject({
      fieldErrors: { retentionRuns: ["retentionRuns must be at least 1 (or null for the global setting)"] },
    });
    await expect(createTestJob(t.db, { ...base, name: "fraction", retentionDays: 2.5 })).rejects.toMatchObject({ fieldErrors: { retentionDays: ["retentionDays must be a whole number"] } });
    await expect(createTestJob(t.db, { ...base, name: "negative", retentionDays: -1 })).rejects.toMatchObject({
      fieldErrors: { retentionDays: ["retentionDays must be at least 1 (or null for the global setting)"] },
    });
  });
});
