// HTTP jobs on kept-alive connections, with a real worker process and a real server on 127.0.0.1.
// The server plays the race that keep-alive brings: it closes a connection just as a request
// arrives on it, without answering. On a reused connection the worker sends the request again, once,
// on a new connection; on a new connection (the server refused to act on a first request) it does
// not, and the run fails with the cause.
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import { expectNothingRunning } from "../support/runs-oracle";
import { providers } from "../support/test-db";
import { eventually } from "../support/worker-process";
import { workerSuite } from "../support/worker-suite";

const WORKER = { WORKER_POLL_MS: "100", WORKER_HEARTBEAT_SECONDS: "1", WORKER_CONCURRENCY: "4" };

describe.each(providers)("%s", (provider) => {
  const suite = workerSuite(provider, WORKER);
  const { start, stop } = suite.pool;
  const db = () => suite.t.db;

  it("reuses one connection across runs; a request the server drops on a reused connection is sent again on a new one, and the run succeeds", async () => {
    // Every connection answers its first two requests and drops its third unanswered.
    const served = new WeakMap<Socket, number>();
    const sockets = new Set<Socket>();
    suite.recorder.respond((_, response) => {
      const socket = response.socket!;
      sockets.add(socket);
      const count = (served.get(socket) ?? 0) + 1;
      served.set(socket, count);
      if (count === 3) socket.destroy();
      else response.end("ok");
    });
    const job = await createTestJob(db(), everySecondHttpJob("kept-alive", `${suite.recorder.url}/kept-alive`, { coalesce: "latest" }));
    const worker = start();
    await eventually(async () => ((await db().run.count({ where: { jobId: job.id, status: "succeeded" } })) >= 4 ? true : undefined), 30_000, "four runs to succeed");
    await stop(worker);

    const runs = await db().run.findMany({ where: { jobId: job.id }, orderBy: { slotAt: "asc" }, select: { id: true, status: true, httpStatus: true } });
    expect(runs.filter((run) => run.status !== "succeeded" && run.status !== "skipped")).toEqual([]);
    const hits = suite.recorder.hits.filter((hit) => hit.path === "/kept-alive");
    // Each dropped request was sent again: one run, two requests; every other run, one.
    const perRun = new Map<string, number>();
    for (const hit of hits) perRun.set(hit.runId!, (perRun.get(hit.runId!) ?? 0) + 1);
    const sentTwice = [...perRun].filter(([, count]) => count === 2).map(([runId]) => runId);
    expect([...perRun.values()].every((count) => count === 1 || count === 2)).toBe(true);
    expect(sentTwice.length).toBeGreaterThanOrEqual(1);
    // Fewer connections than requests: they were kept alive and reused.
    expect(sockets.size).toBeLessThan(hits.length);
    for (const runId of sentTwice) {
      const lines = await db().runLog.findMany({ where: { runId }, orderBy: { seq: "asc" }, select: { text: true } });
      expect(lines.map((line) => line.text)).toEqual([
        `POST ${suite.recorder.url}/kept-alive`,
        "the kept-alive connection was closed by the server before it answered; sending again on a new connection",
        expect.stringMatching(/^HTTP 200 in \d+ ms$/),
      ]);
      expect(runs.find((run) => run.id === runId)).toMatchObject({ status: "succeeded", httpStatus: 200 });
    }
    await expectNothingRunning(db());
  });

  it("with WORKER_HTTP_CONNECTIONS_PER_ORIGIN=2, six jobs due together share two connections to their service, and every run succeeds", async () => {
    // Each response is held 100 ms, so the six requests of a slot overlap: without the cap each would
    // get a connection of its own.
    const sockets = new Set<Socket>();
    suite.recorder.respond((_, response) => {
      sockets.add(response.socket!);
      setTimeout(() => response.end("ok"), 100);
    });
    const jobs = [];
    const createdAt = new Date();
    for (let i = 0; i < 6; i += 1) jobs.push(await createTestJob(db(), everySecondHttpJob(`shared-${i}`, `${suite.recorder.url}/shared-${i}`, { coalesce: "latest" }), createdAt));
    const worker = start({ WORKER_CONCURRENCY: "8", WORKER_HTTP_CONNECTIONS_PER_ORIGIN: "2" });
    const ids = jobs.map((job) => job.id);
    await eventually(async () => ((await db().run.count({ where: { jobId: { in: ids }, status: "succeeded" } })) >= 18 ? true : undefined), 30_000, "eighteen runs to succeed");
    await stop(worker);

    const runs = await db().run.findMany({ where: { jobId: { in: ids }, status: { notIn: ["skipped", "missed"] } }, select: { status: true } });
    expect(runs.map((run) => run.status)).toEqual(runs.map(() => "succeeded"));
    expect(sockets.size).toBeLessThanOrEqual(2);
    await expectNothingRunning(db());
  });

  it("keeps the start of a large response (4,096 bytes read, 4,000 characters stored) and goes on; a redirect's body is read so its connection carries the next request", async () => {
    // Bad input tried: a response of 1 MB (past the excerpt and past what is read to keep a connection).
    const big = "0123456789abcdef".repeat(65_536);
    const sockets = new Set<Socket>();
    suite.recorder.respond((hit, response) => {
      sockets.add(response.socket!);
      // A redirect with a body of its own (64 KB), which must be read for its connection to go on.
      if (hit.path === "/moved") response.writeHead(302, { location: "/big" }).end(big.slice(0, 65_536));
      else response.end(big);
    });
    const job = await createTestJob(db(), everySecondHttpJob("big", `${suite.recorder.url}/moved`, { coalesce: "latest" }));
    const worker = start();
    await eventually(async () => ((await db().run.count({ where: { jobId: job.id, status: "succeeded" } })) >= 3 ? true : undefined), 30_000, "three runs to succeed");
    await stop(worker);

    const runs = await db().run.findMany({ where: { jobId: job.id, status: { not: "skipped" } }, select: { status: true, httpStatus: true, outputSummary: true } });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    for (const run of runs) expect(run).toEqual({ status: "succeeded", httpStatus: 200, outputSummary: `${big.slice(0, 4000)}… (96 more characters)` });
    const hits = suite.recorder.hits.filter((hit) => hit.path === "/moved" || hit.path === "/big");
    expect(hits.every((hit) => hit.headers["user-agent"]?.startsWith("Sundial/"))).toBe(true);
    // The unread rest of a big body closes its connection; a redirect's connection carries on to
    // the next request (had its body been left unread too, every request would need a new one).
    expect(hits).toHaveLength(2 * runs.length);
    expect(sockets.size).toBeLessThan(hits.length);
    await expectNothingRunning(db());
  });

  it("a request dropped on a new connection is not sent again: the run fails with the cause", async () => {
    // Bad input tried: a server that closes every connection on its first request without answering.
    suite.recorder.respond((_, response) => {
      response.socket!.destroy();
    });
    const job = await createTestJob(db(), everySecondHttpJob("drops", `${suite.recorder.url}/drops`, { coalesce: "latest" }));
    const worker = start();
    const failed = await eventually(async () => (await db().run.findFirst({ where: { jobId: job.id, status: "failed" } })) ?? undefined, 30_000, "a run to fail");
    await stop(worker);

    expect(failed.errorMessage).toMatch(/other side closed/);
    expect(suite.recorder.hits.filter((hit) => hit.runId === failed.id)).toHaveLength(1);
    await expectNothingRunning(db());
  });
});
