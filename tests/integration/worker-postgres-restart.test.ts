// A worker whose PostgreSQL goes away under it: the server restarted (stopped 3 s, then started), and
// every connection of its database killed (pg_terminate_backend) again and again. The worker must
// ride it out on its own (no exit, the outage in its log) and the ledger must stay exact: every slot
// once, nothing duplicated at the receiving end, nothing left running. The cluster is the test's own,
// so stopping it disturbs no other test.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFailed } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { everyJobSucceededAfter, everySlotSettledUpTo, expectCallsMatchRuns } from "../support/slot-ledger";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import { createCluster, type Connection, type PgCluster } from "../support/pg-cluster";
import { startRecorder, type Recorder } from "../support/recorder";
import { expectEverySlotOnce, expectNothingRunning } from "../support/runs-oracle";
import { providers } from "../support/test-db";
import { eventually, workerPool } from "../support/worker-process";

const DATABASE = "sundial";
/** The test's own connections, told apart from the worker's when they are killed. */
const TEST_APPLICATION = "sundial-test-oracle";
const JOBS = 4;
// The lease bounds how long a run whose outcome could not be written stays `running` before the
// worker's reaper records it lost; 10 s keeps a starved machine from losing runs that were fine.
const WORKER = { WORKER_POLL_MS: "100", WORKER_LEASE_SECONDS: "10", WORKER_HEARTBEAT_SECONDS: "1", WORKER_CONCURRENCY: "20", LOG_LEVEL: "info" };

type CreatedJob = Awaited<ReturnType<typeof createTestJob>>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const wholeSecond = (at: number) => new Date(Math.floor(at / 1000) * 1000);

describe.skipIf(!providers.includes("postgresql"))("a worker whose PostgreSQL restarts or drops its connections", () => {
  let cluster: PgCluster;
  let url: string;
  let db: Db;
  let recorder: Recorder;
  const pool = workerPool(() => url, WORKER);

  beforeAll(async () => {
    cluster = await createCluster();
    url = await cluster.migratedDatabase(DATABASE);
    db = createDb(`${url}?application_name=${TEST_APPLICATION}`);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await cluster?.drop();
  });
  beforeEach(async () => {
    recorder = await startRecorder();
  });
  afterEach(async () => {
    await pool.killAll();
    await recorder.close();
    await db.job.deleteMany();
  });

  const pathOf = (i: number) => `/tick-${i}`;

  // coalesce "all" with no grace: every slot runs, however late, so every slot of the window has
  // exactly one run and the oracle's expectation doesn't depend on how long the outage lasted.
  async function createJobs(): Promise<CreatedJob[]> {
    const jobs: CreatedJob[] = [];
    for (let i = 0; i < JOBS; i += 1) {
      jobs.push(await createTestJob(db, everySecondHttpJob(`tick-${i}`, `${recorder.url}${pathOf(i)}`, { coalesce: "all", misfireGraceSeconds: null, maxInstances: 20 })));
    }
    return jobs;
  }

  /**
   * Runs the jobs under one worker, disturbs the database, waits for the worker to log each of
   * `recoveredWhen` and for every job to run again, stops the worker and checks the ledger.
   */
  async function disturbAndCheck(disturb: () => Promise<void>, recoveredWhen: string[]): Promise<void> {
    const jobs = await createJobs();
    const jobIds = jobs.map((job) => job.id);
    const worker = pool.start();
    // The worker's log is what explains a failure here.
    onTestFailed(() => console.log(worker.output()));
    await everyJobSucceededAfter(db, jobIds, new Date(0), "every job to run once");
    await disturb();
    const calmAt = Date.now();
    for (const msg of recoveredWhen) {
      await eventually(
        async () => {
          expect(worker.child.exitCode, "the worker exited").toBeNull();
          return worker.output().includes(`"msg":"${msg}"`) ? true : undefined;
        },
        60_000,
        `"${msg}" in the worker's log`,
      );
    }
    await everyJobSucceededAfter(db, jobIds, new Date(calmAt), "every job to run again after the disturbance");
    expect(worker.child.exitCode, "the worker exited").toBeNull();

    const to = wholeSecond(Date.now());
    await everySlotSettledUpTo(db, jobIds, to);
    await pool.stop(worker);

    for (const [i, job] of jobs.entries()) {
      const rows = await expectEverySlotOnce(db, job.id, { from: new Date(job.nextRunAt!), to, periodMs: 1000 });
      // A run whose outcome could not be written during the disturbance ends lost; any other
      // ending, or a run lost after the database was back, is a failure.
      const unexpected = rows.filter((row) => row.status !== "succeeded" && !(row.status === "lost" && row.slotAt!.getTime() <= calmAt));
      expect(unexpected, `job ${i}`).toEqual([]);
      await expectCallsMatchRuns(db, job.id, recorder.hits, pathOf(i));
    }
    await expectNothingRunning(db);
  }

  it("rides out a server restart (stopped 3 s, started again): logs the outage, recovers, runs every slot once", { timeout: 240_000 }, async () => {
    await disturbAndCheck(
      async () => {
        await sleep(2000);
        await cluster.stop();
        try {
          await sleep(3000);
        } finally {
          await cluster.start();
        }
      },
      // The tick loop and the heartbeat each log the outage and its end; the due listener connects again.
      ["worker tick failed", "database reachable again", "heartbeat failed", "database reachable again; heartbeat resumed", "due listener connected again"],
    );
  });

  it("rides out its connections being killed five times, a second apart: recovers, runs every slot once", { timeout: 240_000 }, async () => {
    const killed: Connection[] = [];
    await disturbAndCheck(
      async () => {
        for (let round = 0; round < 5; round += 1) {
          killed.push(...(await cluster.terminateConnections(DATABASE)));
          // Also lets the test's own pool notice its killed connections before it queries again.
          await sleep(1000);
        }
      },
      ["due listener connected again"],
    );
    // Connections of the worker's Prisma pool were among those killed, not only its LISTEN one.
    const pooled = killed.filter((connection) => connection.applicationName !== TEST_APPLICATION && !connection.query.startsWith("LISTEN"));
    expect(pooled.length, JSON.stringify(killed)).toBeGreaterThan(0);
  });
});
