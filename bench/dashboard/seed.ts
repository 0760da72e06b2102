// The dashboard benchmark's data set, written by bulk SQL: 10,000 jobs and 1,000,000 runs generated
// inside the database (a recursive CTE on SQLite, generate_series on PostgreSQL) from the same
// integer formulas, so both providers hold the same rows. Row i of the runs is scheduled at
// start + i × (span / runs): the runs follow time as a real ledger does, and their uuid v7-shaped ids
// follow it too.
import Database from "better-sqlite3";
import pg from "pg";
import type { DbProvider } from "../../lib/db";

export type SeedPlan = { jobs: number; runs: number; spanMs: number; endMs: number };

export const JOB_PREFIXES = ["sync-orders", "nightly-backup", "send-digest", "rotate-logs", "refresh-cache", "billing-export", "cleanup-sessions", "report-usage"];
export const JOB_TAGS = ["billing", "ops", "reports", "etl", "critical"];

// Per mille of runs by status; the runs of the last two minutes are running instead.
export const STATUS_MIX: [status: string, perMille: number][] = [
  ["succeeded", 900],
  ["failed", 40],
  ["timed_out", 10],
  ["missed", 20],
  ["skipped", 20],
  ["canceled", 5],
  ["lost", 5],
];

type Dialect = {
  /** An instant as SQL of the column's type, from an integer expression in epoch ms. */
  ts: (ms: string) => string;
  /** n as lowercase hex, left-padded with zeros to `width` digits. */
  hex: (n: string, width: number) => string;
  /** The text of a JSON object built by concatenation, as the column's type. */
  json: (text: string) => string;
  cast: (type: string) => string;
  concat: (...parts: string[]) => string;
  bool: (condition: string) => string;
};

const DIALECTS: Record<DbProvider, Dialect> = {
  sqlite: {
    ts: (ms) => `(${ms})`,
    hex: (n, width) => `printf('%0${width}x', ${n})`,
    json: (text) => text,
    cast: () => "",
    concat: (...parts) => parts.map((p) => `(${p})`).join(" || "),
    bool: (condition) => `(CASE WHEN ${condition} THEN 1 ELSE 0 END)`,
  },
  postgresql: {
    ts: (ms) => `(TIMESTAMP '1970-01-01' + (${ms}) * INTERVAL '1 millisecond')`,
    hex: (n, width) => `lpad(to_hex((${n})::bigint), ${width}, '0')`,
    json: (text) => `(${text})::jsonb`,
    cast: (type) => `::"${type}"`,
    concat: (...parts) => parts.map((p) => `(${p})::text`).join(" || "),
    bool: (condition) => `(${condition})`,
  },
};

/** The job of run i, and a well-mixed per-run number: multiplicative hashing of i. */
const JOB_OF = (i: string, jobs: number) => `((${i} * 48271) % ${jobs})`;
const MIX = (i: string) => `((((${i} * 2654435761) % 4294967296) / 1024) % 1000)`;

function statusCase(mix: string, recent: string): string {
  let bound = 0;
  const arms = STATUS_MIX.map(([status, perMille]) => {
    bound += perMille;
    return `WHEN ${mix} < ${bound} THEN '${status}'`;
  });
  return `CASE WHEN ${recent} THEN 'running' ${arms.join(" ")} ELSE 'succeeded' END`;
}

function jobsSql(d: Dialect, plan: SeedPlan, from: string): string {
  const n = "n";
  const prefix = `CASE ${JOB_PREFIXES.map((p, k) => `WHEN ${n} % ${JOB_PREFIXES.length} = ${k} THEN '${p}'`).join(" ")} END`;
  const kind = `CASE WHEN ${n} % 10 < 6 THEN 'http' WHEN ${n} % 10 < 9 THEN 'shell' ELSE 'task' END`;
  const config = `CASE WHEN ${n} % 10 < 6 THEN ${d.concat(`'{"method":"POST","url":"https://api.example.com/hooks/'`, n, `'"}'`)}
    WHEN ${n} % 10 < 9 THEN ${d.concat(`'{"program":"/usr/local/bin/backup","args":["--job","'`, n, `'"]}'`)}
    ELSE '{"task":"sundial.prune-runs","payload":{}}' END`;
  const triggerType = `CASE WHEN ${n} % 10 < 7 THEN 'cron' WHEN ${n} % 10 < 9 THEN 'interval' ELSE 'date' END`;
  const trigger = `CASE WHEN ${n} % 10 < 7 THEN ${d.concat(`'{"expression":"'`, `${n} % 60`, `' */'`, `1 + ${n} % 6`, `' * * *"}'`)}
    WHEN ${n} % 10 < 9 THEN '{"every":{"weeks":0,"days":0,"hours":0,"minutes":15,"seconds":0}}'
    ELSE '{"runAt":"2026-01-01T00:00:00Z"}' END`;
  const created = `${plan.endMs - plan.spanMs} - 86400000 + ${n} * 1000`;
  return `INSERT INTO "Job" ("id", "name", "description", "kind", "config", "triggerType", "trigger", "timezone", "startAt", "nextRunAt", "paused", "createdAt", "updatedAt")
    SELECT ${d.concat(`'00000000-0000-7000-8000-'`, d.hex(n, 12))}, ${d.concat(prefix, `'-'`, n)}, 'Benchmark job',
      (${kind})${d.cast("JobKind")}, ${d.json(config)}, (${triggerType})${d.cast("TriggerType")}, ${d.json(trigger)}, 'UTC',
      CASE WHEN ${n} % 10 BETWEEN 7 AND 8 THEN ${d.ts(String(plan.endMs - plan.spanMs))} END,
      CASE WHEN ${n} % 10 = 9 THEN NULL ELSE ${d.ts(`${plan.endMs} + (${n} * 7919) % 3600000`)} END,
      ${d.bool(`(${n} / 10) % 10 = 3`)}, ${d.ts(created)}, ${d.ts(created)}
    FROM ${from}`;
}

