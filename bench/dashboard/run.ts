// Dashboard reads at scale: with 10,000 jobs and 1,000,000 runs in the database, how long do the
// jobs list, a job's page, the runs list and the overview take? Seeds a fresh SQLite file and a
// fresh PostgreSQL database (dropped afterwards), then times the same lib functions the pages and
// the API call. Figures for reading, not a test: nothing here fails on time.
//
//   npm run bench:dashboard                      # both providers, writes the dashboard section of bench/RESULTS.md
//   BENCH_QUICK=1 npm run bench:dashboard        # 2,000 jobs, 100,000 runs, 10 iterations; prints only
//
// Knobs (environment): BENCH_JOBS (10000), BENCH_RUNS (1000000), BENCH_ITERATIONS (40),
// BENCH_WARMUP (3), BENCH_PROVIDERS (sqlite,postgresql), BENCH_PG_URL (TEST_POSTGRES_URL, else
// postgresql://postgres@127.0.0.1:5432/postgres: the server's admin database, used to create and
// drop the benchmark's own), BENCH_OUT (bench/RESULTS.md; "-" prints only).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, type Db, type DbProvider } from "../../lib/db";
import { getJob, listJobs } from "../../lib/jobs/read";
import { readOverview } from "../../lib/overview/read-overview";
import { listRuns } from "../../lib/runs/read";
import { machine, table } from "../schedule/harness";
import { createBenchStore, type BenchStore } from "../support/stores";
import { JOB_PREFIXES, JOB_TAGS, STATUS_MIX, seedPostgres, seedSqlite, type SeedPlan } from "./seed";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const env = process.env;
const QUICK = env.BENCH_QUICK === "1";
const int = (name: string, fallback: number) => {
  const value = Number(env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number, got ${env[name]}`);
  return value;
};
const JOBS = int("BENCH_JOBS", QUICK ? 2_000 : 10_000);
const RUNS = int("BENCH_RUNS", QUICK ? 100_000 : 1_000_000);
const ITERATIONS = int("BENCH_ITERATIONS", QUICK ? 10 : 40);
const WARMUP = int("BENCH_WARMUP", 3);
const PROVIDERS = (env.BENCH_PROVIDERS ?? "sqlite,postgresql").split(",").map((p) => p.trim()) as DbProvider[];
const OUT = env.BENCH_OUT ?? (QUICK ? "-" : path.join(ROOT, "bench", "RESULTS.md"));
const TARGET_MS = 300;
const DAY_MS = 24 * 60 * 60_000;

const log = (message: string) => process.stderr.write(`[bench:dashboard] ${message}\n`);

type Store = BenchStore & { seedMs: number };

async function createStore(provider: DbProvider, plan: SeedPlan): Promise<Store> {
  const started = performance.now();
  const store = await createBenchStore(provider, "bench-dashboard");
  try {
    if (store.sqliteFile) seedSqlite(store.sqliteFile, plan);
    else await seedPostgres(store.url, plan);
  } catch (error) {
    await store.drop();
    throw error;
  }
  return { ...store, seedMs: performance.now() - started };
}

type Case = { name: string; page: string; run: (db: Db, iteration: number) => Promise<unknown> };

/** Job ids of the seed (its formula): a different job on each iteration, so no page is served from one hot row. */
const jobIdOf = (n: number) => `00000000-0000-7000-8000-${(n % JOBS).toString(16).padStart(12, "0")}`;

function cases(plan: SeedPlan): Case[] {
  const now = new Date(plan.endMs);
  const middle = Math.max(1, Math.floor(JOBS / 50 / 2));
  return [
    { name: "listJobs page 1 (by name)", page: "/jobs", run: (db) => listJobs(db, { page: 1 }) },
    { name: `listJobs page ${middle}`, page: "/jobs", run: (db) => listJobs(db, { page: middle }) },
    { name: `listJobs search "backup"`, page: "/jobs", run: (db) => listJobs(db, { q: "backup" }) },
    { name: `listJobs tag "${JOB_TAGS[0]}"`, page: "/jobs", run: (db) => listJobs(db, { tag: JOB_TAGS[0] }) },
    { name: "listJobs sort by next run", page: "/jobs", run: (db) => listJobs(db, { sort: "nextRunAt" }) },
    {
      name: "getJob + listRuns({ jobId })",
      page: "/jobs/{id}",
      run: (db, i) => {
        const id = jobIdOf(i * 7_919);
        return Promise.all([getJob(db, id), listRuns(db, { jobId: id })]);
      },
    },
    { name: "listRuns (no filter)", page: "/runs", run: (db) => listRuns(db) },
    { name: "listRuns status=failed", page: "/runs", run: (db) => listRuns(db, { status: ["failed"] }) },
    {
      name: "listRuns one day, 3 days ago",
      page: "/runs",
      run: (db) => listRuns(db, { from: new Date(now.getTime() - 3 * DAY_MS), to: new Date(now.getTime() - 2 * DAY_MS) }),
    },
    { name: "readOverview 24h", page: "/", run: (db) => readOverview(db, { range: "24h", now, offlineAfterSeconds: 30 }) },
    { name: "readOverview 7d", page: "/", run: (db) => readOverview(db, { range: "7d", now, offlineAfterSeconds: 30 }) },
  ];
}

/** Nearest-rank percentile of sorted samples. */
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

type Figures = { p50: number; p95: number; p99: number; max: number };

/**
 * Warm-up rounds first, then ITERATIONS rounds; within a round every case runs once, one after the
 * other, in an order rotated each round, so a burst of load from a neighbour lands on all of them.
 */
async function measure(db: Db, all: Case[]): Promise<Map<string, Figures>> {
  const samples = new Map(all.map((c) => [c.name, [] as number[]]));
  for (let round = 0; round < WARMUP + ITERATIONS; round++) {
    for (let k = 0; k < all.length; k++) {
      const c = all[(k + round) % all.length]!;
      const started = performance.now();
      await c.run(db, round);
      if (round >= WARMUP) samples.get(c.name)!.push(performance.now() - started);
    }
  }
  return new Map(
    [...samples].map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1)! }];
    }),
  );
}

const ms = (value: number) => (value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString("en-US"));

function report(plan: SeedPlan, all: Case[], results: Map<DbProvider, { figures: Map<string, Figures>; seedMs: number }>, notes: string): string {
  const m = machine();
  const providers = [...results.keys()];
  const header = ["Read", "Page", ...providers.flatMap((p) => [`${p} p50`, `p95`, `p99`]), "p95 ≤ 300 ms"];
  const rows = all.map((c) => {
    const cells = providers.flatMap((p) => {
      const f = results.get(p)!.figures.get(c.name)!;
      return [ms(f.p50), f.p95 > TARGET_MS ? `**${ms(f.p95)}**` : ms(f.p95), ms(f.p99)];
    });
    const worst = Math.max(...providers.map((p) => results.get(p)!.figures.get(c.name)!.p95));
    return [c.name, `\`${c.page}\``, ...cells, worst <= TARGET_MS ? "yes" : "**no**"];
  });
  const mix = STATUS_MIX.map(([status, perMille]) => `${status} ${(perMille / 10).toFixed(1)}%`).join(", ");
  return `${START}
## Dashboard reads with ${JOBS.toLocaleString("en-US")} jobs and ${RUNS.toLocaleString("en-US")} runs

Generated by \`npm run bench:dashboard\` (bench/dashboard/run.ts) on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC;
Node ${m.node}, ${m.os}, ${m.nproc} cores (${m.cpu}), shared with other work: read the figures side by side, not as absolutes.
Target (issue #7): the jobs list, a job's page and the runs list answer within ${TARGET_MS} ms at p95.

**Data.** A fresh database per provider, migrated by \`scripts/migrate.mjs deploy\`, seeded by bulk SQL
(bench/dashboard/seed.ts: a recursive CTE on SQLite, \`generate_series\` on PostgreSQL, the same formulas):
${JOBS.toLocaleString("en-US")} jobs (60% HTTP, 30% shell, 10% task; 70% cron, 20% interval, 10% one-off dates; 10% paused;
${JOB_PREFIXES.length} name families, tags from ${JOB_TAGS.map((t) => `\`${t}\``).join(", ")} plus \`nightly\` on a third) and
${RUNS.toLocaleString("en-US")} runs over the ${Math.round(plan.spanMs / DAY_MS)} days before "now", evenly in time, spread over the jobs by a
multiplicative hash; 5% manual, the rest scheduled; ${mix}; the runs of the last two minutes running.
PostgreSQL is \`ANALYZE\`d after the load (what autovacuum does within a minute); SQLite is left as the app leaves it (no \`ANALYZE\`).
Seeding took ${providers.map((p) => `${(results.get(p)!.seedMs / 1000).toFixed(0)} s on ${p}`).join(", ")}.

**Method.** The lib functions the pages and \`/api/v1\` call, through the app's own Prisma client (\`createDb\`),
one at a time: ${WARMUP} warm-up rounds, then ${ITERATIONS} rounds in which every read runs once, in an order rotated each
round. Milliseconds per call, nearest-rank percentiles. A job's page is \`getJob\` and \`listRuns({ jobId })\` together,
a different job each round.

${table(header, rows)}

${notes}
${END}`;
}

