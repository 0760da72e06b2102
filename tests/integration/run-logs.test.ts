// Run log writes as the worker makes them: several running runs' lines in one write, each fenced by
// its claim token, and the last lines with the outcome.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { createJob } from "@/lib/jobs/create-job";
import { finishRuns } from "@/lib/runs/finish-run";
import { listRunLogs } from "@/lib/runs/read";
import { appendRunLogs, type LogLine } from "@/lib/runs/run-logs";
import { createLogger } from "@/lib/log";
import { createLogWriter } from "@/worker/log-writer";
import { eventually } from "../support/worker-process";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const now = new Date("2026-12-01T10:00:00.000Z");
const line = (seq: number, text: string, stream: LogLine["stream"] = "stdout"): LogLine => ({ seq, at: new Date(now.getTime() + seq), stream, text });

describe.each(providers)("run logs on %s", (provider) => {
  let t: TestDatabase;
  let jobId: string;
  beforeAll(async () => {
    t = await freshDatabase(provider);
    jobId = (await createJob(t.db, { name: "logger", kind: "http", config: { url: "https://example.com/" }, trigger: { type: "cron", expression: "0 * * * *", timezone: "UTC" } }, SYSTEM_ACTOR, { now, defaultTimezone: "UTC" })).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const runningRun = (claimToken: string) =>
    t.db.run.create({ data: { jobId, scheduledFor: now, source: "manual", status: "running", claimToken, startedAt: now, leaseExpiresAt: new Date(now.getTime() + 30_000) } });

  it("writes several runs' lines at once, and refuses those of a run whose claim is gone", async () => {
    const ours = await runningRun("claim-ours");
    const also = await runningRun("claim-also");
    const takenOver = await runningRun("claim-new-owner");
    const written = await appendRunLogs(t.db, [
      { runId: ours.id, claimToken: "claim-ours", lines: [line(1, "first"), line(2, "second", "stderr")], truncated: false },
      { runId: also.id, claimToken: "claim-also", lines: [line(1, "binary \u0000 byte"), line(2, "log truncated", "system")], truncated: true },
      // A worker that was frozen past its lease still holds the old token.
      { runId: takenOver.id, claimToken: "claim-stale", lines: [line(1, "from the old owner")], truncated: false },
    ]);
    expect([...written].sort()).toEqual([ours.id, also.id].sort());

    const oursLog = await listRunLogs(t.db, ours.id);
    expect(oursLog.items.map((l) => [l.seq, l.stream, l.text, l.at])).toEqual([
      [1, "stdout", "first", line(1, "").at.toISOString()],
      [2, "stderr", "second", line(2, "").at.toISOString()],
    ]);
    // PostgreSQL text can't hold NUL: it is stored as the replacement character on both databases.
    expect((await listRunLogs(t.db, also.id)).items.map((l) => l.text)).toEqual(["binary \uFFFD byte", "log truncated"]);
    expect(await listRunLogs(t.db, takenOver.id)).toMatchObject({ items: [] });

    const counters = await t.db.run.findMany({ where: { id: { in: [ours.id, also.id, takenOver.id] } }, select: { id: true, logLineCount: true, logBytes: true, logTruncated: true } });
    const byId = new Map(counters.map((c) => [c.id, c]));
    expect(byId.get(ours.id)).toMatchObject({ logLineCount: 2, logBytes: 11, logTruncated: false });
    expect(byId.get(also.id)).toMatchObject({ logLineCount: 2, logTruncated: true });
    expect(byId.get(takenOver.id)).toMatchObject({ logLineCount: 0, logBytes: 0, logTruncated: false });
  });

  it("adds the last lines with the outcome, after the lines written while it ran", async () => {
    const run = await runningRun("claim-finish");
    await appendRunLogs(t.db, [{ runId: run.id, claimToken: "claim-finish", lines: [line(1, "while running")], truncated: false }]);
    const lines = Array.from({ length: 1200 }, (_, i) => line(i + 2, `line ${i + 2}`));
    const results = await finishRuns(t.db, [
      { runId: run.id, claimToken: "claim-finish", durationMs: 5, outcome: { status: "succeeded" }, now, logs: { lines, truncated: false } },
    ]);
    expect(results.get(run.id)).toMatchObject({ recorded: true });
    const page = await listRunLogs(t.db, run.id, { limit: 1000 });
    expect(page.items[0]).toMatchObject({ seq: 1, text: "while running" });
    expect(page.items.at(-1)).toMatchObject({ seq: 1000, text: "line 1000" });
    expect(await t.db.runLog.count({ where: { runId: run.id } })).toBe(1201);
    expect(await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "succeeded", logLineCount: 1201 });

    // Once the run has ended, a late write of lines finds no running run and writes nothing.
    expect(await appendRunLogs(t.db, [{ runId: run.id, claimToken: "claim-finish", lines: [line(5000, "too late")], truncated: false }])).toEqual(new Set());
    expect(await t.db.runLog.count({ where: { runId: run.id } })).toBe(1201);
  });

  describe("the worker's log writer", () => {
    const log = createLogger("worker");
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const linesOf = async (runId: string) => (await listRunLogs(t.db, runId)).items.map((l) => l.text);

    it("writes a running run's line once it has waited a whole flush interval (pushed 150 ms into a 300 ms interval: not at that tick, at the next)", async () => {
      const run = await runningRun("claim-live");
      const writer = createLogWriter(t.db, log, { flushIntervalMs: 300 });
      try {
        await sleep(150);
        const buffer = writer.open({ runId: run.id, claimToken: "claim-live" });
        const pushedAt = performance.now();
        buffer.push("stdout", "still working");
        const written = await eventually(async () => {
          const lines = await linesOf(run.id);
          return lines.length > 0 ? { lines, afterMs: performance.now() - pushedAt } : undefined;
        }, 5_000, "the line to be written");
        expect(written.lines).toEqual(["still working"]);
        expect(written.afterMs).toBeGreaterThanOrEqual(300);
        // Written while the run still runs; nothing is left for the outcome.
        expect((await writer.close(buffer)).lines).toEqual([]);
      } finally {
        writer.stop();
      }
    });

    // Ticks at 3 s and 6 s; the run ends at about 4.5 s, 1.5 s from either, so a loaded machine's late
    // timers don't move it past the second tick.
    it("leaves the lines of a run that ends within the interval to go with its outcome (a tick passed while they waited 1,800 ms of 3,000)", async () => {
      const run = await runningRun("claim-short");
      const writer = createLogWriter(t.db, log, { flushIntervalMs: 3_000 });
      try {
        await sleep(1_200);
        const buffer = writer.open({ runId: run.id, claimToken: "claim-short" });
        buffer.push("system", "POST http://127.0.0.1/hit");
        await sleep(3_300);
        const rest = await writer.close(buffer);
        expect(rest.lines.map((l) => l.text)).toEqual(["POST http://127.0.0.1/hit"]);
        expect(await linesOf(run.id)).toEqual([]);
      } finally {
        writer.stop();
      }
    });
  });
});