function tagsSql(d: Dialect, from: string): string {
  const tag = `CASE ${JOB_TAGS.map((t, k) => `WHEN n % ${JOB_TAGS.length} = ${k} THEN '${t}'`).join(" ")} END`;
  const id = d.concat(`'00000000-0000-7000-8000-'`, d.hex("n", 12));
  return `INSERT INTO "JobTag" ("jobId", "tag")
    SELECT ${id}, ${tag} FROM ${from}
    UNION ALL SELECT ${id}, 'nightly' FROM ${from} WHERE n % 3 = 0`;
}

function runsSql(d: Dialect, plan: SeedPlan, from: string): string {
  const i = "i";
  const step = Math.floor(plan.spanMs / plan.runs);
  const at = `(${plan.endMs - plan.spanMs} + ${i} * ${step})`;
  const mix = MIX(i);
  const status = statusCase(mix, `${at} > ${plan.endMs - 120_000}`);
  const executed = `s.status IN ('succeeded', 'failed', 'timed_out', 'lost', 'running')`;
  const ended = `s.status <> 'running'`;
  return `INSERT INTO "Run" ("id", "jobId", "slotAt", "scheduledFor", "source", "status", "reason", "attempt", "startedAt", "finishedAt",
      "durationMs", "latenessMs", "httpStatus", "errorMessage", "createdAt", "updatedAt")
    SELECT ${d.concat(d.hex("s.at / 65536", 8), `'-'`, d.hex("s.at % 65536", 4), `'-7000-8000-'`, d.hex("s.i", 12))},
      ${d.concat(`'00000000-0000-7000-8000-'`, d.hex("s.job", 12))},
      CASE WHEN s.manual THEN NULL ELSE ${d.ts("s.at")} END, ${d.ts("s.at")},
      (CASE WHEN s.manual THEN 'manual' ELSE 'schedule' END)${d.cast("RunSource")}, (s.status)${d.cast("RunStatus")},
      CASE s.status WHEN 'missed' THEN 'started too late (grace 60 s)' WHEN 'skipped' THEN 'max instances reached (1 running)' WHEN 'lost' THEN 'worker lost' END,
      1,
      CASE WHEN ${executed} THEN ${d.ts("s.at + 40")} END,
      CASE WHEN ${ended} THEN ${d.ts("s.at + 40 + s.mix * 5")} END,
      CASE WHEN ${executed} AND ${ended} THEN s.mix * 5 END,
      CASE WHEN ${executed} THEN 40 END,
      CASE WHEN s.status = 'failed' THEN 500 END,
      CASE s.status WHEN 'failed' THEN 'HTTP 500; accepted: 200, 201, 202, 204' WHEN 'timed_out' THEN 'timed out after 30 s' END,
      ${d.ts("s.at")}, ${d.ts("s.at + 40 + s.mix * 5")}
    FROM (SELECT ${i} AS i, ${at} AS at, ${JOB_OF(i, plan.jobs)} AS job, ${mix} AS mix, ${i} % 20 = 7 AS manual, ${status} AS status FROM ${from}) AS s`;
}

const RUN_CHUNK = 100_000;

export function seedSqlite(file: string, plan: SeedPlan): void {
  const db = new Database(file);
  const d = DIALECTS.sqlite;
  const range = (count: number, offset = 0, name = "n") =>
    `(WITH RECURSIVE seq(${name}) AS (SELECT ${offset} UNION ALL SELECT ${name} + 1 FROM seq WHERE ${name} < ${offset + count - 1}) SELECT ${name} FROM seq)`;
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.transaction(() => {
      db.exec(jobsSql(d, plan, range(plan.jobs)));
      db.exec(tagsSql(d, range(plan.jobs)));
      for (let offset = 0; offset < plan.runs; offset += RUN_CHUNK) {
        db.exec(runsSql(d, plan, range(Math.min(RUN_CHUNK, plan.runs - offset), offset, "i")));
      }
    })();
  } finally {
    db.close();
  }
}

export async function seedPostgres(url: string, plan: SeedPlan): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const d = DIALECTS.postgresql;
  const range = (count: number, offset = 0, name = "n") => `generate_series(${offset}::bigint, ${offset + count - 1}::bigint) AS g(${name})`;
  try {
    await client.query("BEGIN");
    await client.query(jobsSql(d, plan, range(plan.jobs)));
    await client.query(tagsSql(d, range(plan.jobs)));
    for (let offset = 0; offset < plan.runs; offset += RUN_CHUNK) {
      await client.query(runsSql(d, plan, range(Math.min(RUN_CHUNK, plan.runs - offset), offset, "i")));
    }
    await client.query("COMMIT");
    // What autovacuum would do within a minute of such a load: the planner needs row counts.
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
}
