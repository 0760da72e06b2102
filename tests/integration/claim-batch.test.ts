// The engine's two batch steps on their own, against real databases: enqueueDueRuns turns every due
// job of a tick into runs in one transaction, claimRuns claims a whole batch in one. Both must stay
// exact when several clients (separate connections, as separate workers have) race for the same rows.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { claimRuns } from "@/lib/runs/claim-runs";
import { MAX_INSTANCES_SETTLE_MS as SETTLE_MS } from "@/lib/runs/max-instances-settle";
import { databaseClock } from "@/lib/runs/db-clock";
import { enqueueDueRuns } from "@/lib/runs/enqueue-due";
import { registerWorker } from "@/lib/workers/register-worker";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { workerRegistration } from "../support/workers";

const LEASE_MS = 30_000;

describe.each(providers)("%s", (provider) => {
  let t: TestDatabase;
  let others: Db[] = [];
  // Three clients racing. On PostgreSQL, separate clients, so their transactions run on separate
  // connections at once. better-sqlite3 is synchronous: a second connection in this process waiting
  // for the first one's write lock would block the very thread that must release it, so on SQLite the
  // three share one client (which queues its transactions); separate worker processes racing on one
  // SQLite file are the exactly-once worker test's job.
  const racers = () => (provider === "postgresql" ? [t.db, ...others] : [t.db, t.db, t.db]);
  beforeAll(async () => {
    t = await freshDatabase(provider);
    if (provider === "postgresql") others = [createDb(t.url), createDb(t.url)];
    for (const id of ["w1", "w2", "w3"]) {
      await registerWorker(t.db, workerRegistration(id, { host: "test", version: "test", capacity: 1000 }), new Date());
    }
  });
  afterAll(async () => {
    for (const db of others) await db.$disconnect();
    await t?.drop();
  });
  beforeEach(async () => {
    await t.db.job.deleteMany();
  });

  async function perSecondJobs(count: number, start: Date, extra: Record<string, unknown> = {}) {
    const jobs = [];
    for (let i = 0; i < count; i += 1) {
      jobs.push(await createTestJob(t.db, everySecondHttpJob(`job-${i}`, `http://127.0.0.1:9/${i}`, extra), start));
    }
    return jobs;
  }

  it("60 jobs due on the same second become 60 queued runs in one call; a second call finds nothing left to plan", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const jobs = await perSecondJobs(60, start, { coalesce: "latest" });
    const now = start;

    const first = await enqueueDueRuns(t.db, now);
    expect(first).toEqual({ jobs: 60, recorded: 60, failed: [] });
    expect(await enqueueDueRuns(t.db, now)).toEqual({ jobs: 0, recorded: 0, failed: [] });
    const runs = await t.db.run.findMany({ select: { jobId: true, slotAt: true, status: true } });
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => "queued"));
    expect(new Set(runs.map((run) => run.jobId))).toEqual(new Set(jobs.map((job) => job.id)));
    const advanced = await t.db.job.findMany({ select: { nextRunAt: true, lastSlotAt: true } });
    for (const job of advanced) {
      expect(job.nextRunAt!.getTime()).toBe(now.getTime() + 1000);
      expect(job.lastSlotAt!.getTime()).toBe(now.getTime());
    }
  });

  it("three clients enqueuing the same 40 due jobs at once record each slot once", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    await perSecondJobs(40, start, { coalesce: "all", maxInstances: 5 });
    const now = new Date(start.getTime() + 2000);

    const results = await Promise.all(racers().map((db) => enqueueDueRuns(db, now)));
    expect(results.flatMap((r) => r.failed)).toEqual([]);
    expect(results.reduce((sum, r) => sum + r.jobs, 0)).toBe(40);
    expect(results.reduce((sum, r) => sum + r.recorded, 0)).toBe(120);
    expect(await t.db.run.count()).toBe(120);
  });

  it("a job whose stored trigger no longer parses is reported and the other due jobs are still planned", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [broken, ...healthy] = await perSecondJobs(5, start);
    await t.db.job.update({ where: { id: broken!.id }, data: { trigger: { expression: "not a cron" } } });

    const result = await enqueueDueRuns(t.db, new Date(start.getTime() + 1000));
    expect(result.failed.map((f) => f.jobId)).toEqual([broken!.id]);
    expect(result.jobs).toBe(healthy.length);
    expect(await t.db.run.count({ where: { jobId: broken!.id } })).toBe(0);
  });

  it("one batch holds max instances: of 5 due slots and a manual run of a job with maxInstances 2, the 2 oldest are claimed, the other slots skipped with the reason", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [job] = await perSecondJobs(1, start, { coalesce: "all", maxInstances: 2 });
    // The newest slot has been due for the settle time too: every slot over the limit is decided.
    const now = new Date(start.getTime() + 4000 + SETTLE_MS);
    await enqueueDueRuns(t.db, now);
    await t.db.run.create({ data: { jobId: job!.id, source: "manual", scheduledFor: new Date(start.getTime() + 500) } });

    const { runs: claimed, waiting } = await claimRuns(t.db, { workerId: "w1", now, limit: 100, leaseMs: LEASE_MS, kinds: ["http"] });
    expect(claimed).toHaveLength(2);
    expect(waiting).toBe(false);
    const runs = await t.db.run.findMany({ where: { jobId: job!.id }, orderBy: { scheduledFor: "asc" } });
    expect(runs.map((run) => [run.source, run.status, run.reason])).toEqual([
      ["schedule", "running", null],
      ["manual", "running", null],
      ...[1, 2, 3, 4].map(() => ["schedule", "skipped", "max instances reached (2 running)"]),
    ]);
    for (const run of runs.filter((r) => r.status === "running")) {
      expect(run.workerId).toBe("w1");
      expect(run.claimToken).toBe(claimed[0]!.claimToken);
      expect(run.startedAt!.getTime()).toBe(now.getTime());
      expect(run.leaseExpiresAt!.getTime()).toBe(now.getTime() + LEASE_MS);
      expect(run.latenessMs).toBe(now.getTime() - run.scheduledFor.getTime());
    }
    // Both places are taken: another worker claims nothing, and a second manual run waits, queued.
    await t.db.run.create({ data: { jobId: job!.id, source: "manual", scheduledFor: start } });
    // It is reported as waiting, so the worker looks again when a place is freed.
    expect(await claimRuns(t.db, { workerId: "w2", now, limit: 100, leaseMs: LEASE_MS, kinds: ["http"] })).toEqual({ runs: [], waiting: true, more: false });
    expect(await t.db.run.count({ where: { jobId: job!.id, status: "queued" } })).toBe(1);
  });

  it("ahead of time: a slot due within the lead is planned and claimed to start at its own time; one held back by max instances waits until due and the settle time after, then is skipped", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [job] = await perSecondJobs(1, start, { coalesce: "latest", maxInstances: 1 });
    const now = new Date(start.getTime() + 600);
    const until = new Date(now.getTime() + 500);

    // The slot at start is due (600 ms late); the next one, start + 1 s, falls within the lead.
    expect(await enqueueDueRuns(t.db, now, { until })).toMatchObject({ jobs: 1, recorded: 2 });
    expect((await t.db.job.findUniqueOrThrow({ where: { id: job!.id } })).nextRunAt!.getTime()).toBe(start.getTime() + 2000);
    const first = await claimRuns(t.db, { workerId: "w1", now, until, limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    // The due slot is claimed; the one ahead waits, its job at max instances, to be decided after its time.
    expect(first.runs.map((run) => run.scheduledFor.getTime())).toEqual([start.getTime()]);
    expect(first.runs[0]!.startedAt.getTime()).toBe(now.getTime());
    expect(first.waiting).toBe(true);
    expect(first.decideAt?.getTime()).toBe(start.getTime() + 1000 + SETTLE_MS);
    expect(await t.db.run.count({ where: { jobId: job!.id, status: "queued" } })).toBe(1);

    // The instance ends before the next slot: that slot is claimed ahead, recorded to start on time.
    await t.db.run.update({ where: { id: first.runs[0]!.id }, data: { status: "succeeded", finishedAt: now } });
    const ahead = await claimRuns(t.db, { workerId: "w1", now, until, limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    expect(ahead.runs.map((run) => run.scheduledFor.getTime())).toEqual([start.getTime() + 1000]);
    expect(ahead.runs[0]!.startedAt.getTime()).toBe(start.getTime() + 1000);
    expect(await t.db.run.findUniqueOrThrow({ where: { id: ahead.runs[0]!.id } })).toMatchObject({ status: "running", latenessMs: 0, startedAt: new Date(start.getTime() + 1000) });

    // Still running when the slot after it falls within the lead, comes due, and has been due for the
    // settle time: it waits all along, then is skipped.
    const claimAt = (at: number) => claimRuns(t.db, { workerId: "w1", now: new Date(at), until: new Date(at + 500), limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    const later = start.getTime() + 1600;
    await enqueueDueRuns(t.db, new Date(later), { until: new Date(later + 500) });
    const due = start.getTime() + 2000;
    expect(await claimAt(later)).toMatchObject({ runs: [], waiting: true, decideAt: new Date(due + SETTLE_MS) });
    expect(await claimAt(due)).toMatchObject({ runs: [], waiting: true, decideAt: new Date(due + SETTLE_MS) });
    expect(await claimAt(due + SETTLE_MS - 1)).toMatchObject({ runs: [], waiting: true });
    expect(await t.db.run.findFirstOrThrow({ where: { jobId: job!.id, slotAt: new Date(due) } })).toMatchObject({ status: "queued" });
    expect(await claimAt(due + SETTLE_MS)).toMatchObject({ runs: [], waiting: false });
    expect(await t.db.run.findFirstOrThrow({ where: { jobId: job!.id, slotAt: new Date(due) } })).toMatchObject({ status: "skipped", reason: "max instances reached (1 running)" });
  });

  it("a due slot whose job is at max instances is claimed, late, when the run in its way ends within the settle time (its outcome written late)", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [job] = await perSecondJobs(1, start, { coalesce: "latest", maxInstances: 1 });
    const claimAt = (at: number) => claimRuns(t.db, { workerId: "w1", now: new Date(at), limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    await enqueueDueRuns(t.db, start);
    const [first] = (await claimAt(start.getTime())).runs;
    expect(first?.scheduledFor).toEqual(start);

    const next = start.getTime() + 1000;
    await enqueueDueRuns(t.db, new Date(next));
    expect(await claimAt(next + 100)).toMatchObject({ runs: [], waiting: true, decideAt: new Date(next + SETTLE_MS) });
    // The first run's outcome arrives 300 ms into the next slot: that slot starts then, 300 ms late.
    await t.db.run.update({ where: { id: first!.id }, data: { status: "succeeded", finishedAt: new Date(next - 50) } });
    const { runs } = await claimAt(next + 300);
    expect(runs.map((run) => run.scheduledFor.getTime())).toEqual([next]);
    expect(await t.db.run.findUniqueOrThrow({ where: { id: runs[0]!.id } })).toMatchObject({ status: "running", latenessMs: 300, startedAt: new Date(next + 300) });
    expect(await t.db.run.count({ where: { jobId: job!.id, status: "skipped" } })).toBe(0);
  });

  it("three clients claiming at once never run two instances of a maxInstances 1 job, and between them claim one run of every job", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const jobs = await perSecondJobs(30, start, { coalesce: "all", maxInstances: 1 });
    const now = new Date(start.getTime() + 2000);
    await enqueueDueRuns(t.db, now);
    // Manual runs are not skipped over the limit: they stay queued, so the contention lasts.
    for (const job of jobs) await t.db.run.create({ data: { jobId: job.id, source: "manual", scheduledFor: start } });

    const batches = await Promise.all(
      racers().map((db, i) => claimRuns(db, { workerId: `w${i + 1}`, now, limit: 25, leaseMs: LEASE_MS, kinds: ["http"] })),
    );
    // What the racing batches left (a job whose runs all fell in a batch that was full) comes next.
    const rest = await claimRuns(t.db, { workerId: "w1", now, limit: 100, leaseMs: LEASE_MS, kinds: ["http"] });
    const claimed = [...batches.flatMap((batch) => batch.runs), ...rest.runs];
    expect(new Set(claimed.map((run) => run.id)).size).toBe(claimed.length);
    const perJob = await t.db.run.groupBy({ by: ["jobId"], where: { status: "running" }, _count: { _all: true } });
    expect(perJob.filter((row) => row._count._all > 1)).toEqual([]);
    expect(perJob).toHaveLength(30);
    expect(claimed).toHaveLength(30);
    expect(await t.db.run.count({ where: { source: "manual", status: "queued" } })).toBeGreaterThan(0);
  });

  it("a run still waiting for a place when its job's next slot is due gives way to it under latest (skipped) and skip (missed), keeps its place under all; manual runs are not superseded", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [latest, skip, all] = [
      ...(await perSecondJobs(1, start, { coalesce: "latest" })),
      ...(await perSecondJobs(1, start, { coalesce: "skip", name: "skip" })),
      ...(await perSecondJobs(1, start, { coalesce: "all", maxInstances: 5, name: "all" })),
    ];
    const next = new Date(start.getTime() + 1000);
    // No worker had a place for the first slot's runs; now the next slot is due too.
    await enqueueDueRuns(t.db, start);
    await enqueueDueRuns(t.db, next);
    await t.db.run.create({ data: { jobId: all!.id, source: "manual", scheduledFor: start } });

    const { runs: claimed, more } = await claimRuns(t.db, { workerId: "w1", now: next, limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    expect(more).toBe(false);
    expect(claimed.map((run) => [run.jobId, run.scheduledFor.getTime()]).sort()).toEqual(
      [[latest!.id, next.getTime()], [skip!.id, next.getTime()], [all!.id, start.getTime()], [all!.id, start.getTime()], [all!.id, next.getTime()]].sort(),
    );
    const rowsOf = async (jobId: string) =>
      (await t.db.run.findMany({ where: { jobId } }))
        .sort((x, y) => x.scheduledFor.getTime() - y.scheduledFor.getTime() || x.source.localeCompare(y.source))
        .map((run) => [run.source, run.slotAt?.getTime() ?? null, run.status, run.reason]);
    const slot = next.toISOString().replace(".000Z", "Z");
    expect(await rowsOf(latest!.id)).toEqual([
      ["schedule", start.getTime(), "skipped", `coalesced into the ${slot} run (it was still waiting to start)`],
      ["schedule", next.getTime(), "running", null],
    ]);
    expect(await rowsOf(skip!.id)).toEqual([
      ["schedule", start.getTime(), "missed", `not caught up: still waiting to start when the ${slot} slot came due; the job's policy is to skip missed slots`],
      ["schedule", next.getTime(), "running", null],
    ]);
    expect(await rowsOf(all!.id)).toEqual([
      ["manual", null, "running", null],
      ["schedule", start.getTime(), "running", null],
      ["schedule", next.getTime(), "running", null],
    ]);
  });

  it("a batch whose candidates all waited past their misfire grace claims nothing and says to claim again at once", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [stale, fresh] = await perSecondJobs(2, start, { coalesce: "all", misfireGraceSeconds: 1 });
    await enqueueDueRuns(t.db, start);
    await t.db.run.updateMany({ where: { jobId: fresh!.id }, data: { scheduledFor: new Date(start.getTime() + 2500) } });
    await t.db.run.create({ data: { jobId: stale!.id, source: "schedule", slotAt: new Date(start.getTime() - 1000), scheduledFor: new Date(start.getTime() - 1000) } });
    const now = new Date(start.getTime() + 3000);

    // Room for one: the two candidates read are the stale job's runs, both past the grace.
    expect(await claimRuns(t.db, { workerId: "w1", now, limit: 1, leaseMs: LEASE_MS, kinds: ["http"] })).toMatchObject({ runs: [], more: true });
    expect(await t.db.run.count({ where: { jobId: stale!.id, status: "missed" } })).toBe(2);
    const again = await claimRuns(t.db, { workerId: "w1", now, limit: 1, leaseMs: LEASE_MS, kinds: ["http"] });
    expect(again.runs.map((run) => run.jobId)).toEqual([fresh!.id]);
    expect(again.more).toBe(false);
  });

  it("a scheduled run that waited for a place past its misfire grace is recorded missed when picked, not started; a manual run as late still starts", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    const [job] = await perSecondJobs(1, start, { coalesce: "all", maxInstances: 5, misfireGraceSeconds: 2 });
    await enqueueDueRuns(t.db, start);
    await t.db.run.create({ data: { jobId: job!.id, source: "manual", scheduledFor: start } });

    const now = new Date(start.getTime() + 3000);
    const { runs: claimed } = await claimRuns(t.db, { workerId: "w1", now, limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    expect(claimed.map((run) => run.scheduledFor.getTime())).toEqual([start.getTime()]);
    const runs = (await t.db.run.findMany({ where: { jobId: job!.id } })).sort((a, b) => a.source.localeCompare(b.source));
    expect(runs.map((run) => [run.source, run.status, run.reason])).toEqual([
      ["manual", "running", null],
      ["schedule", "missed", "started too late: 3 s after its time; the misfire grace is 2 s (it waited for a free place)"],
    ]);
    // Within the grace it would have started: the same run 2 s late is claimed.
    const [onTime] = await perSecondJobs(1, start, { coalesce: "all", misfireGraceSeconds: 2, name: "on-time" });
    await enqueueDueRuns(t.db, start);
    const within = await claimRuns(t.db, { workerId: "w1", now: new Date(start.getTime() + 2000), limit: 10, leaseMs: LEASE_MS, kinds: ["http"] });
    expect(within.runs.map((run) => run.jobId)).toEqual([onTime!.id]);
  });

  it("runs of a kind the worker can't execute are left queued", async () => {
    const start = new Date(Math.floor(Date.now() / 1000) * 1000 - 10_000);
    await perSecondJobs(2, start);
    const now = new Date(start.getTime() + 1000);
    await enqueueDueRuns(t.db, now);
    expect(await claimRuns(t.db, { workerId: "w1", now, limit: 10, leaseMs: LEASE_MS, kinds: ["task"] })).toEqual({ runs: [], waiting: false });
    expect(await t.db.run.count({ where: { status: "queued" } })).toBe(2);
  });

  it("the database clock: the offset measured against the database is under a second on this machine", async () => {
    const clock = databaseClock(t.db);
    await clock.sync();
    expect(Math.abs(clock.offsetMs())).toBeLessThan(1000);
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});
