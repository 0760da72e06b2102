// On PostgreSQL "due" is decided by the database's clock: two workers whose machine clocks are 20 s
// ahead and 20 s behind still start every slot once, never before its time (the fast worker would
// otherwise start each run 20 s early) and without falling 20 s behind (the slow one would).
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import { startRecorder, type Recorder } from "../support/recorder";
import { ROOT } from "../support/run-node";
import { expectEverySlotOnce, expectNothingRunning } from "../support/runs-oracle";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { eventually } from "../support/worker-process";

const SKEW_MS = 20_000;
const JOBS = 5;
const RUN_FOR_MS = 8_000;

function startSkewedWorker(url: string, skewMs: number) {
  const child = spawn(process.execPath, ["--import", "./tests/support/skewed-clock.mjs", "scripts/worker.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: url,
      SUNDIAL_TEST_CLOCK_SKEW_MS: String(skewMs),
      SUNDIAL_HTTP_ALLOW_HOSTS: "127.0.0.1",
      WORKER_HEARTBEAT_SECONDS: "1",
      WORKER_POLL_MS: "200",
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

describe.skipIf(!providers.includes("postgresql"))("workers with skewed clocks on postgresql", () => {
  let t: TestDatabase;
  let recorder: Recorder;
  beforeAll(async () => {
    t = await freshDatabase("postgresql");
    recorder = await startRecorder();
  });
  afterAll(async () => {
    await recorder?.close();
    await t?.drop();
  });

  it("run every slot once, none before its time, none 20 s late", { timeout: 180_000 }, async () => {
    const jobs = [];
    for (let i = 0; i < JOBS; i += 1) jobs.push(await createTestJob(t.db, everySecondHttpJob(`skew-${i}`, `${recorder.url}/hit?job=${i}`, { coalesce: "all", maxInstances: 5 })));
    const workers = [startSkewedWorker(t.url, SKEW_MS), startSkewedWorker(t.url, -SKEW_MS)];
    await eventually(async () => ((await t.db.worker.count({ where: { stoppedAt: null } })) === 2 ? true : undefined), 60_000, "both workers");
    const from = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    await new Promise((resolve) => setTimeout(resolve, RUN_FOR_MS));
    const to = new Date(Math.floor(Date.now() / 1000) * 1000);
    // Each slot up to `to` has been started by now, give or take a loaded machine: not 20 s later.
    await eventually(
      async () => ((await t.db.run.count({ where: { slotAt: { gte: from, lte: to }, startedAt: null, status: { notIn: ["missed", "skipped"] } } })) === 0 ? true : undefined),
      SKEW_MS / 2,
      "every slot up to now to start",
    );
    for (const worker of workers) worker.child.kill("SIGTERM");
    expect(await Promise.all(workers.map((w) => w.exited)), workers.map((w) => w.output()).join("\n")).toEqual([0, 0]);

    for (const job of jobs) {
      const runs = await expectEverySlotOnce(t.db, job.id, { from, to, periodMs: 1000 });
      expect(runs.map((run) => run.status)).toEqual(runs.map(() => "succeeded"));
    }
    await expectNothingRunning(t.db);
    // The receiving end's own clock: no request came before the slot it was for.
    const early = recorder.hits.filter((hit) => hit.scheduledFor !== null && hit.at < Date.parse(hit.scheduledFor) - 50);
    expect(early).toEqual([]);
    // Both workers took part: the test is about two clocks, not one.
    const perWorker = await t.db.run.groupBy({ by: ["workerId"], where: { slotAt: { gte: from, lte: to } }, _count: true });
    expect(perWorker.length).toBe(2);
  });
});
