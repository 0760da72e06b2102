// pruneRuns on its own, with batches far smaller than the default: many statements must delete
// exactly what one would, and an abort between batches stops it with what was deleted kept deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { pruneRuns } from "@/lib/runs/prune-runs";
import { createTestJob } from "../support/jobs";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const DAY_MS = 86_400_000;

describe.each(providers)("%s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  async function seed(name: string, days: number[]) {
    const job = await createTestJob(t.db, { name, kind: "http", config: { url: "http://127.0.0.1:9/never" }, trigger: { type: "date", runAt: new Date(Date.now() + 365 * DAY_MS).toISOString() } });
    const now = Date.now();
    const rows: Prisma.RunCreateManyInput[] = days.map((d) => {
      const at = new Date(now - d * DAY_MS);
      return { id: `${name}-${d}d`, jobId: job.id, source: "schedule", slotAt: at, scheduledFor: at, status: "succeeded", finishedAt: at, logLineCount: 1 };
    });
    await t.db.run.createMany({ data: rows });
    await t.db.runLog.createMany({ data: rows.map((row) => ({ runId: row.id!, seq: 1, stream: "stdout" as const, text: "done" })) });
    return { job, now: new Date(now) };
  }
  const idsOf = async (jobId: string) =>
    (await t.db.run.findMany({ where: { jobId }, orderBy: { scheduledFor: "desc" }, select: { id: true } })).map((run) => run.id);

  it("in batches of 2 runs, 23 runs of ages 1–23 days with keepDays 15 and keepRuns 4 leave the newest 4, and their logs only (exactly 15 days old is not older)", async () => {
    const days = Array.from({ length: 23 }, (_, i) => i + 1);
    const { job, now } = await seed("batched", days);
    const result = await pruneRuns(t.db, { defaults: { keepDays: 15, keepRuns: 4 }, now, batchRuns: 2 });

    expect(result).toEqual({ byAge: 8, byCount: 11, logLines: 19, jobsWithOverrides: 0 });
    expect(await idsOf(job.id)).toEqual(["batched-1d", "batched-2d", "batched-3d", "batched-4d"]);
    expect(await t.db.runLog.count({ where: { run: { jobId: job.id } } })).toBe(4);
    await t.db.job.delete({ where: { id: job.id } });
  });

  it("an abort signal already fired (a run's timeout) stops the prune before it deletes anything", async () => {
    const { job } = await seed("aborted", [1, 40, 50]);
    const controller = new AbortController();
    controller.abort(new Error("run aborted: timeout"));
    await expect(pruneRuns(t.db, { defaults: { keepDays: 30, keepRuns: 10 }, now: new Date(), signal: controller.signal })).rejects.toThrow("run aborted: timeout");
    expect(await idsOf(job.id)).toEqual(["aborted-1d", "aborted-40d", "aborted-50d"]);
    await t.db.job.delete({ where: { id: job.id } });
  });
});
