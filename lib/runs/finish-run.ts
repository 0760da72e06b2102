// Every write after the claim carries the claim token: a worker whose lease expired and whose run was
// taken over (reaped, then retried elsewhere) finds zero rows to update and lets go.
//
// Outcomes are recorded in batches: one statement writes the outcomes of every run that finished
// since the last write (with the last lines of their logs), so a worker finishing 1,000 short runs a
// second makes a few writes a second, not thousands.
import type { Db, DbProvider, Prisma } from "../db";
import { dbProvider } from "../db";
import { insertRunLogLines, type LogLine } from "./run-logs";
import { capText, type RunOutcome } from "./run-outcome";
import { scheduleRetry } from "./schedule-retry";

const RETRIED_STATUSES = new Set(["failed", "timed_out"]);

type Tx = Prisma.TransactionClient;

export type FinishRequest = {
  runId: string;
  claimToken: string;
  /** Measured on the worker's monotonic clock: a duration must not move when the clock offset does. */
  durationMs: number;
  /**
   * When the run actually started and how late that was. A run claimed ahead of its time was recorded
   * as starting on time; this is what happened. Absent: the claim's record stands.
   */
  started?: { at: Date; latenessMs: number };
  outcome: RunOutcome;
  now: Date;
  /** Log lines not yet written, recorded with the outcome (and, like it, only if the claim holds). */
  logs?: { lines: LogLine[]; truncated: boolean };
};

/** recorded: false when the claim was lost (fenced off): nothing was written for that run. */
export type FinishResult = { recorded: boolean; retryId: string | null };

// PostgreSQL text can't hold NUL, and a binary response excerpt may: one such run must not fail the
// batch it is written in.
const storable = (text: string | undefined) => (text ? capText(text).replaceAll("\u0000", "\uFFFD") : null);

function outcomeRow(request: FinishRequest) {
  const { outcome, logs } = request;
  return {
    id: request.runId,
    token: request.claimToken,
    status: outcome.status,
    reason: storable(outcome.reason),
    finished_at: request.now.getTime(),
    started_at: request.started?.at.getTime() ?? null,
    lateness_ms: request.started ? Math.min(2 ** 31 - 1, Math.max(0, Math.round(request.started.latenessMs))) : null,
    duration_ms: Math.min(2 ** 31 - 1, Math.max(0, Math.round(request.durationMs))),
    http_status: outcome.httpStatus ?? null,
    exit_code: outcome.exitCode ?? null,
    error_message: storable(outcome.errorMessage),
    error_stack: storable(outcome.errorStack),
    output_summary: storable(outcome.outputSummary),
    lines: logs?.lines.length ?? 0,
    bytes: logs?.lines.reduce((sum, line) => sum + Buffer.byteLength(line.text), 0) ?? 0,
    truncated: logs?.truncated ?? false,
  };
}

