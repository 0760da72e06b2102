// Alert evaluation and delivery in-process, on both databases: state changes from finished runs,
// the dead-man's switch with no worker at all, concurrent sweeps, retries and failures, test-send.
// The worker-process side is in alerts-workers.test.ts.
process.env.SUNDIAL_HTTP_ALLOW_HOSTS = "127.0.0.1";

import { createServer, type AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAlertChannel, deleteAlertChannel, updateAlertChannel } from "@/lib/alerts/save-channel";
import { listAlertChannels, listAlertDeliveries } from "@/lib/alerts/read";
import { evaluatesAlerts } from "@/lib/alerts/evaluator";
import { advanceQuietJobs } from "@/lib/alerts/state-change";
import { sweepAlerts } from "@/lib/alerts/sweep";
import { testAlertChannel } from "@/lib/alerts/test-channel";
import { createDb, type Db, type RunStatus } from "@/lib/db";
import { SYSTEM_ACTOR } from "@/lib/jobs/actor";
import { updateJob } from "@/lib/jobs/update-job";
import { createTestJob } from "../support/jobs";
import { startRecorder, type Recorder } from "../support/recorder";
import { startSmtpSink, type SmtpSink } from "../support/smtp-sink";
import { freshDatabase, providers, type TestDatabase } from "../support/test-db";

const log = pino({ level: "silent" });
const sweep = (db: Db, now = new Date()) => sweepAlerts(db, { log, now: () => now, retryMs: 10, offlineAfterSeconds: 30 });

