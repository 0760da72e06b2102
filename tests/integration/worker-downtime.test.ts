// Slots that fall due while no worker runs at all: per-second jobs with each misfire policy run under
// a worker, the worker is stopped, the database stays up 30 s with nobody planning, and a worker
// starts again. It plans each job's whole gap at one instant (the run rows' createdAt); for each job
// every slot of the gap must get exactly the row docs/scheduling.md promises at that instant (run
// once, or missed / skipped with its reason), and the receiving end must have been called for exactly
// the runs. The jobs' instants are not assumed equal: a planning batch that fails or meets a locked
// row leaves some jobs to the next tick, and the policy is the same whenever it is applied.
import { describe, expect, it } from "vitest";
import { actualRows, everyJobSucceededAfter, gaveWayToNextSlot, missedAtGraceEdge, everySlotSettledUpTo, expectCallsMatchRuns, promisedRows, type MisfirePolicy } from "../support/slot-ledger";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import { expectEverySlotOnce, expectNothingRunning } from "../support/runs-oracle";
import { providers } from "../support/test-db";
import { eventually } from "../support/worker-process";
import { workerSuite } from "../support/worker-suite";

const DOWNTIME_MS = 30_000;
// Catch-up runs of one job run side by side, and the worker has a place for every catch-up run of
// every job at once (about 75): none is recorded "max instances reached", and none waits for a place
// long enough to give way to its job's next slot. What the test sees is the misfire policy alone.
const WORKER = { WORKER_POLL_MS: "200", WORKER_HEARTBEAT_SECONDS: "1", WORKER_CONCURRENCY: "200", LOG_LEVEL: "info" };
const MAX_INSTANCES = 100;

