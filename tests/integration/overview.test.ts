import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, RunStatus } from "@/lib/db";
import { readOverview } from "@/lib/overview/read-overview";
import { registerWorker, markWorkerStopped } from "@/lib/workers/register-worker";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { workerRegistration } from "../support/workers";

// Fixed instants: the 24-hour chart's first bucket opens at 2026-11-19T11:00Z (the hour of `now`
// minus 23 hours), the 7-day chart's at 2026-11-14T00:00Z, the stat window at 2026-11-19T10:30Z.
const NOW = new Date("2026-11-20T10:30:00.000Z");
const at = (iso: string) => new Date(iso);
const worker = (id: string) => workerRegistration(id);

describe.each(providers)("overview on %s", (provider) => {
  let t: TestDatabase;
  const jobs: Record<string, string> = {};

  const job = async (name: string, paused = false) => {
    const row = await t.db.job.create({
      data: { name, kind: "http", config: { url: "https://example.com" }, triggerType: "cron", trigger: { expression: "0 * * * *" }, paused },
    });
    jobs[name] = row.id;
  };
  const run = (name: string, status: RunStatus, scheduledFor: Date, extra: Omit<Partial<Prisma.RunUncheckedCreateInput>, "jobId"> = {}) =>
    t.db.run.create({ data: { jobId: jobs[name]!, source: "manual", status, scheduledFor, ...extra } });

  beforeAll(async () => {
    t = await freshDatabase(provider);
    for (const name of ["steady", "recovered", "broken", "vanished", "slow", "idle"]) await job(name, name === "slow");
    await job("paused-one", true);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("counts jobs, runs of the last 24 hours by status and workers, with exact window edges", async () => {
    await run("steady", "succeeded", at("2026-11-19T10:30:00.000Z")); // the stat window's first instant: in
    await run("steady", "succeeded", at("2026-11-19T10:29:59.999Z")); // a millisecond before it: out
    await run("steady", "succeeded", NOW); // now itself: in
    await run("steady", "queued", at("2026-11-20T10:30:00.001Z")); // a millisecond after now: out
    await run("steady", "running", at("2026-11-20T10:29:00.000Z"));
    await run("steady", "timed_out", at("2026-11-20T09:00:00.000Z"));
    await run("steady", "succeeded", at("2026-11-20T09:30:00.000Z"));
    await run("steady", "skipped", at("2026-11-20T08:00:00.000Z"), { reason: "max instances reached (1 running)" });
    await registerWorker(t.db, worker("alive"), NOW);
    await registerWorker(t.db, worker("silent"), at("2026-11-20T10:00:00.000Z"));
    await registerWorker(t.db, worker("ancient"), at("2026-11-18T10:00:00.000Z")); // beyond the day the list shows
    await registerWorker(t.db, worker("retired"), at("2026-11-20T10:00:00.000Z"));
    await markWorkerStopped(t.db, "retired", at("2026-11-20T10:00:00.000Z"));

    const overview = await readOverview(t.db, { range: "24h", now: NOW, offlineAfterSeconds: 30 });
    expect(overview.jobs).toEqual({ active: 5, paused: 2 });
    expect(overview.runs24h).toEqual({ queued: 0, running: 1, succeeded: 3, failed: 0, timed_out: 1, missed: 0, skipped: 1, canceled: 0, lost: 0 });
    expect(overview.workers).toEqual({ online: 1, offline: 1 });
  });

  it("buckets runs per UTC hour over 24 hours, edges included, outside the range left out", async () => {
    const overview = await readOverview(t.db, { range: "24h", now: NOW, offlineAfterSeconds: 30 });
    const { buckets } = overview.chart;
    expect(buckets).toHaveLength(24);
    expect(buckets[0]).toMatchObject({ start: "2026-11-19T11:00:00.000Z", end: "2026-11-19T12:00:00.000Z" });
    expect(buckets[23]).toMatchObject({ start: "2026-11-20T10:00:00.000Z", end: "2026-11-20T11:00:00.000Z" });
    // The 10:30 run of the 19th counts in the stat window but lies before the chart's first hour.
    expect(buckets.slice(0, 21).every((b) => Object.keys(b.counts).length === 0)).toBe(true);
    expect(buckets[21]!.counts).toEqual({ skipped: 1 }); // 08:00
    expect(buckets[22]!.counts).toEqual({ timed_out: 1, succeeded: 1 }); // 09:00 and 09:30
    expect(buckets[23]!.counts).toEqual({ running: 1, succeeded: 1 }); // 10:29 and now; not now + 1 ms

    await run("steady", "failed", at("2026-11-19T11:00:00.000Z")); // the first bucket's first instant
    await run("steady", "failed", at("2026-11-19T10:59:59.999Z")); // just before it
    await run("steady", "missed", at("2026-11-20T09:59:59.999Z")); // the end of the 09:00 bucket
    const after = (await readOverview(t.db, { range: "24h", now: NOW, offlineAfterSeconds: 30 })).chart.buckets;
    expect(after[0]!.counts).toEqual({ failed: 1 });
    expect(after[22]!.counts).toEqual({ timed_out: 1, succeeded: 1, missed: 1 });
    expect(after.reduce((sum, b) => sum + Object.values(b.counts).reduce((a, n) => a + n, 0), 0)).toBe(7);
  });

  it("buckets runs per UTC day over 7 days", async () => {
    await run("idle", "succeeded", at("2026-11-14T00:00:00.000Z")); // the first day's first instant
    await run("idle", "succeeded", at("2026-11-13T23:59:59.999Z")); // the day before: out
    await run("vanished", "lost", at("2026-11-16T23:59:59.999Z"), { reason: "worker lost" });
    const { chart } = await readOverview(t.db, { range: "7d", now: NOW, offlineAfterSeconds: 30 });
    expect(chart.range).toBe("7d");
    expect(chart.buckets.map((b) => b.start)).toEqual(["14", "15", "16", "17", "18", "19", "20"].map((d) => `2026-11-${d}T00:00:00.000Z`));
    expect(chart.buckets[0]!.counts).toEqual({ succeeded: 1 });
    expect(chart.buckets[1]!.counts).toEqual({});
    expect(chart.buckets[2]!.counts).toEqual({ lost: 1 });
    // The 19th: 10:29:59.999 (steady), 10:30 (steady), 10:59:59.999 and 11:00 (failed).
    expect(chart.buckets[5]!.counts).toEqual({ succeeded: 2, failed: 2 });
    expect(chart.buckets[6]!.counts).toEqual({ running: 1, succeeded: 2, timed_out: 1, skipped: 1, missed: 1 });
  });

  it("lists jobs whose latest outcome is a failure, newest first, and the misfires of the last 24 hours", async () => {
    // recovered: failed, then succeeded: fine now.
    await run("recovered", "failed", at("2026-11-20T07:00:00.000Z"), { finishedAt: at("2026-11-20T07:00:01.000Z"), errorMessage: "HTTP 503" });
    await run("recovered", "succeeded", at("2026-11-20T08:00:00.000Z"), { finishedAt: at("2026-11-20T08:00:01.000Z") });
    // broken: succeeded, then failed; the skipped and canceled runs after it say nothing about the job.
    await run("broken", "succeeded", at("2026-11-10T07:00:00.000Z"), { finishedAt: at("2026-11-10T07:00:01.000Z") });
    const broken = await run("broken", "failed", at("2026-11-20T06:00:00.000Z"), { finishedAt: at("2026-11-20T06:00:02.000Z"), errorMessage: "HTTP 500; accepted: 200-299", httpStatus: 500 });
    await run("broken", "skipped", at("2026-11-20T06:30:00.000Z"), { reason: "coalesced into the 07:00 run" });
    await run("broken", "canceled", at("2026-11-20T06:40:00.000Z"));
    // vanished: its worker died; an old failure long ago still counts when it is the latest outcome.
    const vanished = await run("vanished", "lost", at("2026-11-20T05:00:00.000Z"), { finishedAt: at("2026-11-20T05:10:00.000Z"), reason: "worker lost" });
    const slow = await run("slow", "timed_out", at("2026-10-01T00:00:00.000Z"), { finishedAt: at("2026-10-01T00:01:00.000Z"), errorMessage: "timed out after 60 s" });
    // Misfires: two in the window, one 25 hours ago.
    const missedRecent = await run("idle", "missed", at("2026-11-20T10:00:00.000Z"), { finishedAt: at("2026-11-20T10:02:00.000Z"), reason: "started too late (grace 60 s)" });
    await run("idle", "missed", at("2026-11-19T09:30:00.000Z"), { reason: "too old" });

    const overview = await readOverview(t.db, { range: "24h", now: NOW, offlineAfterSeconds: 30 });
    // "steady" failed at 11:00 on the 19th but its latest outcome (now) succeeded.
    expect(overview.failing.total).toBe(3);
    expect(overview.failing.items.map((i) => [i.jobName, i.status, i.runId])).toEqual([
      ["broken", "failed", broken.id],
      ["vanished", "lost", vanished.id],
      ["slow", "timed_out", slow.id],
    ]);
    expect(overview.failing.items[0]).toMatchObject({ jobId: jobs.broken, jobPaused: false, message: "HTTP 500; accepted: 200-299", at: "2026-11-20T06:00:02.000Z" });
    expect(overview.failing.items[1]).toMatchObject({ message: "worker lost", at: "2026-11-20T05:10:00.000Z" });
    expect(overview.failing.items[2]).toMatchObject({ jobPaused: true, message: "timed out after 60 s" });

    // The 09:59:59.999 miss of "steady" and the 10:00 miss of "idle"; the one of 09:30 on the 19th is out.
    expect(overview.misfires.total).toBe(2);
    expect(overview.misfires.items[0]).toMatchObject({ runId: missedRecent.id, jobName: "idle", status: "missed", scheduledFor: "2026-11-20T10:00:00.000Z", message: "started too late (grace 60 s)" });
    expect(overview.misfires.items[1]).toMatchObject({ jobName: "steady", scheduledFor: "2026-11-20T09:59:59.999Z" });
    expect(overview.runs24h.missed).toBe(2);
  });

  it("keeps the lists to their limit while counting them all", async () => {
    for (let i = 0; i < 12; i++) {
      await job(`flaky-${i}`);
      await run(`flaky-${i}`, "failed", at(`2026-11-20T04:${String(i).padStart(2, "0")}:00.000Z`), { errorMessage: `boom ${i}` });
    }
    const overview = await readOverview(t.db, { range: "24h", now: NOW, offlineAfterSeconds: 30 });
    expect(overview.failing.total).toBe(15);
    expect(overview.failing.items).toHaveLength(10);
    // Newest first: broken (06:00), vanished (05:10), then the flaky ones (04:11 down); slow (October) is past the limit.
    expect(overview.failing.items.map((i) => i.jobName)).toEqual(["broken", "vanished", ...[11, 10, 9, 8, 7, 6, 5, 4].map((i) => `flaky-${i}`)]);
  });
});
