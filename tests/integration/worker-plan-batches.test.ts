// More jobs due at once than one transaction plans: the worker plans the rest at once, not a poll
// interval later. In-process loop with a batch of 10 and a one-minute poll; 25 one-off jobs due on
// the same instant. The worker runs no kind of job here, so what it planned stays queued to be counted.
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { databaseClock } from "@/lib/runs/db-clock";
import { runWorkerLoop } from "@/worker/loop";
import { createTestJob } from "../support/jobs";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { eventually } from "../support/worker-process";

describe.each(providers)("%s", (provider) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.drop();
  });

  it("plans 25 jobs due on one instant in batches of 10, one right after another, though its poll is a minute", async () => {
    t = await freshDatabase(provider);
    const db = t.db;
    const runAt = new Date(Date.now() + 2_000);
    const jobIds: string[] = [];
    for (let i = 0; i < 25; i++) {
      const job = await createTestJob(db, { name: `batch-${i}`, kind: "http", config: { method: "POST", url: "http://127.0.0.1:9/" }, trigger: { type: "date", runAt: runAt.toISOString() } });
      jobIds.push(job.id);
    }
    const stop = new AbortController();
    const log = createLogger("worker", {}, { write: () => undefined });
    const loop = runWorkerLoop(db, { workerId: "planner", capacity: 1, leaseMs: 30_000, pollMs: 60_000, leadMs: 500, planBatch: 10, shutdownGraceMs: 0, executors: {}, log, clock: databaseClock(db), stop: stop.signal });
    try {
      const planned = await eventually(async () => {
        const runs = await db.run.findMany({ where: { jobId: { in: jobIds } }, select: { jobId: true, scheduledFor: true, status: true } });
        return runs.length === 25 ? runs : undefined;
      }, 20_000, "all 25 slots to be planned");
      expect(new Set(planned.map((run) => run.jobId)).size).toBe(25);
      expect(planned.every((run) => run.status === "queued" && run.scheduledFor.getTime() === runAt.getTime())).toBe(true);
    } finally {
      stop.abort();
      await loop;
    }
  });
});