/** Each policy of docs/scheduling.md, with the default grace (60 s), a grace shorter than the gap, and none. */
const POLICIES: Record<string, MisfirePolicy> = {
  latest: { coalesce: "latest", misfireGraceSeconds: 60 },
  all: { coalesce: "all", misfireGraceSeconds: 60 },
  skip: { coalesce: "skip", misfireGraceSeconds: 60 },
  "latest-grace-10": { coalesce: "latest", misfireGraceSeconds: 10 },
  "all-grace-10": { coalesce: "all", misfireGraceSeconds: 10 },
  "skip-grace-10": { coalesce: "skip", misfireGraceSeconds: 10 },
  "all-no-grace": { coalesce: "all", misfireGraceSeconds: null },
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wholeSecond = (at: number) => new Date(Math.floor(at / 1000) * 1000);

// The two providers run side by side: each spends most of its time waiting out the downtime.
describe.concurrent.each(providers)("%s", (provider) => {
  const suite = workerSuite(provider, WORKER);
  const { start, stop } = suite.pool;
  const db = () => suite.t.db;

  // The hook comes from the test's own context: the two providers' tests run concurrently, and the
  // global onTestFailed, called after an await, may not know which test it is in.
  it("after 30 s with no worker, each job's missed slots are run, coalesced or recorded missed as its policy says", { timeout: 240_000 }, async ({ onTestFailed }) => {
    const first = start();
    onTestFailed(() => console.log(first.output()));
    await eventually(async () => (first.output().includes('"msg":"built-in jobs checked"') ? true : undefined), 60_000, "the first worker to start");
    // Created once the worker runs, so the slots before the gap are planned as they come due.
    const jobs: Record<string, Awaited<ReturnType<typeof createTestJob>>> = {};
    for (const [name, policy] of Object.entries(POLICIES)) {
      jobs[name] = await createTestJob(db(), everySecondHttpJob(name, `${suite.recorder.url}/${name}`, { ...policy, maxInstances: MAX_INSTANCES }));
    }
    const jobIds = Object.values(jobs).map((job) => job.id);
    await everyJobSucceededAfter(db(), jobIds, new Date(0), "every job to run under the first worker");
    await sleep(3000);
    await stop(first);

    // The first slot of the gap: each job's next slot as the stopped worker left it.
    const resumeFrom = new Map<string, Date>();
    for (const job of await db().job.findMany({ where: { id: { in: jobIds } } })) resumeFrom.set(job.id, job.nextRunAt!);
    await sleep(DOWNTIME_MS);

    const second = start();
    onTestFailed(() => console.log(second.output()));
    const started = new Date();
    // The instant the returning worker planned a job's gap: every row of it was inserted then,
    // beginning with the row of the gap's first slot.
    const caughtUpAt = new Map<string, Date>();
    await eventually(
      async () => {
        for (const jobId of jobIds) {
          const first = await db().run.findFirst({ where: { jobId, slotAt: resumeFrom.get(jobId)! }, select: { createdAt: true } });
          if (!first) return undefined;
          caughtUpAt.set(jobId, first.createdAt);
        }
        return true;
      },
      90_000,
      "the second worker to plan every job's gap",
    );
    const lastTick = new Date(Math.max(...[...caughtUpAt.values()].map((at) => at.getTime())));
    await everyJobSucceededAfter(db(), jobIds, lastTick, "every job to run on schedule again");
    const to = wholeSecond(Date.now());
    await everySlotSettledUpTo(db(), jobIds, to);
    await stop(second);

    for (const [name, policy] of Object.entries(POLICIES)) {
      const job = jobs[name]!;
      const tick = caughtUpAt.get(job.id)!;
      expect(tick.getTime(), `${name}: planned by the returning worker`).toBeGreaterThanOrEqual(started.getTime() - 1000);
      const rows = await expectEverySlotOnce(db(), job.id, { from: new Date(job.nextRunAt!), to, periodMs: 1000 });
      const gap = rows.filter((row) => row.slotAt! >= resumeFrom.get(job.id)! && row.slotAt! <= tick);
      expect(gap.length, name).toBeGreaterThanOrEqual(DOWNTIME_MS / 1000);
      const slots = gap.map((row) => row.slotAt!);
      const promised = promisedRows(slots, tick, policy);
      // The gap was planned at `tick` and claimed a moment later: if the next slot had come due by
      // then, the newest gap slot gave way to it under latest and skip (docs/scheduling.md, "Waiting
      // for a place"), and that slot ran.
      const gaveWay = gaveWayToNextSlot(gap.at(-1)!, rows, policy.coalesce);
      if (gaveWay) promised[promised.length - 1] = [promised.at(-1)![0], gaveWay.status, gaveWay.reason];
      // Likewise a slot at the edge of the grace at `tick` may be past it at the claim.
      gap.forEach((row, i) => {
        if (promised[i]![1] === "succeeded" && missedAtGraceEdge(row, tick, policy.misfireGraceSeconds)) promised[i] = actualRows([row])[0]!;
      });
      expect(actualRows(gap), name).toEqual(promised);
      // Nothing else ended badly, before or after the gap (a late tick may coalesce or skip a slot there too).
      expect(rows.filter((row) => !["succeeded", "skipped", "missed"].includes(row.status)), name).toEqual([]);
      await expectCallsMatchRuns(db(), job.id, suite.recorder.hits, `/${name}`);
    }

    // The oldest slot of the gap ran when the second worker caught up, not at some other time.
    const catchUpAll = jobs["all-no-grace"]!.id;
    const oldestSlot = resumeFrom.get(catchUpAll)!;
    const tick = caughtUpAt.get(catchUpAll)!;
    const oldest = await db().run.findFirstOrThrow({ where: { jobId: catchUpAll, slotAt: oldestSlot } });
    expect(oldest.startedAt!.getTime()).toBeGreaterThanOrEqual(tick.getTime());
    expect(oldest.latenessMs).toBeGreaterThanOrEqual(tick.getTime() - oldestSlot.getTime());
    await expectNothingRunning(db());
  });
});