// On SQLite the unary + keeps the planner from driving the update from the status index (every
// running run, each checked against the whole JSON list): the JSON list drives, each run found by id.
async function writeOutcomes(tx: Tx, provider: DbProvider, requests: FinishRequest[]): Promise<Set<string>> {
  const values = JSON.stringify(requests.map(outcomeRow));
  const recorded =
    provider === "postgresql"
      ? await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Run" AS r SET
            "status" = v.status::"RunStatus", "reason" = v.reason,
            "finishedAt" = TIMESTAMP '1970-01-01' + v.finished_at * INTERVAL '1 millisecond',
            "updatedAt" = TIMESTAMP '1970-01-01' + v.finished_at * INTERVAL '1 millisecond',
            "durationMs" = v.duration_ms, "leaseExpiresAt" = NULL,
            "startedAt" = COALESCE(TIMESTAMP '1970-01-01' + v.started_at * INTERVAL '1 millisecond', r."startedAt"),
            "latenessMs" = COALESCE(v.lateness_ms, r."latenessMs"),
            "httpStatus" = v.http_status, "exitCode" = v.exit_code, "errorMessage" = v.error_message,
            "errorStack" = v.error_stack, "outputSummary" = v.output_summary,
            "logLineCount" = r."logLineCount" + v.lines, "logBytes" = r."logBytes" + v.bytes,
            "logTruncated" = r."logTruncated" OR v.truncated
          FROM jsonb_to_recordset(${values}::jsonb) AS v(
            id text, token text, status text, reason text, finished_at float8, started_at float8, lateness_ms int, duration_ms int, http_status int,
            exit_code int, error_message text, error_stack text, output_summary text, lines int, bytes int, truncated boolean)
          WHERE r."id" = v.id AND r."claimToken" = v.token AND r."status" = 'running'
          RETURNING r."id"`
      : await tx.$queryRaw<{ id: string }[]>`
          UPDATE "Run" SET
            "status" = v.status, "reason" = v.reason, "finishedAt" = v.finished_at, "updatedAt" = v.finished_at,
            "durationMs" = v.duration_ms, "leaseExpiresAt" = NULL,
            "startedAt" = COALESCE(v.started_at, "startedAt"), "latenessMs" = COALESCE(v.lateness_ms, "latenessMs"),
            "httpStatus" = v.http_status, "exitCode" = v.exit_code, "errorMessage" = v.error_message,
            "errorStack" = v.error_stack, "outputSummary" = v.output_summary,
            "logLineCount" = "logLineCount" + v.lines, "logBytes" = "logBytes" + v.bytes,
            "logTruncated" = ("logTruncated" OR v.truncated)
          FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.token') AS token,
                       json_extract(value, '$.status') AS status, json_extract(value, '$.reason') AS reason,
                       json_extract(value, '$.finished_at') AS finished_at, json_extract(value, '$.started_at') AS started_at,
                       json_extract(value, '$.lateness_ms') AS lateness_ms, json_extract(value, '$.duration_ms') AS duration_ms,
                       json_extract(value, '$.http_status') AS http_status, json_extract(value, '$.exit_code') AS exit_code,
                       json_extract(value, '$.error_message') AS error_message, json_extract(value, '$.error_stack') AS error_stack,
                       json_extract(value, '$.output_summary') AS output_summary, json_extract(value, '$.lines') AS lines,
                       json_extract(value, '$.bytes') AS bytes, json_extract(value, '$.truncated') AS truncated
                FROM json_each(${values})) AS v
          WHERE "Run"."id" = v.id AND +"Run"."claimToken" = v.token AND +"Run"."status" = 'running'
          RETURNING "Run"."id" AS id`;
  return new Set(recorded.map((row) => row.id));
}

/**
 * Records how runs ended, in one transaction: the outcomes (fenced per run by its claim token), the
 * log lines of the runs whose outcome was recorded, and a retry for each failed or timed-out run
 * whose job's policy allows one.
 */
export async function finishRuns(db: Db, requests: FinishRequest[]): Promise<Map<string, FinishResult>> {
  const provider = dbProvider(db);
  const results = new Map<string, FinishResult>(requests.map((r) => [r.runId, { recorded: false, retryId: null }]));
  if (requests.length === 0) return results;
  await db.$transaction(async (tx) => {
    const recorded = await writeOutcomes(tx, provider, requests);
    const ours = requests.filter((request) => recorded.has(request.runId));
    await insertRunLogLines(tx, provider, ours.flatMap((request) => (request.logs?.lines ?? []).map((line) => ({ runId: request.runId, ...line }))));
    for (const request of ours) {
      const retryId = RETRIED_STATUSES.has(request.outcome.status)
        ? await scheduleRetry(tx, await tx.run.findUniqueOrThrow({ where: { id: request.runId }, select: { id: true, jobId: true, attempt: true, payload: true } }), request.now)
        : null;
      results.set(request.runId, { recorded: true, retryId });
    }
  });
  return results;
}

/** Extends the lease of a running run. False means the claim is gone: the worker must stop the run. */
export async function renewLease(db: Db, { runId, claimToken, now, leaseMs }: { runId: string; claimToken: string; now: Date; leaseMs: number }): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id: runId, claimToken, status: "running" },
    data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}
