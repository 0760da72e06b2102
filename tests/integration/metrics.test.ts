import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, RunSource } from "@/lib/db";
import { collectMetrics } from "@/lib/metrics/collect-metrics";
import { uuidV7Floor } from "@/lib/metrics/recent-runs";
import { renderMetrics } from "@/lib/metrics/render-metrics";
import { registerWorker } from "@/lib/workers/register-worker";
import { parsePrometheusText, seriesKey } from "../support/prometheus-text";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { workerRegistration } from "../support/workers";

const worker = (id: string) => workerRegistration(id);
const ago = (ms: number) => new Date(Date.now() - ms);

describe.each(providers)("metrics on %s", (provider) => {
  let t: TestDatabase;
  let jobId: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    const job = await t.db.job.create({
      data: { name: "metered", kind: "http", config: { url: "https://example.com" }, triggerType: "cron", trigger: { expression: "* * * * *" } },
    });
    jobId = job.id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** Every sample of one scrape, through the same text Prometheus would read. */
  async function scrape(): Promise<(name: string, labels?: Record<string, string>) => number> {
    const { samples } = parsePrometheusText(await renderMetrics(await collectMetrics(t.db, { offlineAfterSeconds: 30 })));
    return (name, labels) => {
      const value = samples.get(seriesKey(name, labels));
      if (value === undefined) throw new Error(`no series ${seriesKey(name, labels)}`);
      return value;
    };
  }
  const addRun = (data: Omit<Prisma.RunUncheckedCreateInput, "jobId" | "source"> & { source?: RunSource }) => t.db.run.create({ data: { jobId, source: "manual", ...data } });

  it("moves runs by status, due-unclaimed, lateness and duration as a run is queued, claimed and finished", async () => {
    const before = await scrape();
    const run = await addRun({ scheduledFor: ago(10_000), status: "queued" });
    await addRun({ scheduledFor: new Date(Date.now() + 60_000), status: "queued" });

    const queued = await scrape();
    expect(queued("sundial_runs", { status: "queued" })).toBe(before("sundial_runs", { status: "queued" }) + 2);
    // Only the run whose time has come is due; the one a minute ahead is not.
    expect(queued("sundial_runs_due_unclaimed")).toBe(1);
    expect(queued("sundial_runs_due_unclaimed_oldest_wait_seconds")).toBeGreaterThanOrEqual(10);

    await t.db.run.update({ where: { id: run.id }, data: { status: "running", startedAt: new Date(), latenessMs: 1_500 } });
    const running = await scrape();
    expect(running("sundial_runs_due_unclaimed")).toBe(0);
    expect(running("sundial_runs_due_unclaimed_oldest_wait_seconds")).toBe(0);
    expect(running("sundial_runs", { status: "running" })).toBe(1);
    expect(running("sundial_run_lateness_recent_seconds", { le: "1" })).toBe(before("sundial_run_lateness_recent_seconds", { le: "1" }));
    expect(running("sundial_run_lateness_recent_seconds", { le: "2" })).toBe(before("sundial_run_lateness_recent_seconds", { le: "2" }) + 1);
    expect(running("sundial_run_lateness_recent_seconds", { le: "+Inf" })).toBe(before("sundial_run_lateness_recent_seconds", { le: "+Inf" }) + 1);

    await t.db.run.update({ where: { id: run.id }, data: { status: "succeeded", finishedAt: new Date(), durationMs: 3_000 } });
    const finished = await scrape();
    expect(finished("sundial_runs", { status: "running" })).toBe(0);
    expect(finished("sundial_runs", { status: "succeeded" })).toBe(before("sundial_runs", { status: "succeeded" }) + 1);
    expect(finished("sundial_run_duration_recent_seconds", { le: "1" })).toBe(0);
    expect(finished("sundial_run_duration_recent_seconds", { le: "5" })).toBe(1);
    expect(finished("sundial_run_duration_recent_seconds", { le: "+Inf" })).toBe(1);
  });

  it("leaves out runs that finished before the window, and runs recorded before the lookback", async () => {
    const before = await scrape();
    // Tried: a run that finished 10 minutes ago (outside the 5-minute window)…
    await addRun({ scheduledFor: ago(660_000), status: "failed", startedAt: ago(650_000), finishedAt: ago(600_000), latenessMs: 10_000, durationMs: 50_000 });
    // …and one recorded two hours ago (its uuid v7 id says so) that claims to have finished just now.
    const oldId = `${uuidV7Floor(ago(7_200_000))}-7abc-8def-0123456789ab`;
    await t.db.run.create({ data: { id: oldId, jobId, source: "manual", scheduledFor: ago(7_200_000), status: "succeeded", startedAt: ago(5_000), finishedAt: new Date(), latenessMs: 100, durationMs: 100 } });
    const after = await scrape();
    expect(after("sundial_runs", { status: "failed" })).toBe(before("sundial_runs", { status: "failed" }) + 1);
    expect(after("sundial_run_duration_recent_seconds", { le: "+Inf" })).toBe(before("sundial_run_duration_recent_seconds", { le: "+Inf" }));
    expect(after("sundial_run_lateness_recent_seconds", { le: "+Inf" })).toBe(before("sundial_run_lateness_recent_seconds", { le: "+Inf" }));
  });

  it("ids minted by the database client follow creation time, as the lookback bound assumes", async () => {
    const floor = uuidV7Floor(new Date(Date.now() - 1));
    const run = await addRun({ scheduledFor: new Date(), status: "canceled", finishedAt: new Date() });
    expect(run.id >= floor).toBe(true);
    expect(run.id < uuidV7Floor(new Date(Date.now() + 1))).toBe(true);
    // The database orders them the same way as JavaScript does (PostgreSQL compares text with its collation).
    const found = await t.db.run.findMany({ where: { id: { gte: floor } }, select: { id: true } });
    expect(found.map((r) => r.id)).toContain(run.id);
    expect(await t.db.run.count({ where: { id: { gte: uuidV7Floor(new Date(Date.now() + 60_000)) } } })).toBe(0);
  });

  it("counts misfires by reason, workers online and jobs active and paused", async () => {
    const before = await scrape();
    // Slots an hour old, recorded just now: how the planner records what an outage made it miss.
    let slot = 0;
    const notRun = (status: "missed" | "skipped", reason: string) => {
      const slotAt = ago(3_600_000 - 1_000 * slot++);
      return addRun({ scheduledFor: slotAt, slotAt, source: "schedule", status, reason, finishedAt: new Date() });
    };
    await notRun("missed", "started too late: 7 min after its time; the misfire grace is 60 s");
    await notRun("missed", "about 420 slots from 2026-11-25T12:00:00Z were due while no worker ran; too many to list one by one");
    await notRun("skipped", "coalesced into the 2026-11-25T12:00:30Z run");
    await notRun("skipped", "coalesced into the 2026-11-25T12:00:31Z run");
    await notRun("skipped", "something new");
    const after = await scrape();
    const moved = (status: string, reason: string) =>
      after("sundial_runs_not_run_recent", { status, reason }) - before("sundial_runs_not_run_recent", { status, reason });
    expect([moved("missed", "late"), moved("missed", "downtime"), moved("skipped", "coalesced"), moved("skipped", "other"), moved("skipped", "max_instances")]).toEqual([1, 1, 2, 1, 0]);
    expect(after("sundial_runs", { status: "missed" })).toBe(before("sundial_runs", { status: "missed" }) + 2);

    await registerWorker(t.db, worker("fresh"), new Date());
    await registerWorker(t.db, worker("stale"), ago(31_000));
    await t.db.job.create({
      data: { name: "held", kind: "http", config: { url: "https://example.com" }, triggerType: "cron", trigger: { expression: "* * * * *" }, paused: true },
    });
    const later = await scrape();
    expect(later("sundial_workers_online")).toBe(before("sundial_workers_online") + 1);
    expect(later("sundial_jobs", { state: "paused" })).toBe(before("sundial_jobs", { state: "paused" }) + 1);
    expect(later("sundial_jobs", { state: "active" })).toBe(before("sundial_jobs", { state: "active" }));
  });
});
