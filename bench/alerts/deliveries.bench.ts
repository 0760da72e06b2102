// A delivery sweep with a long history kept: deliveries are kept 30 days, and a job that flaps
// (fails and recovers every few minutes) leaves hundreds of thousands to a channel. Each due delivery
// is checked for an earlier one of its job to its channel still to send (lib/alerts/deliver.ts); this
// measures a sweep sending a few such alerts with the index that check uses, and without it (dropped
// in the same run), to a local receiver. Figures for reading, not a test: nothing here fails on time.
//
//   npm run bench:alert-deliveries     # both providers; prints a Markdown table
//
// Knobs (environment): BENCH_ROUNDS (8, after 2 warm-up rounds), BENCH_HISTORY (300000 sent
// deliveries, over 3 jobs), BENCH_PROVIDERS (sqlite,postgresql), BENCH_PG_URL (bench/support/stores.ts).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { createAlertChannel } from "../../lib/alerts/save-channel";
import { deliverDueAlerts } from "../../lib/alerts/deliver";
import { createDb, dbProvider, type Db, type DbProvider } from "../../lib/db";
import { SYSTEM_ACTOR } from "../../lib/jobs/actor";
import { createJob } from "../../lib/jobs/create-job";
import { createBenchStore } from "../support/stores";

const env = process.env;
// The receiver listens on loopback, which the SSRF guard refuses unless allowed.
env.SUNDIAL_HTTP_ALLOW_HOSTS = "127.0.0.1";
const ROUNDS = Number(env.BENCH_ROUNDS ?? 8);
const WARMUP = 2;
const HISTORY = Number(env.BENCH_HISTORY ?? 300_000);
const PROVIDERS = (env.BENCH_PROVIDERS ?? "sqlite,postgresql").split(",").map((p) => p.trim()) as DbProvider[];
const JOBS = 3;
/** Due per job and round: each job's line sends its first, then the next right after. */
const DUE_PER_JOB = 2;
const INDEX = "AlertDelivery_jobId_channelId_status_occurredAt_idx";
const CHUNK = 5_000;

const log = (message: string) => process.stderr.write(`[bench:alert-deliveries] ${message}\n`);
const silent = pino({ level: "silent" });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function startReceiver(): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    request.on("end", () => response.end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` };
}

type Line = { jobId: string; jobName: string };
type Channel = { id: string; name: string };

function delivery(channel: Channel, line: Line, at: Date, status: "sent" | "pending", event: "failure" | "recovery") {
  return {
    channelId: channel.id,
    channelName: channel.name,
    channelType: "webhook" as const,
    jobId: line.jobId,
    jobName: line.jobName,
    event,
    fromState: event === "recovery" ? ("failing" as const) : null,
    occurredAt: at,
    status,
    attempts: status === "sent" ? 1 : 0,
    nextAttemptAt: at,
    sentAt: status === "sent" ? at : null,
    createdAt: at,
    updatedAt: at,
  };
}

/** HISTORY sent deliveries over the last 30 days, spread over the jobs, alternating failure and recovery. */
async function keepHistory(db: Db, channel: Channel, lines: Line[], nowMs: number): Promise<void> {
  const spanMs = 30 * 86_400_000;
  for (let from = 0; from < HISTORY; from += CHUNK) {
    const count = Math.min(CHUNK, HISTORY - from);
    await db.alertDelivery.createMany({
      data: Array.from({ length: count }, (_, k) => {
        const i = from + k;
        return delivery(channel, lines[i % lines.length]!, new Date(nowMs - spanMs + Math.floor((i * spanMs) / HISTORY)), "sent", i % 2 === 0 ? "failure" : "recovery");
      }),
    });
  }
  // This machine's PostgreSQL runs without autovacuum: give the planner the statistics it would have.
  if (dbProvider(db) === "postgresql") await db.$executeRawUnsafe(`ANALYZE "AlertDelivery"`);
}

async function sweepRounds(db: Db, channel: Channel, lines: Line[]): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < WARMUP + ROUNDS; round++) {
    const at = Date.now() - 1_000;
    await db.alertDelivery.createMany({
      data: lines.flatMap((line) => Array.from({ length: DUE_PER_JOB }, (_, k) => delivery(channel, line, new Date(at + k), "pending", k % 2 === 0 ? "failure" : "recovery"))),
    });
    const started = performance.now();
    const result = await deliverDueAlerts(db, { log: silent, retryMs: 30_000, now: () => new Date() });
    const elapsed = performance.now() - started;
    if (result.sent !== lines.length * DUE_PER_JOB) throw new Error(`round ${round} sent ${result.sent} of ${lines.length * DUE_PER_JOB}`);
    if (round >= WARMUP) samples.push(elapsed);
  }
  return samples;
}

async function measure(provider: DbProvider, receiverUrl: string): Promise<{ provider: DbProvider; withIndex: number[]; withoutIndex: number[] }> {
  const store = await createBenchStore(provider, "bench-alert-deliveries");
  const db = createDb(store.url);
  try {
    const now = new Date();
    const lines: Line[] = [];
    for (let i = 0; i < JOBS; i++) {
      const job = await createJob(db, { name: `flapping-${i}`, kind: "http", config: { method: "POST", url: "http://127.0.0.1:9/" }, trigger: { type: "cron", expression: "0 0 1 1 *", timezone: "UTC" } }, SYSTEM_ACTOR, { now, defaultTimezone: "UTC" });
      lines.push({ jobId: job.id, jobName: job.name });
    }
    const channel = await createAlertChannel(db, { name: "hook", type: "webhook", global: true, config: { url: receiverUrl } }, SYSTEM_ACTOR);
    await keepHistory(db, channel, lines, now.getTime());
    const withIndex = await sweepRounds(db, channel, lines);
    await db.$executeRawUnsafe(`DROP INDEX "${INDEX}"`);
    if (provider === "postgresql") await db.$executeRawUnsafe(`ANALYZE "AlertDelivery"`);
    const withoutIndex = await sweepRounds(db, channel, lines);
    return { provider, withIndex, withoutIndex };
  } finally {
    await db.$disconnect();
    await store.drop();
  }
}

const receiver = await startReceiver();
const results = [];
try {
  for (const provider of PROVIDERS) {
    log(`${provider}: ${HISTORY.toLocaleString("en")} deliveries kept over ${JOBS} jobs, ${ROUNDS} sweeps of ${JOBS * DUE_PER_JOB}`);
    results.push(await measure(provider, receiver.url));
  }
} finally {
  receiver.server.close();
}
console.log(`| Store | Kept deliveries | Sweep median, with the index (ms) | without it (ms) | ratio |`);
console.log("| :--- | ---: | ---: | ---: | ---: |");
for (const { provider, withIndex, withoutIndex } of results) {
  const [a, b] = [median(withIndex), median(withoutIndex)];
  console.log(`| ${provider} | ${HISTORY.toLocaleString("en")} | ${a.toFixed(1)} | ${b.toFixed(1)} | ${(b / a).toFixed(0)}× |`);
}
