// Canceling a running run (the API's POST /runs/{id}/cancel, the dashboard's button): the worker that
// holds the claim stops the run, aborting its request, and records it canceled with the reason.
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { cancelRun } from "@/lib/runs/cancel-run";
import { createTestJob } from "../support/jobs";
import { expectNothingRunning } from "../support/runs-oracle";
import { providers } from "../support/test-db";
import { eventually } from "../support/worker-process";
import { workerSuite } from "../support/worker-suite";

describe.each(providers)("%s", (provider) => {
  const suite = workerSuite(provider, { WORKER_POLL_MS: "200", WORKER_HEARTBEAT_SECONDS: "1", LOG_LEVEL: "info" });

  it("a run held open by its endpoint is stopped within seconds of the request, its request aborted, and recorded canceled; the worker goes on", async () => {
    const held: ServerResponse[] = [];
    let aborted = 0;
    suite.recorder.respond((hit, response) => {
      if (hit.path === "/held") {
        held.push(response);
        response.on("close", () => (aborted += response.writableEnded ? 0 : 1));
      } else response.end("ok");
    });
    const runAt = new Date(Date.now() + 1000);
    const job = await createTestJob(suite.t.db, { name: "held", kind: "http", config: { method: "POST", url: `${suite.recorder.url}/held` }, trigger: { type: "date", runAt: runAt.toISOString() }, retry: { maxAttempts: 3, backoffSeconds: 1 } });
    const worker = suite.pool.start();
    const running = await eventually(async () => (await suite.t.db.run.findFirst({ where: { jobId: job.id, status: "running" } })) ?? undefined, 30_000, "the run to start");
    await eventually(async () => (held.length === 1 ? true : undefined), 15_000, "the request to arrive");

    await cancelRun(suite.t.db, { id: running.id }, SYSTEM_ACTOR, { now: new Date() });
    const ended = await eventually(async () => (await suite.t.db.run.findFirst({ where: { id: running.id, status: { not: "running" } } })) ?? undefined, 15_000, "the run to end");
    expect(ended).toMatchObject({ status: "canceled", reason: "canceled on request while running" });
    expect(ended.cancelRequestedAt).not.toBeNull();
    await eventually(async () => (aborted === 1 ? true : undefined), 10_000, "the held request to be aborted");
    // A canceled run is not a failure: no retry, even though the policy allows three attempts.
    expect(await suite.t.db.run.count({ where: { jobId: job.id } })).toBe(1);

    // The worker is still working: a new job runs.
    const next = await createTestJob(suite.t.db, { name: "after", kind: "http", config: { method: "POST", url: `${suite.recorder.url}/after` }, trigger: { type: "date", runAt: new Date(Date.now() + 1000).toISOString() } });
    await eventually(async () => (await suite.t.db.run.findFirst({ where: { jobId: next.id, status: "succeeded" } })) ?? undefined, 30_000, "the next job to run");
    await suite.pool.stop(worker);
    await expectNothingRunning(suite.t.db);
  });
});
