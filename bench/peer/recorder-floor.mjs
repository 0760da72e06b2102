// The floor under every peer's figures: the harness's recorder (../shared/peer-bench's
// recorder-server.mjs, in a process of its own as run-scenario.mjs starts it) fed by a bare HTTP
// client that has nothing to schedule, store or log. Whatever a scheduler does, its HTTP jobs reach
// the recorder no sooner than this on the same machine.
//
//   node bench/peer/recorder-floor.mjs [--n 10000] [--connections 256] [--reps 3] [--rate-s 10] [--jsonl out.jsonl]
//
// Three measurements, each --reps times, printed as JSON lines (and appended to --jsonl):
// - burst: N requests due on one whole second (the "10,000 jobs on the same minute" scenario): the
//   arrival of the first, median, 99th percentile and last request after that instant.
// - burst-cold: the same on connections opened at that instant (a minute after the last burst,
//   undici has closed its idle connections, as a scheduler's HTTP client has).
// - rate: N requests due on every whole second for --rate-s seconds (the "N jobs every second"
//   scenario): arrivals, lateness, and how many slots arrived over a second late.
// The client is as quick as undici allows: at most --connections connections, opened beforehand
// and kept alive (except in burst-cold), and requests handed to undici 250 per event-loop turn so
// that the first goes out at once. Also reported: the share of a core the client and the recorder
// used meanwhile. PEER_BENCH=<dir> names the harness (default ../shared/peer-bench).
import { spawn } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { Agent, request } from "undici";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const HARNESS = path.resolve(process.env.PEER_BENCH ?? path.join(HERE, "../../../shared/peer-bench"));
const SLICE = 250;

const { values } = parseArgs({
  options: { n: { type: "string", default: "10000" }, connections: { type: "string", default: "256" }, reps: { type: "string", default: "3" }, "rate-s": { type: "string", default: "10" }, jsonl: { type: "string" } },
});
const n = Number(values.n);
const connections = Number(values.connections);
const reps = Number(values.reps);
const rateSeconds = Number(values["rate-s"]);
for (const [name, value] of Object.entries({ n, connections, reps, "rate-s": rateSeconds })) {
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number, got ${value}`);
}

const sleepUntil = (epochMs) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));
const nextWholeSecond = (leadMs) => Math.ceil((Date.now() + leadMs) / 1000) * 1000;
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const round = (ms) => Math.round(ms * 10) / 10;
// The recorder's CPU is read the way the harness reads every peer's.
const { sample } = await import(pathToFileURL(path.join(HARNESS, "lib/procstat.mjs")).href);
const recorderCpuSeconds = (pid) => sample([pid]).cpuS;
const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function startRecorder(out) {
  const child = spawn(process.execPath, ["recorder-server.mjs", "--out", out], { cwd: HARNESS, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.once("data", (chunk) => resolve(JSON.parse(String(chunk)).listening));
    child.once("exit", (code) => reject(new Error(`recorder-server.mjs exited with ${code} before listening`)));
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return { url, pid: child.pid, stop: () => (child.kill("SIGTERM"), exited) };
}

/** POSTs the recorder's hit for (id, scheduled), in slices so that the first request leaves at once. */
async function fire(agent, url, ids, scheduled) {
  const answered = [];
  for (let i = 0; i < ids.length; i += 1) {
    if (i > 0 && i % SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
    const body = JSON.stringify({ id: ids[i], scheduled });
    answered.push(request(`${url}/hit`, { method: "POST", dispatcher: agent, headers: { "content-type": "application/json" }, body }).then((response) => response.body.dump()));
  }
  return Promise.allSettled(answered);
}

/** The recorder's lines whose id starts with `prefix`: lateness (arrival - scheduled, ms, sorted) and the last arrival. */
function arrivalsOf(out, prefix) {
  const hits = readFileSync(out, "utf8")
    .split("\n")
    .filter((line) => line.startsWith(prefix))
    .map((line) => line.split(" ").slice(1, 3).map(Number));
  return { lateness: hits.map(([scheduled, arrival]) => arrival - scheduled).sort((a, b) => a - b), lastArrival: Math.max(...hits.map(([, arrival]) => arrival)) };
}

async function measure(kind, rep) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "recorder-floor-"));
  const out = path.join(dir, "rec.log");
  const recorder = await startRecorder(out);
  const agent = new Agent({ connections, keepAliveTimeout: 60_000 });
  try {
    if (kind !== "burst-cold") await fire(agent, recorder.url, Array.from({ length: connections }, (_, i) => `warm${i}`), Date.now());
    const ids = Array.from({ length: n }, (_, i) => `job${i}`);
    const first = nextWholeSecond(1000);
    const slots = kind === "rate" ? rateSeconds : 1;
    const sent = [];
    await sleepUntil(first);
    const cpuBefore = { client: ownCpuSeconds(), recorder: recorderCpuSeconds(recorder.pid) };
    for (let s = 0; s < slots; s += 1) {
      await sleepUntil(first + s * 1000);
      sent.push(fire(agent, recorder.url, ids, first + s * 1000));
    }
    const failed = (await Promise.all(sent)).flat().filter((result) => result.status === "rejected").length;
    const busySeconds = (Date.now() - first) / 1000;
    const cpu = { client: ownCpuSeconds() - cpuBefore.client, recorder: recorderCpuSeconds(recorder.pid) - cpuBefore.recorder };
    // The recorder writes its log every 250 ms.
    await new Promise((resolve) => setTimeout(resolve, 600));
    await recorder.stop();
    const { lateness, lastArrival } = arrivalsOf(out, "job");
    return {
      kind,
      rep,
      n,
      connections,
      seconds: slots,
      expected: n * slots,
      arrived: lateness.length,
      failed,
      lateness_ms: { first: round(lateness[0]), p50: round(quantile(lateness, 0.5)), p99: round(quantile(lateness, 0.99)), last: round(lateness.at(-1)) },
      over_1s_late: lateness.filter((ms) => ms > 1000).length,
      achieved_per_s: lateness.length > 0 ? Math.round(lateness.length / ((lastArrival - first) / 1000 || 1)) : 0,
      // Share of one core each used from the first slot until the last answer.
      cpu_pct: { client: Math.round((100 * cpu.client) / busySeconds), recorder: Math.round((100 * cpu.recorder) / busySeconds) },
    };
  } finally {
    await agent.close();
    await recorder.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const meta = { node: process.version, cpus: os.cpus().length, at: new Date().toISOString() };
for (let rep = 1; rep <= reps; rep += 1) {
  for (const kind of ["burst", "burst-cold", "rate"]) {
    const line = JSON.stringify({ ...(await measure(kind, rep)), ...meta });
    console.log(line);
    if (values.jsonl) appendFileSync(values.jsonl, `${line}\n`);
  }
}