/** Sweeps until nothing is left to send (failed deliveries wait 10 ms, 20 ms, 40 ms between attempts). */
async function sweepUntilQuiet(db: Db): Promise<void> {
  for (let i = 0; i < 50; i++) {
    await sweep(db);
    if ((await db.alertDelivery.count({ where: { status: { in: ["pending", "sending"] } } })) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("deliveries still pending after 50 sweeps");
}

/** A port on 127.0.0.1 that nothing listens on (just released by the OS). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const YEARLY = { type: "cron", expression: "0 0 1 1 *", timezone: "UTC" };

describe.each(providers)("alerts on %s", (provider) => {
  let t: TestDatabase;
  let recorder: Recorder;
  let smtp: SmtpSink;
  beforeAll(async () => {
    t = await freshDatabase(provider);
  });
  afterAll(async () => {
    await t.drop();
  });
  beforeEach(async () => {
    recorder = await startRecorder();
    smtp = await startSmtpSink();
  });
  afterEach(async () => {
    await recorder.close();
    await smtp.close();
    await t.db.alertDelivery.deleteMany();
    await t.db.alertChannel.deleteMany();
    await t.db.job.deleteMany();
  });

  async function channels({ global = true } = {}) {
    const webhook = await createAlertChannel(t.db, { name: "hook", type: "webhook", global, config: { url: `${recorder.url}/webhook`, signingSecret: "s3cret" } }, SYSTEM_ACTOR);
    const slack = await createAlertChannel(t.db, { name: "slack", type: "slack", global, config: { url: `${recorder.url}/slack` } }, SYSTEM_ACTOR);
    const email = await createAlertChannel(
      t.db,
      { name: "mail", type: "email", global, config: { host: "127.0.0.1", port: smtp.port, security: "none", from: "sundial@example.test", to: ["ops@example.test"] } },
      SYSTEM_ACTOR,
    );
    return { webhook, slack, email };
  }

  async function job(name: string, extra: Record<string, unknown> = {}) {
    return createTestJob(t.db, { name, kind: "http", config: { method: "GET", url: `${recorder.url}/job` }, trigger: YEARLY, ...extra });
  }

  let clock = Date.now();
  async function finish(jobId: string, status: RunStatus, fields: { reason?: string; errorMessage?: string } = {}) {
    clock += 1000;
    return t.db.run.create({ data: { jobId, scheduledFor: new Date(clock), source: "manual", status, startedAt: new Date(clock), finishedAt: new Date(clock), ...fields } });
  }

  const hitsOn = (path: string) => recorder.hits.filter((hit) => hit.path === path).map((hit) => JSON.parse(hit.body) as Record<string, unknown>);

  it("one sweep catches up on 2,500 quiet runs of 500 jobs and alerts the failure after them; a sweeping process's cursor still sees a run written late", async () => {
    const { webhook } = await channels();
    const jobs: { id: string }[] = [];
    for (let i = 0; i < 500; i++) jobs.push(await job(`busy-${i}`));
    const base = Date.now() - 60_000;
    // Five succeeded runs of each job, then one failure of the last job: 2,501 finished runs.
    await t.db.run.createMany({
      data: jobs.flatMap((j, i) =>
        [0, 1, 2, 3, 4].map((k) => ({ jobId: j.id, scheduledFor: new Date(base + k * 1000 + i), source: "manual" as const, status: "succeeded" as const, finishedAt: new Date(base + k * 1000 + i) })),
      ),
    });
    const last = jobs.at(-1)!;
    await t.db.run.create({ data: { jobId: last.id, scheduledFor: new Date(base + 6000), source: "manual", status: "failed", errorMessage: "HTTP 503", finishedAt: new Date(base + 6000) } });
    const cursor = { marginMs: 30_000 };
    const now = new Date();
    const first = await sweepAlerts(t.db, { log, now: () => now, retryMs: 10, offlineAfterSeconds: 30, cursor });
    expect(first.changes).toBe(1);
    expect(cursor).toMatchObject({ caughtUpTo: now });
    // Every job's watermark is at its newest run, written once for the sweep although its runs came
    // in three batches of 1,000: the quiet jobs' rows were created at version 1 already carrying it.
    const states = await t.db.jobAlertState.findMany({ where: { jobId: { in: jobs.map((j) => j.id) } } });
    expect(states).toHaveLength(500);
    expect(states.filter((state) => state.state !== "healthy").map((state) => state.jobId)).toEqual([last.id]);
    expect(states.find((state) => state.jobId === jobs[0]!.id)).toMatchObject({ version: 1, evaluatedAt: new Date(base + 4000) });
    expect(states.find((state) => state.jobId === jobs[1]!.id)).toMatchObject({ version: 1, evaluatedAt: new Date(base + 4001) });

    // A quiet job deleted between the read of its runs and the write of its watermark gets no state
    // row, and the other jobs' watermarks still move.
    await advanceQuietJobs(t.db, [
      { jobId: "deleted-meanwhile", seen: null, next: { state: "healthy", since: now, reason: null, runId: null, evaluatedAt: now, evaluatedRunId: "r" } },
      { jobId: jobs[1]!.id, seen: states.find((state) => state.jobId === jobs[1]!.id)!, next: { state: "healthy", since: now, reason: null, runId: null, evaluatedAt: new Date(base + 4500), evaluatedRunId: "r" } },
    ]);
    expect(await t.db.jobAlertState.count({ where: { jobId: "deleted-meanwhile" } })).toBe(0);
    expect(await t.db.jobAlertState.findUnique({ where: { jobId: jobs[1]!.id } })).toMatchObject({ version: 2, evaluatedAt: new Date(base + 4500) });

    // A run whose outcome was written late (finished 10 s before the last sweep caught up) is still
    // evaluated by the next sweep, within the cursor's margin; nothing is evaluated twice.
    await t.db.run.create({ data: { jobId: jobs[0]!.id, scheduledFor: new Date(now.getTime() - 10_000), source: "manual", status: "failed", errorMessage: "written late", finishedAt: new Date(now.getTime() - 10_000) } });
    const later = new Date(now.getTime() + 5000);
    expect((await sweepAlerts(t.db, { log, now: () => later, retryMs: 10, offlineAfterSeconds: 30, cursor })).changes).toBe(1);
    expect((await sweepAlerts(t.db, { log, now: () => later, retryMs: 10, offlineAfterSeconds: 30, cursor })).changes).toBe(0);
    await sweepUntilQuiet(t.db);
    expect(hitsOn("/webhook").map((body) => [body.event, body.reason])).toEqual([
      ["failure", "HTTP 503"],
      ["failure", "written late"],
    ]);
    expect((await t.db.alertDelivery.count({ where: { channelId: webhook.id } }))).toBe(2);
  });

  it("sends one failure alert and one recovery alert per channel for three failures then a success", async () => {
    await channels();
    const { id } = await job("flaky");
    await finish(id, "succeeded");
    await sweepUntilQuiet(t.db);
    for (let i = 0; i < 3; i++) {
      await finish(id, "failed", { errorMessage: `HTTP 500 (attempt ${i + 1})` });
      await sweepUntilQuiet(t.db);
    }
    await finish(id, "succeeded");
    await sweepUntilQuiet(t.db);
    await sweepUntilQuiet(t.db);

    const webhook = hitsOn("/webhook");
    expect(webhook.map((body) => body.event)).toEqual(["failure", "recovery"]);
    expect(webhook[0]).toMatchObject({ title: '"flaky" failed', reason: "HTTP 500 (attempt 1)", job: { id, name: "flaky" } });
    expect(webhook[1]).toMatchObject({ event: "recovery", previousState: "failing" });
    const signed = recorder.hits.find((hit) => hit.path === "/webhook")!;
    expect(signed.headers["x-sundial-signature"]).toMatch(/^sha256=[0-9a-f]{64}$/);

    const slack = hitsOn("/slack");
    expect(slack).toHaveLength(2);
    expect(slack[0]!.text).toContain('"flaky" failed');
    expect(Array.isArray(slack[0]!.blocks)).toBe(true);

    expect(smtp.messages).toHaveLength(2);
    expect(smtp.messages[0]!.to).toEqual(["ops@example.test"]);
    expect(smtp.messages[0]!.data).toMatch(/^Subject: =\?UTF-8\?Q\?=5BSundial=5D_=22flaky=22_failed\?=$/m);
    expect(smtp.messages[0]!.data).toContain("Reason: HTTP 500 (attempt 1)");
    expect(smtp.messages[1]!.data).toContain("recovered");

    const deliveries = await listAlertDeliveries(t.db, { limit: 50 });
    expect(deliveries).toHaveLength(6);
    expect(deliveries.every((delivery) => delivery.status === "sent" && delivery.attempts === 1)).toBe(true);
  });

  it("records each change exactly once when three processes sweep the same runs at the same time", async () => {
    await channels();
    const { id } = await job("contended");
    // On PostgreSQL, three clients as three processes would have. SQLite's driver blocks its whole
    // process while it waits for the write lock, so there three sweeps share one client here and
    // alerts-workers.test.ts runs three real worker processes.
    const others = provider === "postgresql" ? [createDb(t.url), createDb(t.url)] : [t.db, t.db];
    try {
      await finish(id, "failed", { errorMessage: "boom" });
      await finish(id, "failed", { errorMessage: "boom again" });
      await Promise.all([t.db, ...others].map((db) => sweep(db)));
      await finish(id, "succeeded");
      await Promise.all([t.db, ...others].map((db) => sweep(db)));
      await sweepUntilQuiet(t.db);
    } finally {
      if (provider === "postgresql") await Promise.all(others.map((db) => db.$disconnect()));
    }
    expect(hitsOn("/webhook").map((body) => body.event)).toEqual(["failure", "recovery"]);
    expect(hitsOn("/slack")).toHaveLength(2);
    expect(smtp.messages).toHaveLength(2);
  });

  it("one process evaluates: the first-started online worker that sweeps; the others and the web server only deliver until it stops or goes silent, then the next one does, and with none online the web server", async () => {
    await channels();
    const { id } = await job("watched");
    const now = new Date();
    const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);
    const worker = (workerId: string, startedSecondsAgo: number, heartbeatSecondsAgo: number, sweepsAlerts = true) =>
      t.db.worker.create({ data: { id: workerId, host: "h", pid: 1, version: "test", capacity: 1, startedAt: ago(startedSecondsAgo), lastHeartbeatAt: ago(heartbeatSecondsAgo), sweepsAlerts } });
    try {
      // w-no-sweep started first but runs no sweep (SUNDIAL_ALERT_SWEEP_MS=0); w-silent's heartbeat is
      // 31 s old (offline after 30 s).
      await worker("w-no-sweep", 900, 1, false);
      await worker("w-silent", 600, 31);
      await worker("w-first", 300, 1);
      await worker("w-second", 200, 1);
      const evaluators = async () => {
        const roles = [{ workerId: "w-no-sweep" }, { workerId: "w-silent" }, { workerId: "w-first" }, { workerId: "w-second" }, "web"] as const;
        const chosen = await Promise.all(roles.map((role) => evaluatesAlerts(t.db, role, { now, offlineAfterSeconds: 30 })));
        return roles.filter((_, i) => chosen[i]).map((role) => (role === "web" ? "web" : role.workerId));
      };
      expect(await evaluators()).toEqual(["w-first"]);

      // A process that does not evaluate leaves a failure for the evaluator: no state, no alert.
      await finish(id, "failed", { errorMessage: "HTTP 503" });
      expect(await sweepAlerts(t.db, { log, now: () => new Date(), retryMs: 10, offlineAfterSeconds: 30, evaluate: false })).toMatchObject({ changes: 0, late: 0 });
      expect(await t.db.jobAlertState.count({ where: { jobId: id } })).toBe(0);
      await sweepUntilQuiet(t.db);
      expect(hitsOn("/webhook").map((body) => body.event)).toEqual(["failure"]);

      await t.db.worker.update({ where: { id: "w-first" }, data: { stoppedAt: now } });
      expect(await evaluators()).toEqual(["w-second"]);
      await t.db.worker.update({ where: { id: "w-second" }, data: { lastHeartbeatAt: ago(31) } });
      expect(await evaluators()).toEqual(["web"]);
    } finally {
      await t.db.worker.deleteMany({ where: { id: { in: ["w-no-sweep", "w-silent", "w-first", "w-second"] } } });
    }
  });

  it("raises one misfire alert for missed slots and one lost alert for a lost run", async () => {
    await channels();
    const { id } = await job("sometimes-missed");
    await finish(id, "missed", { reason: "no worker ran the 03:00 slot within its misfire grace" });
    await finish(id, "missed", { reason: "again" });
    await sweepUntilQuiet(t.db);
    await finish(id, "lost", { reason: "worker lost: w1 stopped renewing the lease" });
    await sweepUntilQuiet(t.db);
    expect(hitsOn("/webhook").map((body) => [body.event, body.reason])).toEqual([
      ["misfire", "no worker ran the 03:00 slot within its misfire grace"],
      ["lost", "worker lost: w1 stopped renewing the lease"],
    ]);
  });

  it("raises late once for a slot past its start grace with no worker alive, and not for a paused job or one within its grace", async () => {
    await channels();
    const now = new Date();
    const late = await job("nobody-home", { startGraceSeconds: 60 });
    const paused = await job("paused-one", { paused: true });
    const graceful = await job("long-grace", { startGraceSeconds: 3600 });
    const off = await job("switch-off", { startGraceSeconds: null });
    await t.db.job.updateMany({ where: { id: { in: [late.id, paused.id, graceful.id, off.id] } }, data: { nextRunAt: new Date(now.getTime() - 5 * 60_000) } });

    await sweep(t.db, now);
    await sweep(t.db, new Date(now.getTime() + 1000));
    await sweepUntilQuiet(t.db);
    const webhook = hitsOn("/webhook");
    expect(webhook.map((body) => [body.event, (body.job as { name: string }).name])).toEqual([["late", "nobody-home"]]);
    expect(String(webhook[0]!.reason)).toContain("no worker is online");
    expect((await t.db.jobAlertState.findUnique({ where: { jobId: late.id } }))?.state).toBe("late");

    // A worker comes back, plans the slot and runs it: a success after being late is a recovery.
    await t.db.job.update({ where: { id: late.id }, data: { nextRunAt: new Date(now.getTime() + 3_600_000) } });
    clock = Date.now();
    await finish(late.id, "succeeded");
    await sweepUntilQuiet(t.db);
    expect(hitsOn("/webhook").map((body) => body.event)).toEqual(["late", "recovery"]);
  });

  it("raises late for a run queued past its start grace", async () => {
    await channels();
    const { id } = await job("stuck-in-queue", { startGraceSeconds: 30 });
    await t.db.run.create({ data: { jobId: id, scheduledFor: new Date(Date.now() - 120_000), source: "manual", status: "queued" } });
    await sweepUntilQuiet(t.db);
    expect(hitsOn("/webhook").map((body) => body.event)).toEqual(["late"]);
    expect(String(hitsOn("/webhook")[0]!.reason)).toContain("queued run");
  });

  it("alerts a per-job channel only for the jobs that list it, and only for the events it takes", async () => {
    const { webhook } = await channels({ global: false });
    await updateAlertChannel(t.db, webhook.id, { name: "hook", type: "webhook", global: false, events: ["failure"], config: {} }, SYSTEM_ACTOR);
    const listed = await job("listed", { alertChannelIds: [webhook.id] });
    const unlisted = await job("unlisted");
    for (const { id } of [listed, unlisted]) {
      await finish(id, "failed", { errorMessage: "boom" });
      await finish(id, "succeeded");
    }
    await sweepUntilQuiet(t.db);
    expect(hitsOn("/webhook").map((body) => [body.event, (body.job as { name: string }).name])).toEqual([["failure", "listed"]]);
    expect(hitsOn("/slack")).toEqual([]);
    // The update kept the stored URL and signing secret although it sent neither.
    expect(recorder.hits[0]!.headers["x-sundial-signature"]).toBeDefined();
  });

  it("retries a delivery the receiver refuses, then records it failed with the error; a down receiver likewise", async () => {
    recorder.respond((_, response) => {
      response.statusCode = 500;
      response.end("receiver broken");
    });
    await createAlertChannel(t.db, { name: "broken", type: "webhook", global: true, config: { url: `${recorder.url}/webhook` } }, SYSTEM_ACTOR);
    await createAlertChannel(t.db, { name: "down", type: "slack", global: true, config: { url: `http://127.0.0.1:${await closedPort()}/nothing-listens-here` } }, SYSTEM_ACTOR);
    const { id } = await job("alerting-into-the-void");
    await finish(id, "failed", { errorMessage: "boom" });
    await sweepUntilQuiet(t.db);

    expect(hitsOn("/webhook")).toHaveLength(4);
    const deliveries = await listAlertDeliveries(t.db, { limit: 50 });
    const byChannel = Object.fromEntries(deliveries.map((delivery) => [delivery.channelName, delivery]));
    expect(byChannel.broken).toMatchObject({ status: "failed", attempts: 4, lastError: "HTTP 500: receiver broken" });
    expect(byChannel.down).toMatchObject({ status: "failed", attempts: 4 });
    expect(byChannel.down!.lastError).toMatch(/ECONNREFUSED/);
    expect((await listAlertDeliveries(t.db, { status: "failed", limit: 50 })).map((d) => d.channelName).sort()).toEqual(["broken", "down"]);
  });

  it("sends a job's alerts to a channel in the order they happened: a recovery waits for the failure's retries and for a slow receiver; another job's alert does not", async () => {
    await createAlertChannel(t.db, { name: "hook", type: "webhook", global: true, config: { url: `${recorder.url}/webhook` } }, SYSTEM_ACTOR);
    const flaky = await job("flaky");
    const other = await job("other");
    // The receiver refuses the first failure alert, then answers the next one slowly: sent at once,
    // the recovery would land first either way.
    let failureAlerts = 0;
    recorder.respond(async (hit, response) => {
      const body = JSON.parse(hit.body) as { event: string; job: { name: string } };
      if (body.job.name === "flaky" && body.event === "failure") {
        failureAlerts += 1;
        if (failureAlerts === 1) response.statusCode = 500;
        else await new Promise((resolve) => setTimeout(resolve, 300));
      }
      response.end("ok");
    });
    await finish(flaky.id, "failed", { errorMessage: "boom" });
    await finish(flaky.id, "succeeded");
    await finish(other.id, "failed", { errorMessage: "other boom" });
    await sweep(t.db);

    const sent = () => hitsOn("/webhook").map((body) => `${(body.job as { name: string }).name}:${String(body.event)}`);
    expect(sent().sort()).toEqual(["flaky:failure", "other:failure"]);
    const recovery = await t.db.alertDelivery.findFirstOrThrow({ where: { jobId: flaky.id, event: "recovery" } });
    expect(recovery).toMatchObject({ status: "pending", attempts: 0 });

    await sweepUntilQuiet(t.db);
    expect(sent().filter((line) => line.startsWith("flaky"))).toEqual(["flaky:failure", "flaky:failure", "flaky:recovery"]);
    const [, resent, recovered] = recorder.hits.filter((hit) => hit.body.includes('"flaky"'));
    // Sent after the failure's answer came, 300 ms after it arrived (less a timer's early firing).
    expect(recovered!.at - resent!.at).toBeGreaterThanOrEqual(250);
    const deliveries = await t.db.alertDelivery.findMany({ where: { jobId: flaky.id } });
    expect(deliveries.map((delivery) => delivery.status)).toEqual(["sent", "sent"]);
  });

  it("one sweep sends every alert that is due, batch after batch, when 45 jobs fail at once", async () => {
    await createAlertChannel(t.db, { name: "hook", type: "webhook", global: true, config: { url: `${recorder.url}/webhook` } }, SYSTEM_ACTOR);
    const jobs = [];
    for (let i = 0; i < 45; i++) jobs.push(await job(`outage-${i}`));
    for (const { id } of jobs) await finish(id, "failed", { errorMessage: "downstream down" });
    const result = await sweep(t.db);
    expect(result).toMatchObject({ changes: 45, delivered: { sent: 45, failed: 0, retrying: 0 } });
    expect(new Set(hitsOn("/webhook").map((body) => (body.job as { name: string }).name)).size).toBe(45);
    expect(await t.db.alertDelivery.count({ where: { status: "sent" } })).toBe(45);
  });

  it("test-send reports success and failure and records both", async () => {
    const { webhook, email } = await channels();
    const ok = await testAlertChannel(t.db, webhook.id);
    expect(ok).toMatchObject({ ok: true, error: null, delivery: { event: "test", status: "sent" } });
    expect(hitsOn("/webhook")[0]).toMatchObject({ event: "test", title: "Test alert from Sundial" });
    expect((await testAlertChannel(t.db, email.id)).ok).toBe(true);
    expect(smtp.messages[0]!.data).toContain("Test alert from Sundial");

    recorder.respond((_, response) => {
      response.statusCode = 404;
      response.end("no such hook");
    });
    const failed = await testAlertChannel(t.db, webhook.id);
    expect(failed).toMatchObject({ ok: false, error: "HTTP 404: no such hook", delivery: { status: "failed" } });
    await smtp.close();
    const smtpDown = await testAlertChannel(t.db, email.id);
    expect(smtpDown.ok).toBe(false);
    expect(smtpDown.error).toMatch(/ECONNREFUSED/);
  });

  it("refuses a private address unless allowed, seals secrets at rest and masks them when shown", async () => {
    const channel = await createAlertChannel(t.db, { name: "meta", type: "webhook", global: true, config: { url: "http://169.254.169.254/latest/token-abc", signingSecret: "topsecret" } }, SYSTEM_ACTOR);
    const stored = await t.db.alertChannel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(JSON.stringify(stored.config)).not.toContain("token-abc");
    expect(JSON.stringify(stored.config)).not.toContain("topsecret");
    expect((await listAlertChannels(t.db))[0]).toMatchObject({ type: "webhook", config: { target: "http://169.254.169.254/…", signingSecretSet: true } });
    const result = await testAlertChannel(t.db, channel.id);
    expect(result.ok).toBe(false);
    expect(result.error).toContain("SUNDIAL_HTTP_ALLOW_HOSTS");
  });

  it("rejects bad channel input with field errors, and a job naming an unknown channel", async () => {
    await expect(createAlertChannel(t.db, { name: "", type: "pager", config: {} }, SYSTEM_ACTOR)).rejects.toMatchObject({
      fieldErrors: { name: ["name is required"], type: ["type must be one of webhook, slack, email"] },
    });
    await expect(createAlertChannel(t.db, { name: "x", type: "webhook", config: { url: "ftp://example.test" } }, SYSTEM_ACTOR)).rejects.toMatchObject({
      fieldErrors: { "config.url": ["url must be an http:// or https:// URL"] },
    });
    await expect(createAlertChannel(t.db, { name: "x", type: "slack", config: {} }, SYSTEM_ACTOR)).rejects.toMatchObject({ fieldErrors: { "config.url": ["url is required"] } });
    await expect(createAlertChannel(t.db, { name: "x", type: "email", config: { host: "smtp.example.test", from: "nope", to: [] } }, SYSTEM_ACTOR)).rejects.toMatchObject({
      fieldErrors: { "config.from": ["from must be an email address"], "config.to": ["at least one recipient is required"] },
    });
    await createAlertChannel(t.db, { name: "taken", type: "slack", config: { url: "https://hooks.example.test/x" } }, SYSTEM_ACTOR);
    await expect(createAlertChannel(t.db, { name: "taken", type: "slack", config: { url: "https://hooks.example.test/y" } }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: "conflict" });
    await expect(job("bad-channel", { alertChannelIds: ["no-such-channel"] })).rejects.toMatchObject({
      fieldErrors: { alertChannelIds: ['no alert channel has the id "no-such-channel"'] },
    });
    await expect(job("bad-grace", { startGraceSeconds: 1 })).rejects.toMatchObject({ code: "validation" });
  });

  it("takes a deleted channel off its jobs and keeps its delivery history", async () => {
    const { webhook } = await channels({ global: false });
    const created = await job("with-channel", { alertChannelIds: [webhook.id], retentionRuns: 5, retentionDays: 7, startGraceSeconds: 120 });
    expect(created).toMatchObject({ alertChannelIds: [webhook.id], retentionRuns: 5, retentionDays: 7, startGraceSeconds: 120 });
    await testAlertChannel(t.db, webhook.id);
    await deleteAlertChannel(t.db, webhook.id, SYSTEM_ACTOR);
    const row = await t.db.job.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.alertChannelIds).toEqual([]);
    expect((await listAlertDeliveries(t.db, { limit: 10 }))[0]).toMatchObject({ channelId: null, channelName: "hook" });
    const updated = await updateJob(
      t.db,
      { id: created.id, version: created.version, job: { name: "with-channel", kind: "http", config: { method: "GET", url: `${recorder.url}/job` }, trigger: YEARLY, retentionRuns: null } },
      SYSTEM_ACTOR,
      { now: new Date(), defaultTimezone: "UTC" },
    );
    expect(updated).toMatchObject({ retentionRuns: null, retentionDays: null, startGraceSeconds: 60, alertChannelIds: [] });
  });
});
