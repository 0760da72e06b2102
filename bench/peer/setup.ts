// The peer benchmark's "setup" for Sundial (../shared/peer-bench): a fresh store, then N HTTP jobs
// created through createJob, the product's own path, each calling the harness's recorder.
//
//   node --import tsx bench/peer/setup.ts --n 1000 --every second --url http://127.0.0.1:PORT \
//     --db file:/tmp/bench-scratch/sundial-bench.db        (or postgresql://…/bench_sundial)
//
// Run from the repository root. Prints one JSON line ({"setup":true,"ms":…}) as the harness expects.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { createDb, providerOf, sqlitePath, type Db } from "../../lib/db";
import { SYSTEM_ACTOR } from "../../lib/jobs/actor";
import { createJob } from "../../lib/jobs/create-job";
import type { JobInputRequest } from "../../lib/validation/job-input";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const CRON = { second: "* * * * * *", minute: "0 * * * * *", never: "0 0 0 1 1 *" } as const;
type Every = keyof typeof CRON;

// createJob is one transaction per job; a few in flight keep PostgreSQL's round trips overlapping
// (SQLite serialises them anyway). 10,000 jobs take well under a minute either way.
const CREATE_IN_FLIGHT = 8;

function options(): { n: number; every: Every; url: string; db: string } {
  const { values } = parseArgs({ options: { n: { type: "string" }, every: { type: "string" }, url: { type: "string" }, db: { type: "string" } } });
  const n = Number(values.n);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--n must be a positive whole number, got ${values.n}`);
  const every = values.every ?? "second";
  if (!(every in CRON)) throw new Error(`--every must be second, minute or never, got ${every}`);
  if (!values.url || values.url.includes("{")) throw new Error("--url <recorder url> is required: run the harness with --http");
  if (!values.db) throw new Error("--db <DATABASE_URL> is required");
  return { n, every: every as Every, url: values.url.replace(/\/+$/, ""), db: values.db };
}

/** Drops and recreates the database the URL names, by way of the server's "postgres" database. */
async function recreatePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`refusing to drop database "${name}": expected a plain name such as bench_sundial`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function removeSqliteFiles(url: string): void {
  const file = sqlitePath(url);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

function migrate(url: string): void {
  const result = spawnSync(process.execPath, ["scripts/migrate.mjs", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`migrate deploy failed (${result.status}): ${result.stderr}`);
}

/**
 * Job i of the benchmark. Coalesce, misfire grace and max instances are left to the product's
 * defaults (latest, 60 s, 1), so catch-up after downtime is what an operator gets out of the box.
 */
function benchJob(i: number, every: Every, recorderUrl: string): JobInputRequest {
  return {
    name: `bench-${i}`,
    kind: "http",
    config: { method: "POST", url: `${recorderUrl}/hit?id=${i}&scheduled={{run.scheduledForMs}}` },
    trigger: { type: "cron", expression: CRON[every], timezone: "UTC" },
  };
}

async function createJobs(db: Db, n: number, every: Every, recorderUrl: string): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < n; i = next++) {
      await createJob(db, benchJob(i, every, recorderUrl), SYSTEM_ACTOR, { now: new Date(), defaultTimezone: "UTC" });
    }
  };
  await Promise.all(Array.from({ length: CREATE_IN_FLIGHT }, lane));
}

async function main(): Promise<void> {
  const { n, every, url, db: databaseUrl } = options();
  const started = Date.now();
  if (providerOf(databaseUrl) === "postgresql") await recreatePostgresDatabase(databaseUrl);
  else removeSqliteFiles(databaseUrl);
  migrate(databaseUrl);
  const migratedMs = Date.now() - started;
  const db = createDb(databaseUrl);
  try {
    await createJobs(db, n, every, url);
  } finally {
    await db.$disconnect();
  }
  console.log(JSON.stringify({ setup: true, ms: Date.now() - started, migrate_ms: migratedMs, jobs: n, cron: CRON[every] }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
