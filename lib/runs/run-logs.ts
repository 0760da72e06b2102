// A run's output lines. The worker holding a run's claim is its only log writer: it numbers the lines
// and keeps the byte count itself. Every write is fenced by the claim token, like every write after
// the claim, and lines are written only for runs whose claim still holds.
import { chunk } from "../chunk";
import { dbProvider, type Db, type DbProvider, type LogStream, type Prisma } from "../db";

export const RUN_LOG_MAX_BYTES = 1024 * 1024;

export type LogLine = { seq: number; at: Date; stream: LogStream; text: string };

export type RunLogAppend = { runId: string; claimToken: string; lines: LogLine[]; truncated: boolean };

type Tx = Prisma.TransactionClient;

// Lines travel as one JSON parameter per statement (SQLite binds at most 999 parameters, and one
// row per line costs a statement each through Prisma's SQLite createMany). A line is capped at 16k
// characters by the worker, so a statement's JSON stays within a few megabytes.
const LINES_PER_STATEMENT = 500;

/** PostgreSQL text can't hold NUL, and binary output may: one such line must not fail the write. */
const storableText = (text: string) => text.replaceAll("\u0000", "\uFFFD");

/** Inserts lines of runs whose claim the caller has just checked, inside its transaction. */
export async function insertRunLogLines(tx: Tx, provider: DbProvider, lines: (LogLine & { runId: string })[]): Promise<void> {
  for (const part of chunk(lines, LINES_PER_STATEMENT)) {
    const values = JSON.stringify(part.map((line) => ({ r: line.runId, s: line.seq, a: line.at.getTime(), k: line.stream, t: storableText(line.text) })));
    if (provider === "postgresql") {
      await tx.$executeRaw`
        INSERT INTO "RunLog" ("runId", "seq", "at", "stream", "text")
        SELECT v.r, v.s, TIMESTAMP '1970-01-01' + v.a * INTERVAL '1 millisecond', v.k::"LogStream", v.t
        FROM jsonb_to_recordset(${values}::jsonb) AS v(r text, s int, a float8, k text, t text)`;
    } else {
      await tx.$executeRaw`
        INSERT INTO "RunLog" ("runId", "seq", "at", "stream", "text")
        SELECT json_extract(value, '$.r'), json_extract(value, '$.s'), json_extract(value, '$.a'), json_extract(value, '$.k'), json_extract(value, '$.t')
        FROM json_each(${values})`;
    }
  }
}

/** Adds the batches' line and byte counts to their runs; returns the runs whose claim still holds. */
async function addLogCounters(tx: Tx, provider: DbProvider, batches: RunLogAppend[]): Promise<Set<string>> {
  const values = JSON.stringify(
    batches.map((batch) => ({
      id: batch.runId,
      token: batch.claimToken,
      lines: batch.lines.length,
      bytes: batch.lines.reduce((sum, line) => sum + Buffer.byteLength(line.text), 0),
      truncated: batch.truncated,
    })),
  );
  // On SQLite the unary + keeps the planner from driving the update from the status index (as in
  // finish-run.ts): the JSON list drives, each run found by id.
  const held =
    provider === "postgresql"
      ? await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Run" AS r SET
            "logLineCount" = r."logLineCount" + v.lines, "logBytes" = r."logBytes" + v.bytes,
            "logTruncated" = r."logTruncated" OR v.truncated
          FROM jsonb_to_recordset(${values}::jsonb) AS v(id text, token text, lines int, bytes int, truncated boolean)
          WHERE r."id" = v.id AND r."claimToken" = v.token AND r."status" = 'running'
          RETURNING r."id"`
      : await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Run" SET
            "logLineCount" = "logLineCount" + v.lines, "logBytes" = "logBytes" + v.bytes,
            "logTruncated" = ("logTruncated" OR v.truncated)
          FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.token') AS token,
                       json_extract(value, '$.lines') AS lines, json_extract(value, '$.bytes') AS bytes,
                       json_extract(value, '$.truncated') AS truncated
                FROM json_each(${values})) AS v
          WHERE "Run"."id" = v.id AND +"Run"."claimToken" = v.token AND +"Run"."status" = 'running'
          RETURNING "Run"."id" AS id`;
  return new Set(held.map((row) => row.id));
}

/**
 * Appends output lines to running runs, all in one transaction of a few statements. Returns the
 * runs whose lines were written; the others' claims are gone (taken over, or the run ended).
 */
export async function appendRunLogs(db: Db, batches: RunLogAppend[]): Promise<Set<string>> {
  if (batches.length === 0) return new Set();
  const provider = dbProvider(db);
  return db.$transaction(async (tx) => {
    const held = await addLogCounters(tx, provider, batches);
    const lines = batches.filter((batch) => held.has(batch.runId)).flatMap((batch) => batch.lines.map((line) => ({ runId: batch.runId, ...line })));
    await insertRunLogLines(tx, provider, lines);
    return held;
  });
}
