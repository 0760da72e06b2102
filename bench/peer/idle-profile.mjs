// An idle worker's CPU over time, in intervals: the harness's idle scenario gives one figure for the
// minute after a worker starts, which holds one-off work (V8 compiling what runs for the first time,
// Prisma's query compiler meeting each query the first time); this shows the start apart from the
// minutes after it.
//
//   node bench/peer/idle-profile.mjs [--store sqlite|pg|both] [--n 10000] [--minutes 5] [--interval-s 15] [--jsonl out.jsonl]
//
// For each store: a fresh store with N HTTP jobs that never come due (bench/peer/setup.ts, as the
// harness's idle scenario has them), one worker (bench/peer/worker.mjs, as the harness starts it),
// and the CPU of the worker's process tree in each interval from the moment it is ready, read the
// way the harness reads every peer's (its lib/procstat.mjs), with PostgreSQL's server processes apart.
// Prints a JSON line per store (and appends it to --jsonl). PEER_BENCH=<dir> names the harness
// (default ../shared/peer-bench); PG_URL the server (default postgres://postgres@127.0.0.1:5432).
import { spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "../..");
const HARNESS = path.resolve(process.env.PEER_BENCH ?? path.join(HERE, "../../../shared/peer-bench"));
const PG_URL = (process.env.PG_URL ?? "postgres://postgres@127.0.0.1:5432").replace(/\/+$/, "");

const { values } = parseArgs({
  options: {
    store: { type: "string", default: "both" },
    n: { type: "string", default: "10000" },
    minutes: { type: "string", default: "5" },
    "interval-s": { type: "string", default: "15" },
    jsonl: { type: "string" },
  },
});
const n = Number(values.n);
const minutes = Number(values.minutes);
const intervalS = Number(values["interval-s"]);
for (const [name, value] of Object.entries({ n, minutes, "interval-s": intervalS })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got ${value}`);
}
if (60 % intervalS !== 0) throw new Error(`--interval-s must divide a minute, got ${intervalS}`);
const stores = { sqlite: ["sqlite"], pg: ["pg"], both: ["sqlite", "pg"] }[values.store];
if (!stores) throw new Error(`--store must be sqlite, pg or both, got ${values.store}`);

const { sample } = await import(pathToFileURL(path.join(HARNESS, "lib/procstat.mjs")).href);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percent = (cpuS, seconds) => Math.round((cpuS / seconds) * 1000) / 10;

function databaseUrl(store) {
  if (store === "pg") return `${PG_URL}/bench_sundial_idle`;
  const dir = path.join(os.tmpdir(), "bench-scratch");
  mkdirSync(dir, { recursive: true });
  return `file:${path.join(dir, "sundial-idle.db")}`;
}

async function profile(store) {
  const db = databaseUrl(store);
  // The jobs never fire, so their URL is never called.
  const setup = spawnSync(process.execPath, ["--import", "tsx", "bench/peer/setup.ts", "--n", String(n), "--every", "never", "--url", "http://127.0.0.1:9", "--db", db], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (setup.status !== 0) throw new Error(`setup failed on ${store}: ${setup.stderr.slice(-2000)}`);

  const worker = spawn(process.execPath, ["bench/peer/worker.mjs", "--db", db, "--n", String(n), "--every", "second", "--tag", `idle-${store}`], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => worker.once("exit", resolve));
  const spawnedAt = Date.now();
  await new Promise((resolve, reject) => {
    readline.createInterface({ input: worker.stdout }).once("line", resolve);
    worker.once("exit", (code) => reject(new Error(`worker exited with ${code} before it was ready`)));
  });
  const readyMs = Date.now() - spawnedAt;
  const storeComms = store === "pg" ? ["postgres"] : [];
  const read = () => ({ at: Date.now(), worker: sample([worker.pid]), store: sample([], storeComms).storeCpuS });

  const intervals = [];
  let previous = read();
  for (let i = 0; i < (minutes * 60) / intervalS; i += 1) {
    await sleep(previous.at + intervalS * 1000 - Date.now());
    const now = read();
    const seconds = (now.at - previous.at) / 1000;
    intervals.push({ worker_cpu_s: now.worker.cpuS - previous.worker.cpuS, store_cpu_s: now.store - previous.store, seconds, rss_mb: Math.round(now.worker.rssKb / 1024) });
    previous = now;
  }
  worker.kill("SIGTERM");
  await exited;

  const perMinute = intervals.length / minutes;
  const over = (list) => {
    const seconds = list.reduce((sum, x) => sum + x.seconds, 0);
    return { worker_pct: percent(list.reduce((sum, x) => sum + x.worker_cpu_s, 0), seconds), ...(store === "pg" ? { store_server_pct: percent(list.reduce((sum, x) => sum + x.store_cpu_s, 0), seconds) } : {}) };
  };
  return {
    bench: "idle-profile",
    store,
    n,
    started_at: new Date(spawnedAt).toISOString(),
    ready_ms: readyMs,
    interval_s: intervalS,
    first_minute: over(intervals.slice(0, perMinute)),
    after_first_minute: minutes > 1 ? over(intervals.slice(perMinute)) : null,
    whole: over(intervals),
    intervals_worker_pct: intervals.map((x) => percent(x.worker_cpu_s, x.seconds)),
    peak_rss_mb: Math.max(...intervals.map((x) => x.rss_mb)),
  };
}

for (const store of stores) {
  const line = JSON.stringify(await profile(store));
  console.log(line);
  if (values.jsonl) appendFileSync(values.jsonl, `${line}\n`);
}
