// Alerts from real worker processes, on both databases: exactly one alert per state change to a
// local webhook receiver and a local SMTP sink with three workers, a misfire, a lost run, the
// dead-man's switch with no worker alive (the web server's sweep), and receivers that fail.
process.env.SUNDIAL_ALERT_SWEEP_MS = "200";
process.env.SUNDIAL_HTTP_ALLOW_HOSTS = "127.0.0.1";

import { createServer, type AddressInfo } from "node:net";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createAlertChannel } from "@/lib/alerts/save-channel";
import { startAlertSweeper } from "@/lib/alerts/sweeper";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { databaseClock } from "@/lib/runs/db-clock";
import { deriveSealingKey } from "@/lib/secrets/sealing-key";
import { createTestJob, everySecondHttpJob } from "../support/jobs";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { providers } from "../support/test-db";
import { workerSuite } from "../support/worker-suite";
import { eventually } from "../support/worker-process";

// Channels are sealed with the workers' secret: the test process's own key is another.
const SECRET = "alerts-workers-test-secret-0123456789abcdef";
const sealingKey = deriveSealingKey(SECRET);
const WORKER_ENV = {
  SUNDIAL_SECRET: SECRET,
  SUNDIAL_ALERT_SWEEP_MS: "200",
  SUNDIAL_ALERT_RETRY_MS: "50",
  WORKER_POLL_MS: "200",
  WORKER_HEARTBEAT_SECONDS: "1",
  WORKER_OFFLINE_AFTER_SECONDS: "3",
  LOG_LEVEL: "info",
};
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(providers)("alerts from worker processes on %s", (provider) => {
  const suite = workerSuite(provider, WORKER_ENV);
  let smtp: SmtpSink;
  beforeEach(async () => {
    smtp = await startSmtpSink();
  });
  afterEach(async () => {
    await smtp.close();
    await suite.t.db.alertDelivery.deleteMany();
    await suite.t.db.alertChannel.deleteMany();
  });

  async function channels() {
    await createAlertChannel(suite.t.db, { name: "hook", type: "webhook", global: true, config: { url: `${suite.recorder.url}/webhook` } }, SYSTEM_ACTOR, { sealingKey });
    await createAlertChannel(
      suite.t.db,
      { name: "mail", type: "email", global: true, config: { host: "127.0.0.1", port: smtp.port, security: "none", from: "sundial@example.test", to: ["ops@example.test"] } },
      SYSTEM_ACTOR,
      { sealingKey },
    );
  }
  const events = () => suite.recorder.hits.filter((hit) => hit.path === "/webhook").map((hit) => (JSON.parse(hit.body) as { event: string }).event);
  const subjects = () => smtp.messages.map((message) => /^Subject: (.*)$/m.exec(message.data)?.[1] ?? "");

  it("three workers send exactly one failure and one recovery alert per channel for three failures then successes", { timeout: 180_000 }, async () => {
    await channels();
    let calls = 0;
    suite.recorder.respond((hit, response) => {
      if (hit.path === "/job") {
        calls += 1;
        response.statusCode = calls <= 3 ? 500 : 200;
      }
      response.end("ok");
    });
    await createTestJob(suite.t.db, everySecondHttpJob("flaky", `${suite.recorder.url}/job`));
    const workers = [1, 2, 3].map(() => suite.pool.start());
    await eventually(async () => (events().includes("recovery") ? true : undefined), 120_000, "the recovery alert");
    // More successful runs finish and are swept by all three workers: none may alert again.
    const succeeded = await suite.t.db.run.count({ where: { status: "succeeded" } });
    await eventually(async () => ((await suite.t.db.run.count({ where: { status: "succeeded" } })) >= succeeded + 3 ? true : undefined), 60_000, "three more runs");
    await settle(1500);
    expect(events()).toEqual(["failure", "recovery"]);
    expect(subjects()).toEqual(["=?UTF-8?Q?=5BSundial=5D_=22flaky=22_failed?=", expect.stringContaining("recovered")]);
    expect(await suite.t.db.run.count({ where: { status: "failed" } })).toBe(3);
    for (const worker of workers) await suite.pool.stop(worker);
  });

  it("sends one misfire alert for the slots missed while no worker ran", { timeout: 120_000 }, async () => {
    await channels();
    const job = await createTestJob(suite.t.db, everySecondHttpJob("missed-while-down", `${suite.recorder.url}/job`, { misfireGraceSeconds: 5, startGraceSeconds: null, coalesce: "skip" }));
    await suite.t.db.job.update({ where: { id: job.id }, data: { nextRunAt: new Date(Date.now() - 30_000) } });
    const worker = suite.pool.start();
    await eventually(async () => (events().includes("misfire") ? true : undefined), 60_000, "the misfire alert");
    await eventually(async () => (events().includes("recovery") ? true : undefined), 60_000, "the recovery alert");
    await settle(1000);
    expect(events()).toEqual(["misfire", "recovery"]);
    expect(await suite.t.db.run.count({ where: { jobId: job.id, status: "missed" } })).toBeGreaterThan(0);
    await suite.pool.stop(worker);
  });

  it("sends one lost alert when a killed worker's run is reaped", { timeout: 120_000 }, async () => {
    await channels();
    // The call never returns, so the run is still running when its worker is killed.
    suite.recorder.respond((hit, response) => {
      if (hit.path !== "/hang") response.end("ok");
    });
    const job = await createTestJob(suite.t.db, everySecondHttpJob("hangs", `${suite.recorder.url}/hang`, { startGraceSeconds: null }));
    const first = suite.pool.start({ WORKER_LEASE_SECONDS: "2" });
    await eventually(async () => ((await suite.t.db.run.count({ where: { jobId: job.id, status: "running" } })) > 0 ? true : undefined), 60_000, "a running run");
    first.child.kill("SIGKILL");
    await first.exited;
    const second = suite.pool.start({ WORKER_LEASE_SECONDS: "2", WORKER_SHUTDOWN_GRACE_SECONDS: "1" });
    await eventually(async () => (events().includes("lost") ? true : undefined), 60_000, "the lost alert");
    await settle(1500);
    expect(events()).toEqual(["lost"]);
    const lost = suite.recorder.hits.find((hit) => hit.path === "/webhook")!;
    expect(JSON.parse(lost.body)).toMatchObject({ event: "lost", job: { name: "hangs" }, reason: expect.stringContaining("worker lost") });
    expect(subjects()).toEqual([expect.stringContaining("lost")]);
    await suite.pool.stop(second);
  });

  /** A webhook channel and a job whose slot is 5 minutes past its 60 s start grace, with no worker alive. */
  async function unattendedLateJob(name: string) {
    await createAlertChannel(suite.t.db, { name: "hook", type: "webhook", global: true, config: { url: `${suite.recorder.url}/webhook` } }, SYSTEM_ACTOR);
    const job = await createTestJob(suite.t.db, everySecondHttpJob(name, `${suite.recorder.url}/job`, { startGraceSeconds: 60 }));
    await suite.t.db.job.update({ where: { id: job.id }, data: { nextRunAt: new Date(Date.now() - 5 * 60_000) } });
    // Workers killed by earlier tests still look alive for a while: make them look long dead.
    await suite.t.db.worker.updateMany({ data: { lastHeartbeatAt: new Date(0) } });
    return job;
  }

  it("with no worker alive, the web server's sweep raises exactly one late alert for a slot past its start grace", { timeout: 60_000 }, async () => {
    await unattendedLateJob("unattended");
    const stop = new AbortController();
    // What instrumentation.ts starts in the web server.
    const sweeper = startAlertSweeper(suite.t.db, { role: "web", log: pino({ level: "silent" }), clock: databaseClock(suite.t.db), signal: stop.signal });
    try {
      await eventually(async () => (events().includes("late") ? true : undefined), 30_000, "the late alert");
      await settle(1000);
    } finally {
      stop.abort();
      await sweeper;
    }
    expect(events()).toEqual(["late"]);
    const body = JSON.parse(suite.recorder.hits.find((hit) => hit.path === "/webhook")!.body) as { reason: string };
    expect(body.reason).toContain("no worker is online");
    expect(await suite.t.db.alertDelivery.findMany({ select: { event: true, status: true } })).toEqual([{ event: "late", status: "sent" }]);
  });

  it("a worker's sweeper (first sweep after one interval) stopped before its first interval is over has swept nothing", { timeout: 60_000 }, async () => {
    const job = await unattendedLateJob("unattended-2");
    const stop = new AbortController();
    const sweeper = startAlertSweeper(suite.t.db, { role: "web", log: pino({ level: "silent" }), clock: databaseClock(suite.t.db), signal: stop.signal, firstAfterInterval: true });
    // The interval is 200 ms: a sweep at the start would have raised the late alert (the test above).
    setTimeout(() => stop.abort(), 50);
    await sweeper;
    expect(await suite.t.db.alertDelivery.count()).toBe(0);
    expect(await suite.t.db.jobAlertState.count({ where: { jobId: job.id } })).toBe(0);
  });

  it("records deliveries to a failing and an absent receiver as failed, and the worker keeps running", { timeout: 120_000 }, async () => {
    suite.recorder.respond((hit, response) => {
      response.statusCode = 500;
      response.end(hit.path === "/webhook" ? "receiver broken" : "job broken");
    });
    await createAlertChannel(suite.t.db, { name: "broken", type: "webhook", global: true, config: { url: `${suite.recorder.url}/webhook` } }, SYSTEM_ACTOR, { sealingKey });
    await createAlertChannel(suite.t.db, { name: "absent", type: "slack", global: true, config: { url: `http://127.0.0.1:${await closedPort()}/hook` } }, SYSTEM_ACTOR, { sealingKey });
    const job = await createTestJob(suite.t.db, everySecondHttpJob("failing", `${suite.recorder.url}/job`));
    const worker = suite.pool.start();
    const failed = await eventually(
      async () => {
        const rows = await suite.t.db.alertDelivery.findMany({ where: { status: "failed" }, orderBy: { channelName: "asc" } });
        return rows.length === 2 ? rows : undefined;
      },
      60_000,
      "both deliveries to fail",
    );
    expect(failed.map((row) => [row.channelName, row.attempts])).toEqual([
      ["absent", 4],
      ["broken", 4],
    ]);
    expect(failed[1]!.lastError).toBe("HTTP 500: receiver broken");
    expect(failed[0]!.lastError).toMatch(/ECONNREFUSED/);
    const runs = await suite.t.db.run.count({ where: { jobId: job.id, status: "failed" } });
    await eventually(async () => ((await suite.t.db.run.count({ where: { jobId: job.id, status: "failed" } })) > runs + 1 ? true : undefined), 30_000, "more runs");
    expect(worker.child.exitCode).toBeNull();
    expect(worker.output()).toContain('"msg":"alert delivery failed; giving up"');
    expect(worker.output()).toContain(`"jobId":"${job.id}"`);
    await suite.pool.stop(worker);
  });
});
