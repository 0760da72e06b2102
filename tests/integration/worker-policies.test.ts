// The worker's policies under bad conditions, each with real worker processes, a real HTTP receiver
// and a real database: a worker killed or frozen mid-run, a request past its timeout, an endpoint
// answering 500, a job slower than its period, slots that came due while no worker ran, a shutdown
// with runs in progress. Every test ends with the runs-table oracle where it applies.
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import type { Prisma } from "@/lib/db";
import { MAX_INSTANCES_SETTLE_MS } from "@/lib/runs/max-instances-settle";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import type { Recorder } from "../support/recorder";
import { gaveWayToNextSlot, missedAtGraceEdge } from "../support/slot-ledger";
import { expectEverySlotOnce, expectNothingRunning } from "../support/runs-oracle";
import { providers } from "../support/test-db";
import { eventually } from "../support/worker-process";
import { workerSuite } from "../support/worker-suite";

/** Small leases and a short poll keep each test to a few seconds. */
const FAST_WORKER: Record<string, string> = {
  WORKER_POLL_MS: "100",
  WORKER_LEASE_SECONDS: "2",
  WORKER_HEARTBEAT_SECONDS: "1",
  WORKER_CONCURRENCY: "4",
  LOG_LEVEL: "info",
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The oracle's window for a one-off job: its single slot. */
const oneSlot = (runAt: Date) => ({ from: runAt, to: runAt, periodMs: 1 });

/** A one-off HTTP job due 1 s from now (about when a worker started now is ready). */
function oneOffHttpJob(name: string, url: string, extra: Record<string, unknown> = {}) {
  const runAt = new Date(Date.now() + 1000);
  return {
    runAt,
    input: { name, kind: "http", config: { method: "POST", url }, trigger: { type: "date", runAt: runAt.toISOString() }, ...extra },
  };
}

/** The recorder holds the first request open until released; later requests get 200 at once. */
function holdFirstRequest(recorder: Recorder) {
  const held: ServerResponse[] = [];
  let seen = 0;
  recorder.respond((_, response) => {
    seen += 1;
    if (seen === 1) held.push(response);
    else response.end("ok");
  });
  return {
    release(status: number) {
      for (const response of held.splice(0)) {
        response.statusCode = status;
        response.end("released late");
      }
    },
  };
}

/** The recorder answers each request after `ms`; `answerNow()` answers those still waiting at once. */
function answerAfter(recorder: Recorder, ms: number, body: string) {
  const waiting = new Map<ServerResponse, NodeJS.Timeout>();
  const answer = (response: ServerResponse) => {
    clearTimeout(waiting.get(response));
    waiting.delete(response);
    response.end(body);
  };
  recorder.respond((_, response) => {
    waiting.set(response, setTimeout(() => answer(response), ms));
  });
  return {
    answerNow() {
      for (const response of [...waiting.keys()]) answer(response);
    },
  };
}

// The two providers run side by side (their tests wait far more than they compute); within one
// provider the tests run one at a time.
describe.concurrent.each(providers)("%s", (provider) => {
  const suite = workerSuite(provider, FAST_WORKER);
  const { start, stop } = suite.pool;
  const waitForRun = (where: Prisma.RunWhereInput, what: string, timeoutMs = 15_000) =>
    eventually(async () => (await suite.t.db.run.findFirst({ where })) ?? undefined, timeoutMs, what);
  const waitForHits = (count: number) => eventually(async () => (suite.recorder.hits.length >= count ? true : undefined), 15_000, `${count} request(s)`);


  describe.sequential("worker policies", () => {
    describe("a worker killed with SIGKILL mid-run", () => {
      it("leaves a run that another worker finds with an expired lease and records lost; maxAttempts 1: no retry", async () => {
        holdFirstRequest(suite.recorder);
        const { input, runAt } = oneOffHttpJob("killed-no-retry", `${suite.recorder.url}/killed`);
        const job = await createTestJob(suite.t.db, input);
        const first = start();
        await waitForHits(1);
        const running = await suite.t.db.run.findFirstOrThrow({ where: { jobId: job.id } });
        expect(running.status).toBe("running");
        first.child.kill("SIGKILL");
        await first.exited;

        const second = start();
        const lost = await waitForRun({ jobId: job.id, status: "lost" }, "the run recorded as lost");
        expect(lost.reason).toMatch(/^worker lost: .+ stopped renewing the lease, which expired at \d{4}-\d\d-\d\dT[\d:.]+Z$/);
        expect(lost.reason).toContain(running.workerId!);
        expect(lost.claimToken).toBeNull();
        expect(lost.finishedAt!.getTime()).toBeGreaterThan(running.leaseExpiresAt!.getTime());
        await eventually(async () => (second.output().includes('"msg":"run of a lost worker recorded as lost"') ? true : undefined), 5_000, "the reap in the second worker's log");
        await stop(second);

        // The retry would have been queued in the transaction that recorded the loss.
        expect(await suite.t.db.run.count({ where: { jobId: job.id } })).toBe(1);
        expect(suite.recorder.hits).toHaveLength(1);
        await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
        await expectNothingRunning(suite.t.db);
      });

      it("with retry maxAttempts 2: the lost run is retried (attempt 2, linked) and the retry succeeds", async () => {
        holdFirstRequest(suite.recorder);
        const { input, runAt } = oneOffHttpJob("killed-retried", `${suite.recorder.url}/killed`, { retry: { maxAttempts: 2, backoffSeconds: 1 } });
        const job = await createTestJob(suite.t.db, input);
        const first = start();
        await waitForHits(1);
        first.child.kill("SIGKILL");
        await first.exited;

        const second = start();
        const lost = await waitForRun({ jobId: job.id, status: "lost" }, "the run recorded as lost");
        expect(lost.reason).toMatch(/stopped renewing the lease, which expired at/);
        const retry = await waitForRun({ retryOfId: lost.id, status: { in: ["succeeded", "failed", "timed_out", "lost", "canceled"] } }, "the retry to finish");
        await stop(second);

        expect(retry).toMatchObject({ source: "retry", attempt: 2, retryOfId: lost.id, slotAt: null, status: "succeeded", httpStatus: 200 });
        expect(retry.workerId).not.toBe(lost.workerId);
        expect(retry.scheduledFor.getTime() - lost.finishedAt!.getTime()).toBeGreaterThanOrEqual(1000);
        expect(await suite.t.db.run.count({ where: { jobId: job.id } })).toBe(2);
        expect(suite.recorder.hits.map((hit) => [hit.attempt, hit.runId])).toEqual([
          [1, lost.id],
          [2, retry.id],
        ]);
        await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
        await expectNothingRunning(suite.t.db);
      });
    });

    it("a worker frozen (SIGSTOP) past its lease is fenced off: after SIGCONT its late HTTP 200 is refused and the run stays lost", async () => {
      const hold = holdFirstRequest(suite.recorder);
      const { input, runAt } = oneOffHttpJob("frozen", `${suite.recorder.url}/frozen`);
      const job = await createTestJob(suite.t.db, input);
      const frozen = start();
      await waitForHits(1);
      frozen.child.kill("SIGSTOP");

      const other = start();
      const lost = await waitForRun({ jobId: job.id, status: "lost" }, "the run recorded as lost");
      const logsBefore = await suite.t.db.runLog.findMany({ where: { runId: lost.id }, orderBy: { seq: "asc" } });

      hold.release(200);
      frozen.child.kill("SIGCONT");
      await eventually(
        async () => (/lease lost: the run was taken over|outcome not recorded \(fenced\)/.test(frozen.output()) ? true : undefined),
        10_000,
        "the thawed worker to let go of the run",
      );

      const after = await suite.t.db.run.findUniqueOrThrow({ where: { id: lost.id } });
      expect(after).toMatchObject({
        status: "lost",
        reason: lost.reason,
        finishedAt: lost.finishedAt,
        claimToken: null,
        httpStatus: null,
        outputSummary: null,
        errorMessage: null,
        durationMs: null,
        logLineCount: lost.logLineCount,
      });
      const logsAfter = await suite.t.db.runLog.findMany({ where: { runId: lost.id }, orderBy: { seq: "asc" } });
      expect(logsAfter).toEqual(logsBefore);
      expect(logsAfter.map((line) => line.text).filter((text) => text.startsWith("HTTP "))).toEqual([]);

      await stop(frozen);
      await stop(other);
      expect(await suite.t.db.run.count({ where: { jobId: job.id } })).toBe(1);
      await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
      await expectNothingRunning(suite.t.db);
    });

    it("a request hanging past timeoutSeconds 1 ends timed_out after about 1 s, and is retried as the policy says", async () => {
      holdFirstRequest(suite.recorder);
      const { input, runAt } = oneOffHttpJob("hangs", `${suite.recorder.url}/hangs`, { timeoutSeconds: 1, retry: { maxAttempts: 2, backoffSeconds: 1 } });
      const job = await createTestJob(suite.t.db, input);
      const worker = start();
      const timedOut = await waitForRun({ jobId: job.id, status: "timed_out" }, "the run to time out");
      expect(timedOut).toMatchObject({ reason: "timed out after 1 s", errorMessage: "The run exceeded its timeout of 1 s and was stopped", httpStatus: null });
      expect(timedOut.durationMs).toBeGreaterThanOrEqual(900);
      const retry = await waitForRun({ retryOfId: timedOut.id, status: { not: "queued" } }, "the retry to start");
      await waitForRun({ id: retry.id, status: { notIn: ["queued", "running"] } }, "the retry to finish");
      await stop(worker);

      const finished = await suite.t.db.run.findUniqueOrThrow({ where: { id: retry.id } });
      expect(finished).toMatchObject({ source: "retry", attempt: 2, status: "succeeded", httpStatus: 200 });
      expect(finished.scheduledFor.getTime() - timedOut.finishedAt!.getTime()).toBeGreaterThanOrEqual(1000);
      const lines = await suite.t.db.runLog.findMany({ where: { runId: timedOut.id }, orderBy: { seq: "asc" } });
      expect(lines.map((line) => line.text)).toEqual([`POST ${suite.recorder.url}/hangs`, "The run exceeded its timeout of 1 s and was stopped"]);
      expect(await suite.t.db.run.count({ where: { jobId: job.id } })).toBe(2);
      await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
      await expectNothingRunning(suite.t.db);
    });

    it("an endpoint answering HTTP 500 is retried with exponential backoff: three linked failed attempts, ≥ 1 s then ≥ 2 s apart", async () => {
      suite.recorder.respond((_, response) => {
        response.statusCode = 500;
        response.end("boom");
      });
      const { input, runAt } = oneOffHttpJob("fails", `${suite.recorder.url}/fails`, { retry: { maxAttempts: 3, backoffSeconds: 1, maxBackoffSeconds: 10 } });
      const job = await createTestJob(suite.t.db, input);
      const worker = start();
      await waitForRun({ jobId: job.id, attempt: 3, status: { notIn: ["queued", "running"] } }, "the third attempt to finish", 20_000);
      await stop(worker);

      const runs = await suite.t.db.run.findMany({ where: { jobId: job.id }, orderBy: { attempt: "asc" } });
      expect(runs.map((run) => [run.attempt, run.source, run.status, run.httpStatus, run.errorMessage, run.outputSummary])).toEqual([
        [1, "schedule", "failed", 500, "HTTP 500; accepted: 200, 201, 202, 204", "boom"],
        [2, "retry", "failed", 500, "HTTP 500; accepted: 200, 201, 202, 204", "boom"],
        [3, "retry", "failed", 500, "HTTP 500; accepted: 200, 201, 202, 204", "boom"],
      ]);
      const [a1, a2, a3] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]];
      expect([a1.retryOfId, a2.retryOfId, a3.retryOfId]).toEqual([null, a1.id, a2.id]);
      expect(a2.scheduledFor.getTime() - a1.finishedAt!.getTime()).toBeGreaterThanOrEqual(1000);
      expect(a3.scheduledFor.getTime() - a2.finishedAt!.getTime()).toBeGreaterThanOrEqual(2000);
      for (const retry of [a2, a3]) expect(retry.startedAt!.getTime()).toBeGreaterThanOrEqual(retry.scheduledFor.getTime());
      expect(suite.recorder.hits.map((hit) => hit.attempt)).toEqual([1, 2, 3]);
      await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
      await expectNothingRunning(suite.t.db);
    });

    it("a per-second job slower than its period (2.5 s responses) with maxInstances 1: slots due meanwhile are skipped, never two running", async () => {
      const slow = answerAfter(suite.recorder, 2500, "slow");
      const job = await createTestJob(suite.t.db, everySecondHttpJob("slow", `${suite.recorder.url}/slow`, { maxInstances: 1 }));
      const worker = start();
      let mostRunning = 0;
      // Until a second run has started (the first took 2.5 s, so at least two slots were skipped meanwhile).
      await eventually(
        async () => {
          mostRunning = Math.max(mostRunning, await suite.t.db.run.count({ where: { jobId: job.id, status: "running" } }));
          return (await suite.t.db.run.count({ where: { jobId: job.id, startedAt: { not: null } } })) >= 2 ? true : undefined;
        },
        15_000,
        "a second run to start",
      );
      const stoppedAt = Date.now();
      // No need to wait out the second run: its interval still ends when it finished.
      slow.answerNow();
      await stop(worker);

      expect(mostRunning).toBe(1);
      const runs = await suite.t.db.run.findMany({ where: { jobId: job.id }, orderBy: { slotAt: "asc" } });
      // A slot planned ahead, or due and held back by max instances, when the worker stopped stays
      // queued for the next worker to decide.
      const heldAtStop = (run: (typeof runs)[number]) => run.status === "queued" && run.slotAt!.getTime() > stoppedAt - MAX_INSTANCES_SETTLE_MS;
      expect(runs.filter((run) => run.status !== "succeeded" && run.status !== "skipped" && !heldAtStop(run))).toEqual([]);
      const succeeded = runs.filter((run) => run.status === "succeeded");
      expect(succeeded.length).toBeGreaterThanOrEqual(2);
      for (let i = 1; i < succeeded.length; i += 1) {
        expect(succeeded[i]!.startedAt!.getTime(), "a run started before the previous one finished").toBeGreaterThanOrEqual(succeeded[i - 1]!.finishedAt!.getTime());
      }
      const overLimit = runs.filter((run) => run.reason === "max instances reached (1 running)");
      expect(overLimit.length).toBeGreaterThanOrEqual(2);
      for (const run of overLimit) expect(run.status).toBe("skipped");
      expect(suite.recorder.hits).toHaveLength(succeeded.length);
      await expectEverySlotOnce(suite.t.db, job.id, { from: new Date(job.nextRunAt!), to: new Date(stoppedAt - 1000), periodMs: 1000 });
      await expectNothingRunning(suite.t.db);
    });

    it("slots that came due during 5 s with no worker running follow the misfire policy: latest, all, skip, and grace 2 s", async () => {
      const url = (path: string) => `${suite.recorder.url}/${path}`;
      // Created as of one instant, so that all four have the same first slot (creating them one after
      // the other may cross a second).
      const createdAt = new Date();
      const jobs = {
        latest: await createTestJob(suite.t.db, everySecondHttpJob("misfire-latest", url("latest"), { coalesce: "latest" }), createdAt),
        // maxInstances above any backlog a slow start on a loaded machine can build: one batch claims
        // the whole backlog at once, and a slot over the limit would (rightly) be skipped.
        all: await createTestJob(suite.t.db, everySecondHttpJob("misfire-all", url("all"), { coalesce: "all", maxInstances: 50 }), createdAt),
        skip: await createTestJob(suite.t.db, everySecondHttpJob("misfire-skip", url("skip"), { coalesce: "skip" }), createdAt),
        grace: await createTestJob(suite.t.db, everySecondHttpJob("misfire-grace", url("grace"), { coalesce: "all", maxInstances: 50, misfireGraceSeconds: 2 }), createdAt),
      };
      await sleep(5000);
      // Not a lease test. Planning a per-second job computes 400 fire times on every tick (about 25 ms of
      // croner, blocking the worker's event loop), so on a loaded machine four of them can stall lease
      // renewals past a 2 s lease and the worker reaps its own runs.
      const worker = start({ WORKER_CONCURRENCY: "20", WORKER_LEASE_SECONDS: "10" });
      // The worker's first tick plans every job's backlog at one instant: the coalesced rows' finishedAt.
      await waitForRun({ jobId: jobs.latest.id, status: "skipped" }, "the backlog to be planned");
      const { finishedAt: tick } = await suite.t.db.run.findFirstOrThrow({ where: { jobId: jobs.latest.id, status: "skipped" }, orderBy: { finishedAt: "asc" } });
      if (!tick) throw new Error("a skipped run without finishedAt");
      // Then wait until every job runs on schedule again: a slot after the backlog ran (so the slots
      // up to it have all been planned).
      await eventually(
        async () => {
          for (const job of Object.values(jobs)) {
            if ((await suite.t.db.run.count({ where: { jobId: job.id, status: "succeeded", slotAt: { gt: tick } } })) < 1) return undefined;
          }
          return true;
        },
        15_000,
        "each job to run after the backlog",
      );
      await stop(worker);

      const firstSlotAfter = new Date(Math.floor(tick.getTime() / 1000) * 1000 + 1000);
      const rowsOf = async (jobId: string, from: Date) => expectEverySlotOnce(suite.t.db, jobId, { from, to: firstSlotAfter, periodMs: 1000 });
      const rows = {
        latest: await rowsOf(jobs.latest.id, new Date(jobs.latest.nextRunAt!)),
        all: await rowsOf(jobs.all.id, new Date(jobs.all.nextRunAt!)),
        skip: await rowsOf(jobs.skip.id, new Date(jobs.skip.nextRunAt!)),
        grace: await rowsOf(jobs.grace.id, new Date(jobs.grace.nextRunAt!)),
      };
      const backlog = (list: typeof rows.latest) => list.filter((row) => row.slotAt! <= tick);
      const iso = (at: Date) => at.toISOString().replace(".000Z", "Z");
      // The newest backlog slot runs; or, when the next slot came due between planning at `tick` and
      // claiming a moment later, it gave way to that one (docs/scheduling.md, "Waiting for a place"),
      // which ran.
      const expectNewestServed = (all: typeof rows.latest, coalesce: "latest" | "skip") => {
        const newest = backlog(all).at(-1)!;
        expect(newest.status, newest.reason ?? undefined).toBe(gaveWayToNextSlot(newest, all, coalesce)?.status ?? "succeeded");
      };

      // latest: the newest due slot runs once, the older ones are coalesced into it.
      const latest = backlog(rows.latest);
      expect(latest.length).toBeGreaterThanOrEqual(5);
      const newest = latest.at(-1)!;
      expectNewestServed(rows.latest, "latest");
      expect(tick.getTime() - newest.slotAt!.getTime()).toBeLessThan(1000);
      expect(latest.slice(0, -1).map((row) => [row.status, row.reason])).toEqual(latest.slice(0, -1).map(() => ["skipped", `coalesced into the ${iso(newest.slotAt!)} run`]));

      // all: every due slot runs, the oldest about 5 s late.
      const all = backlog(rows.all);
      expect(all.length).toBe(latest.length);
      expect(all.map((row) => row.status)).toEqual(all.map(() => "succeeded"));
      const oldest = await suite.t.db.run.findFirstOrThrow({ where: { jobId: jobs.all.id, slotAt: all[0]!.slotAt } });
      expect(oldest.latenessMs).toBeGreaterThanOrEqual(4000);
      const allHits = suite.recorder.hits.filter((hit) => hit.path === "/all").map((hit) => hit.scheduledFor);
      expect(new Set(allHits).size).toBe(allHits.length);

      // skip: the newest runs, the older ones are misfires.
      const skip = backlog(rows.skip);
      expect(skip.length).toBe(latest.length);
      expectNewestServed(rows.skip, "skip");
      expect(skip.slice(0, -1).map((row) => [row.status, row.reason])).toEqual(skip.slice(0, -1).map(() => ["missed", "not caught up: the job's policy is to skip missed slots"]));

      // grace 2 s: the slots more than 2 s late are missed, the others run (but for one at the edge of
      // the grace when planned, which may be past it when claimed).
      const grace = backlog(rows.grace);
      expect(grace.length).toBe(latest.length);
      for (const row of grace) {
        const late = tick.getTime() - row.slotAt!.getTime();
        if (late > 2000) {
          expect(row.status, `${iso(row.slotAt!)}, ${late} ms late`).toBe("missed");
          expect(row.reason).toMatch(/^started too late: \d+ s after its time; the misfire grace is 2 s$/);
        } else if (!missedAtGraceEdge(row, tick, 2)) {
          expect(row.status, `${iso(row.slotAt!)}, ${late} ms late`).toBe("succeeded");
        }
      }
      expect(grace.filter((row) => row.status === "missed").length).toBeGreaterThanOrEqual(3);

      await expectNothingRunning(suite.t.db);
    });

    describe("SIGTERM with a run in progress", () => {
      it("lets a 1.5 s request finish: the run ends succeeded before the worker exits 0", async () => {
        answerAfter(suite.recorder, 1500, "done");
        const { input, runAt } = oneOffHttpJob("drained", `${suite.recorder.url}/drained`);
        const job = await createTestJob(suite.t.db, input);
        const worker = start();
        await waitForHits(1);
        worker.child.kill("SIGTERM");
        expect(await worker.exited, worker.output()).toBe(0);
        const exitedAt = Date.now();
        expect(worker.output()).toContain('"msg":"waiting for running runs to finish"');

        const run = await suite.t.db.run.findFirstOrThrow({ where: { jobId: job.id } });
        expect(run).toMatchObject({ status: "succeeded", httpStatus: 200, outputSummary: "done" });
        expect(run.durationMs).toBeGreaterThanOrEqual(1400);
        expect(run.finishedAt!.getTime()).toBeLessThanOrEqual(exitedAt);
        await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
        await expectNothingRunning(suite.t.db);
      });

      it("past WORKER_SHUTDOWN_GRACE_SECONDS=1 with the request held: the run ends canceled and the worker exits 0", async () => {
        holdFirstRequest(suite.recorder);
        const { input, runAt } = oneOffHttpJob("canceled", `${suite.recorder.url}/canceled`, { retry: { maxAttempts: 2, backoffSeconds: 1 } });
        const job = await createTestJob(suite.t.db, input);
        const worker = start({ WORKER_SHUTDOWN_GRACE_SECONDS: "1" });
        await waitForHits(1);
        const signaledAt = Date.now();
        worker.child.kill("SIGTERM");
        expect(await worker.exited, worker.output()).toBe(0);
        expect(worker.output()).toContain('"msg":"grace period over; canceling the runs still running"');

        const runs = await suite.t.db.run.findMany({ where: { jobId: job.id } });
        // A canceled run is not retried.
        expect(runs).toHaveLength(1);
        expect(runs[0]).toMatchObject({ status: "canceled", reason: "worker shut down before the run finished", httpStatus: null });
        expect(runs[0]!.finishedAt!.getTime() - signaledAt).toBeGreaterThanOrEqual(900);
        await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
        await expectNothingRunning(suite.t.db);
      });
    });

    it("an HTTP run's log holds the request and response lines, in sequence order", async () => {
      const { input, runAt } = oneOffHttpJob("logged", `${suite.recorder.url}/logged?x=1`);
      const job = await createTestJob(suite.t.db, input);
      const worker = start();
      const run = await waitForRun({ jobId: job.id, status: { notIn: ["queued", "running"] } }, "the run to finish");
      await stop(worker);

      expect(run.status).toBe("succeeded");
      const lines = await suite.t.db.runLog.findMany({ where: { runId: run.id }, orderBy: { seq: "asc" } });
      expect(lines.map((line) => [line.seq, line.stream, line.text])).toEqual([
        [1, "system", `POST ${suite.recorder.url}/logged?x=1`],
        [2, "system", expect.stringMatching(/^HTTP 200 in \d+ ms$/)],
      ]);
      expect(lines[0]!.at.getTime()).toBeLessThanOrEqual(lines[1]!.at.getTime());
      const final = await suite.t.db.run.findUniqueOrThrow({ where: { id: run.id } });
      expect(final.logLineCount).toBe(2);
      expect(final.logBytes).toBe(lines.reduce((sum, line) => sum + Buffer.byteLength(line.text), 0));
      await expectEverySlotOnce(suite.t.db, job.id, oneSlot(runAt));
      await expectNothingRunning(suite.t.db);
    });
  });
});
