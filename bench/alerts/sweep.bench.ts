// The alert evaluator's sweep at 1,000 runs a second: 1,000 jobs, each finishing a run every second,
// and a sweep every 10 s reading the 10,000 runs finished since the last one (through the cursor's
// 70 s margin, as the worker's sweeper has it with a 30 s lease). The evaluating worker does this
// beside its slots, so its length is time its event loop and the database are busy. Figures for
// reading, not a test: nothing here fails on time.
//
//   npm run bench:alerts     # both providers; prints a Markdown table
//
// Knobs (environment): BENCH_ROUNDS (8, after 2 warm-up rounds), BENCH_JOBS (1000),
// BENCH_PROVIDERS (sqlite,postgresql), BENCH_PG_URL (see bench/support/stores.ts).
import { evaluateFinishedRuns, type EvaluationCursor } from "../../lib/alerts/evaluate-runs";
import { createDb, type Db, type DbProvider } from "../../lib/db";
import { SYSTEM_ACTOR } from "../../lib/jobs/actor";
import { createJob } from "../../lib/jobs/create-job";
import { createBenchStore } from "../support/stores";

const env = process.env;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 8);
const WARMUP = 2;
const JOBS = Number(env.BENCH_JOBS ?? 1000);
const PROVIDERS = (env.BENCH_PROVIDERS ?? "sqlite,postgresql").split(",").map((p) => p.trim()) as DbProvider[];
const SWEEP_EVERY_MS = 10_000;
const MARGIN_MS = 70_000;

const log = (message: string) => process.stderr.write(`[bench:alerts] ${message}\n`);

/** One run of every job per second, finishing at [fromMs, fromMs + seconds * 1000). */
async function finishRuns(db: Db, jobIds: string[], fromMs: number, seconds: number): Promise<void> {
  for (let s = 0; s < seconds; s++) {
    const at = new Date(fromMs + s * 1000);
    await db.run.createMany({ data: jobIds.map((jobId, i) => ({ jobId, scheduledFor: at, source: "manual" as const, status: "succeeded" as const, startedAt: at, finishedAt: new Date(at.getTime() + i % 1000) })) });
  }
}

async function measure(provider: DbProvider): Promise<{ provider: DbProvider; samples: number[]; runsPerSweep: number }> {
  const store = await createBenchStore(provider, "bench-alerts");
  const db = createDb(store.url);
  try {
    const t0 = Date.now() - 60 * 60_000;
    const jobIds: string[] = [];
    for (let i = 0; i < JOBS; i++) {
      const job = await createJob(db, { name: `job-${i}`, kind: "http", config: { method: "POST", url: "http://127.0.0.1:9/" }, trigger: { type: "cron", expression: "0 0 1 1 *", timezone: "UTC" } }, SYSTEM_ACTOR, { now: new Date(t0), defaultTimezone: "UTC" });
      jobIds.push(job.id);
    }
    // The margin's worth of runs, already evaluated by earlier sweeps.
    await finishRuns(db, jobIds, t0, MARGIN_MS / 1000);
    const cursor: EvaluationCursor = { marginMs: MARGIN_MS };
    let now = t0 + MARGIN_MS;
    do await evaluateFinishedRuns(db, new Date(now), [], cursor);
    while (cursor.caughtUpTo?.getTime() !== now);
    const samples: number[] = [];
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      await finishRuns(db, jobIds, now, SWEEP_EVERY_MS / 1000);
      now += SWEEP_EVERY_MS;
      const started = performance.now();
      const changes = await evaluateFinishedRuns(db, new Date(now), [], cursor);
      const elapsed = performance.now() - started;
      if (changes !== 0 || cursor.caughtUpTo?.getTime() !== now) throw new Error(`sweep ${round} did not catch up quietly (${changes} changes)`);
      if (round >= WARMUP) samples.push(elapsed);
    }
    const stale = await db.jobAlertState.count({ where: { evaluatedAt: { lt: new Date(now - 1000) } } });
    if (stale !== 0) throw new Error(`${stale} jobs' watermarks were left behind`);
    return { provider, samples, runsPerSweep: JOBS * (SWEEP_EVERY_MS / 1000) };
  } finally {
    await db.$disconnect();
    await store.drop();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const results = [];
for (const provider of PROVIDERS) {
  log(`${provider}: ${JOBS} jobs, ${ROUNDS} sweeps of ${JOBS * 10} runs`);
  results.push(await measure(provider));
}
console.log("| Store | Runs per sweep | Sweep median (ms) | min | max |");
console.log("| :--- | ---: | ---: | ---: | ---: |");
for (const { provider, samples, runsPerSweep } of results) {
  console.log(`| ${provider} | ${runsPerSweep.toLocaleString("en")} | ${median(samples).toFixed(0)} | ${Math.min(...samples).toFixed(0)} | ${Math.max(...samples).toFixed(0)} |`);
}
