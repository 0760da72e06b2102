// PostgreSQL workers wake on NOTIFY when a job is created, instead of waiting for their next poll.
// The poll interval here is a minute: a run that starts within seconds was woken.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenForDue } from "@/worker/due-listener";
import { adminQuery } from "../support/postgres";
import { createTestJob } from "../support/jobs";
import { startRecorder, type Recorder } from "../support/recorder";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { eventually, startWorker, type WorkerProcess } from "../support/worker-process";

const SLOW_POLL = { WORKER_POLL_MS: "60000", WORKER_HEARTBEAT_SECONDS: "1", LOG_LEVEL: "info" };

describe.skipIf(!providers.includes("postgresql"))("due notifications on postgresql", () => {
  let t: TestDatabase;
  let recorder: Recorder;
  let worker: WorkerProcess;

  beforeAll(async () => {
    t = await freshDatabase("postgresql");
    recorder = await startRecorder();
    worker = startWorker(t.url, SLOW_POLL);
    await eventually(async () => (worker.output().includes('"msg":"built-in jobs checked"') ? true : undefined), 60_000, "the worker to start");
  });
  afterAll(async () => {
    worker?.child.kill("SIGTERM");
    await worker?.exited;
    await recorder?.close();
    await t?.drop();
  });

  async function runOfNewJob(name: string) {
    // Let the worker fall asleep on its one-minute poll first.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const job = await createTestJob(t.db, {
      name,
      kind: "http",
      config: { method: "POST", url: `${recorder.url}/${name}` },
      trigger: { type: "date", runAt: new Date(Date.now() + 1000).toISOString() },
    });
    return eventually(async () => (await t.db.run.findFirst({ where: { jobId: job.id, status: "succeeded" } })) ?? undefined, 30_000, `${name} to run`);
  }

  it("starts a job created while the worker sleeps on a one-minute poll", async () => {
    const run = await runOfNewJob("woken");
    expect(run.latenessMs).toBeLessThan(30_000);
  });

  it("listens again after its connection is killed (pg_terminate_backend)", async () => {
    const database = new URL(t.url).pathname.slice(1);
    await adminQuery(
      process.env.TEST_POSTGRES_URL!,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND query ILIKE 'LISTEN%'`,
    );
    await eventually(async () => (worker.output().includes('"msg":"due listener connected again"') ? true : undefined), 30_000, "the listener to reconnect");
    const run = await runOfNewJob("woken-again");
    expect(run.latenessMs).toBeLessThan(30_000);
    expect(worker.child.exitCode).toBeNull();
  });

  it("stops when told to while it is still connecting (a worker stopped just after it started)", async () => {
    const stop = new AbortController();
    let woken = 0;
    const listening = listenForDue(t.url, { wake: () => (woken += 1), log: pino({ level: "silent" }), signal: stop.signal });
    // Aborted before the connection and LISTEN complete: the listener must see it once they do.
    stop.abort();
    const ended = await Promise.race([listening.then(() => "stopped"), new Promise((resolve) => setTimeout(resolve, 10_000, "still listening"))]);
    expect(ended).toBe("stopped");
    expect(woken).toBe(1);
  });
});
