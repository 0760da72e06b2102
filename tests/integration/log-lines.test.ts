// Log lines an operator greps for carry the ids of what they are about: the reaper's names the run,
// its job and the worker that lost it (and the reaping worker, bound on its logger); a server action's
// failure names the action and who called it. The lines are read back from pino's own output.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as LogModule from "@/lib/log";
import type { Caller } from "@/lib/web/caller";
import { databaseClock } from "@/lib/runs/db-clock";
import { createTestJob } from "../support/jobs";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";
import { runWorkerLoop } from "@/worker/loop";

type Line = Record<string, unknown> & { msg: string };

/** A pino destination that keeps the parsed lines. */
function capture(): { lines: Line[]; stream: pino.DestinationStream } {
  const lines: Line[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line) as Line) } };
}

const captured = vi.hoisted(() => ({ web: [] as Record<string, unknown>[] }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/web/caller", () => ({
  callerFrom: async (): Promise<Caller> =>
    ({ via: "token", role: "operator", actor: { type: "token", id: "token-ops", label: "ops bot" } }) as unknown as Caller,
}));
vi.mock("@/lib/log", async (importOriginal) => {
  const actual = await importOriginal<typeof LogModule>();
  return {
    ...actual,
    createLogger: (component: "web" | "worker" | "cli", bindings: Record<string, unknown> = {}) =>
      actual.createLogger(component, bindings, component === "web" ? { write: (line: string) => void captured.web.push(JSON.parse(line) as Record<string, unknown>) } : undefined),
  };
});

describe.each(providers)("log lines on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("the reaper's line names the run, its job, the worker that lost it and the reaping worker", async () => {
    const job = await createTestJob(t.db, { name: "reaped", kind: "http", config: { url: "https://example.com" }, trigger: { type: "cron", expression: "0 0 1 1 *" } });
    await t.db.worker.create({ data: { id: "worker-gone", host: "h", pid: 1, version: "0", capacity: 1 } });
    const expired = new Date(Date.now() - 60_000);
    const run = await t.db.run.create({
      data: { jobId: job.id, scheduledFor: expired, source: "manual", status: "running", workerId: "worker-gone", claimToken: "token-1", leaseExpiresAt: expired, startedAt: expired },
    });

    const { lines, stream } = capture();
    const log = pino({ base: { component: "worker", workerId: "worker-reaper" } }, stream);
    const stop = new AbortController();
    const reaped = new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (lines.some((line) => line.msg === "run of a lost worker recorded as lost")) {
          clearInterval(timer);
          resolve();
        }
      }, 10);
    });
    const loop = runWorkerLoop(t.db, { workerId: "worker-reaper", capacity: 1, leaseMs: 30_000, pollMs: 20, leadMs: 0, shutdownGraceMs: 0, executors: {}, log, clock: databaseClock(t.db), stop: stop.signal });
    await reaped;
    stop.abort();
    await loop;

    expect(lines.find((line) => line.msg === "run of a lost worker recorded as lost")).toMatchObject({ runId: run.id, jobId: job.id, lostWorkerId: "worker-gone", workerId: "worker-reaper" });
    expect(await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "lost" });
  });
});

describe("a server action's failure", () => {
  it("is logged with the action's name and the caller", async () => {
    const { z } = await import("zod");
    const { defineAction } = await import("@/lib/web/define-action");
    const explode = defineAction({ permission: "jobs:write", input: z.object({ id: z.string() }), name: "jobs.explode" }, async () => {
      throw new Error("disk on fire");
    });
    const result = await explode(null, { id: "job-1" });
    expect(result).toMatchObject({ ok: false, code: "internal" });
    expect(JSON.stringify(result)).not.toContain("disk on fire");
    expect(captured.web.find((line) => line.msg === "server action failed")).toMatchObject({
      action: "jobs.explode",
      callerVia: "token",
      callerId: "token-ops",
      callerRole: "operator",
      err: { message: "disk on fire" },
    });
  });
});
