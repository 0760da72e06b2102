// The peer benchmark's "worker" for Sundial (../shared/peer-bench): starts the real worker process
// (`node scripts/worker.mjs`), prints {"ready":true} once it has registered, forwards
// SIGTERM / SIGINT and exits with the worker's code.
//
//   node bench/peer/worker.mjs --db <DATABASE_URL> [--n N] [--every second|minute] [--concurrency C] [--tag w1]
//
// The harness measures this process's whole tree, so this wrapper stays idle: it imports nothing
// heavy, and the readiness check (a database client) runs in a short-lived child of its own that
// has exited before the measured window starts.
import { spawn } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const { values } = parseArgs({
  options: { db: { type: "string" }, n: { type: "string" }, every: { type: "string", default: "second" }, concurrency: { type: "string" }, tag: { type: "string", default: "w1" } },
});
if (!values.db) {
  console.error("usage: node bench/peer/worker.mjs --db <DATABASE_URL> [--n N] [--every second|minute] [--concurrency C] [--tag w1]");
  process.exit(2);
}
// One slot of every job at once: N jobs firing on the same second need N runs in flight while the
// receiver answers. Jobs on one minute are tuned as the README says for a burst on one instant: a
// place for each (WORKER_CONCURRENCY's maximum, 10,000), a 3 s lead to plan and claim them all, and
// 256 connections to the recorder (10,000 new ones at once overflow its accept queue).
const burst = values.every === "minute";
const concurrency = values.concurrency ?? String(Math.min(burst ? 10_000 : 1000, Math.max(10, Number(values.n ?? 100))));

const worker = spawn(process.execPath, ["scripts/worker.mjs"], {
  cwd: ROOT,
  // The worker's JSON log goes to stderr, which the harness keeps; stdout carries only our protocol.
  stdio: ["ignore", 2, 2],
  env: {
    ...process.env,
    DATABASE_URL: values.db,
    WORKER_CONCURRENCY: concurrency,
    LOG_LEVEL: "warn",
    ...(burst ? { WORKER_LEAD_MS: "3000", WORKER_HTTP_CONNECTIONS_PER_ORIGIN: "256" } : {}),
    // The recorder listens on loopback, which the worker's address policy refuses by default.
    SUNDIAL_HTTP_ALLOW_HOSTS: "127.0.0.1",
  },
});

const exited = new Promise((resolve) => worker.on("exit", (code, signal) => resolve(code ?? 128 + constants.signals[signal])));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => worker.kill(signal));

const checker = spawn(process.execPath, ["bench/peer/await-worker.mjs", "--db", values.db, "--pid", String(worker.pid)], {
  cwd: ROOT,
  stdio: ["ignore", "ignore", 2],
});
checker.on("exit", (code) => {
  if (code === 0) {
    console.log(JSON.stringify({ ready: true, tag: values.tag, concurrency: Number(concurrency) }));
  } else if (worker.exitCode === null) {
    // Fail the run now rather than leave the harness waiting for a ready line that will not come.
    console.error(`sundial worker did not register (readiness check exited ${code}); stopping it`);
    worker.kill("SIGTERM");
  }
});
worker.on("exit", () => checker.kill("SIGTERM"));

process.exitCode = await exited;