const START = "<!-- dashboard:start -->";
const END = "<!-- dashboard:end -->";
const NOTES_START = "<!-- dashboard-notes:start -->";
const NOTES_END = "<!-- dashboard-notes:end -->";

/**
 * The section sits inside the schedule benchmark's hand-written block (<!-- notes:start/end -->),
 * which that benchmark keeps when it rewrites the file; a rerun of this one replaces only its own
 * section, and keeps the hand-written notes inside it.
 */
function writeSection(section: string): void {
  const previous = readFileSync(OUT, "utf8");
  const from = previous.indexOf(START);
  const to = previous.indexOf(END);
  if (from >= 0 && to > from) {
    writeFileSync(OUT, `${previous.slice(0, from)}${section}${previous.slice(to + END.length)}`);
    return;
  }
  const notesEnd = previous.indexOf("<!-- notes:end -->");
  if (notesEnd < 0) {
    writeFileSync(OUT, `${previous.trimEnd()}\n\n${section}\n`);
    return;
  }
  writeFileSync(OUT, `${previous.slice(0, notesEnd).trimEnd()}\n\n${section}\n${previous.slice(notesEnd)}`);
}

function previousNotes(): string {
  const fallback = `${NOTES_START}\n(Hand-written notes on these figures go here; reruns keep this block.)\n${NOTES_END}`;
  if (OUT === "-") return fallback;
  const previous = readFileSync(OUT, "utf8");
  const from = previous.indexOf(NOTES_START);
  const to = previous.indexOf(NOTES_END);
  return from >= 0 && to > from ? previous.slice(from, to + NOTES_END.length) : fallback;
}

async function main(): Promise<void> {
  const endMs = Date.now();
  const plan: SeedPlan = { jobs: JOBS, runs: RUNS, spanMs: 30 * DAY_MS, endMs };
  const all = cases(plan);
  const results = new Map<DbProvider, { figures: Map<string, Figures>; seedMs: number }>();
  for (const provider of PROVIDERS) {
    log(`${provider}: migrating and seeding ${JOBS} jobs, ${RUNS} runs`);
    const store = await createStore(provider, plan);
    log(`${provider}: seeded in ${(store.seedMs / 1000).toFixed(1)} s; measuring ${WARMUP} + ${ITERATIONS} rounds`);
    const db = createDb(store.url);
    try {
      const figures = await measure(db, all);
      results.set(provider, { figures, seedMs: store.seedMs });
      for (const c of all) {
        const f = figures.get(c.name)!;
        log(`${provider}: ${c.name.padEnd(34)} p50 ${ms(f.p50).padStart(6)}  p95 ${ms(f.p95).padStart(6)}  p99 ${ms(f.p99).padStart(6)} ms`);
      }
    } finally {
      await db.$disconnect();
      await store.drop();
    }
  }
  const section = report(plan, all, results, previousNotes());
  process.stdout.write(`${section}\n`);
  if (OUT !== "-") {
    writeSection(section);
    log(`wrote ${path.relative(process.cwd(), OUT)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
