// Turns finished runs into alert state changes: each job's runs are folded, in the order they
// finished, into its state, and each change of state raises one alert (failure, misfire, lost run,
// recovery). Each run is evaluated once: the state row keeps the last (finishedAt, id) evaluated.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { dbProvider, rawInstant, sqlInstant, type Db } from "../db";
import { EVENT_OF_STATE, STATE_OF_RUN_STATUS, type AlertStateName } from "./events";
import { advanceQuietJobs, claimStateChange, type ChannelTarget, type NextState, type QuietJob, type SeenState, type StateChange } from "./state-change";

/**
 * Runs that finished longer ago than this are not looked at: a sweep that starts after a longer gap
 * (no web server and no worker up for a day) alerts on what happens from then on.
 */
export const EVALUATION_LOOKBACK_MS = 24 * 60 * 60 * 1000;
const BATCH = 1000;
/** A worker finishing 1,000 runs a second leaves 10,000 between two sweeps: a sweep catches up in batches. */
const MAX_BATCHES_PER_SWEEP = 30;

/**
 * What a sweeping process remembers between its sweeps: every run that finished before `caughtUpTo`
 * had been evaluated when it last looked. The next sweep reads from there (less `marginMs`) instead
 * of a whole day of runs. The margin covers outcomes written after the fact: a worker retries an
 * outcome it could not write for up to two leases, keeping the run's finishedAt.
 */
export type EvaluationCursor = { caughtUpTo?: Date; marginMs: number };
const REASON_MAX_CHARS = 500;

type FinishedRun = { id: string; jobId: string; status: string; reason: string | null; errorMessage: string | null; finishedAt: Date };

/** A finished run as read, with its job's state row as it was in the same statement (null columns: no row yet). */
type FinishedRunRow = Omit<FinishedRun, "finishedAt"> & {
  finishedAt: Date | number | string;
  stateName: string | null;
  stateVersion: number | bigint | null;
  stateSince: Date | number | string | null;
  stateReason: string | null;
  stateRunId: string | null;
  stateEvaluatedAt: Date | number | string | null;
  stateEvaluatedRunId: string | null;
};

/** Where a sweep has read up to: runs after (at, id) in finishedAt order. */
type ReadPosition = { at: Date; id: string };

/**
 * Finished runs not yet evaluated after `after`, oldest first (the finishedAt index drives), each
 * with its job's alert state: reading it here spares a query of the jobs whose runs change nothing.
 */
async function unevaluatedRuns(db: Db, after: ReadPosition): Promise<{ run: FinishedRun; seen: SeenState }[]> {
  const at = sqlInstant(dbProvider(db), after.at);
  const rows = await db.$queryRaw<FinishedRunRow[]>`
    SELECT r."id", r."jobId", r."status", r."reason", r."errorMessage", r."finishedAt",
           CAST(s."state" AS TEXT) AS "stateName", s."version" AS "stateVersion", s."since" AS "stateSince", s."reason" AS "stateReason",
           s."runId" AS "stateRunId", s."evaluatedAt" AS "stateEvaluatedAt", s."evaluatedRunId" AS "stateEvaluatedRunId"
    FROM "Run" r LEFT JOIN "JobAlertState" s ON s."jobId" = r."jobId"
    WHERE r."finishedAt" >= ${at} AND (r."finishedAt" > ${at} OR r."id" > ${after.id})
      AND r."status" IN ('succeeded', 'failed', 'timed_out', 'lost', 'missed')
      AND (s."evaluatedAt" IS NULL OR r."finishedAt" > s."evaluatedAt" OR (r."finishedAt" = s."evaluatedAt" AND r."id" > s."evaluatedRunId"))
    ORDER BY r."finishedAt", r."id"
    LIMIT ${BATCH}`;
  return rows.map((row) => ({
    run: { id: row.id, jobId: row.jobId, status: String(row.status), reason: row.reason, errorMessage: row.errorMessage, finishedAt: rawInstant(row.finishedAt) },
    seen:
      row.stateName === null
        ? null
        : {
            state: row.stateName as AlertStateName,
            version: Number(row.stateVersion),
            since: rawInstant(row.stateSince!),
            reason: row.stateReason,
            runId: row.stateRunId,
            evaluatedAt: row.stateEvaluatedAt === null ? null : rawInstant(row.stateEvaluatedAt),
            evaluatedRunId: row.stateEvaluatedRunId,
          },
  }));
}

function reasonOf(run: FinishedRun): string | null {
  const text = run.status === "succeeded" ? null : (run.errorMessage ?? run.reason ?? (run.status === "timed_out" ? "timed out" : null));
  return text && text.length > REASON_MAX_CHARS ? `${text.slice(0, REASON_MAX_CHARS)}…` : text;
}

/** The job's state after its runs, and the changes on the way. Pure. */
export function foldRuns(seen: SeenState, runs: FinishedRun[]): { next: NextState; changes: StateChange[] } {
  let next: NextState = seen
    ? { state: seen.state, since: seen.since, reason: seen.reason, runId: seen.runId, evaluatedAt: seen.evaluatedAt, evaluatedRunId: seen.evaluatedRunId }
    : { state: "healthy", since: runs[0]!.finishedAt, reason: null, runId: null, evaluatedAt: null, evaluatedRunId: null };
  const changes: StateChange[] = [];
  for (const run of runs) {
    const state: AlertStateName | undefined = STATE_OF_RUN_STATUS[run.status];
    next = { ...next, evaluatedAt: run.finishedAt, evaluatedRunId: run.id };
    if (!state || state === next.state) continue;
    const reason = reasonOf(run);
    changes.push({ event: EVENT_OF_STATE[state], fromState: next.state, runId: run.id, reason, occurredAt: run.finishedAt });
    next = { ...next, state, since: run.finishedAt, reason, runId: run.id };
  }
  return { next, changes };
}

type PendingJob = { seen: SeenState; runs: FinishedRun[] };

/**
 * Reads the runs finished since `from` that are not yet evaluated, a batch at a time (yielding to
 * the event loop in between: the worker's timers must not wait for a sweep), grouped by job.
 * caughtUp: the last batch was not full.
 */
async function readUnevaluated(db: Db, from: Date): Promise<{ byJob: Map<string, PendingJob>; caughtUp: boolean }> {
  const byJob = new Map<string, PendingJob>();
  let after: ReadPosition = { at: from, id: "" };
  for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch += 1) {
    if (batch > 0) await yieldToEventLoop();
    const rows = await unevaluatedRuns(db, after);
    for (const { run, seen } of rows) {
      const pending = byJob.get(run.jobId);
      if (pending) pending.runs.push(run);
      else byJob.set(run.jobId, { seen, runs: [run] });
    }
    if (rows.length < BATCH) return { byJob, caughtUp: true };
    const last = rows.at(-1)!.run;
    after = { at: last.finishedAt, id: last.id };
  }
  return { byJob, caughtUp: false };
}

/**
 * Evaluates the runs finished since the last sweep; returns the number of state changes this process
 * recorded. Each job's state row is written once per sweep however many batches its runs came in (at
 * 1,000 runs a second a sweep reads 10,000 runs of the same 1,000 jobs), and the jobs themselves are
 * read only for those whose state changes.
 */
export async function evaluateFinishedRuns(db: Db, now: Date, channels: ChannelTarget[], cursor?: EvaluationCursor): Promise<number> {
  const lookback = now.getTime() - EVALUATION_LOOKBACK_MS;
  const from = new Date(Math.max(lookback, cursor?.caughtUpTo ? cursor.caughtUpTo.getTime() - cursor.marginMs : lookback));
  const { byJob, caughtUp } = await readUnevaluated(db, from);
  const quiet: QuietJob[] = [];
  const changed: { jobId: string; seen: SeenState; next: NextState; changes: StateChange[] }[] = [];
  for (const [jobId, { seen, runs }] of byJob) {
    const { next, changes } = foldRuns(seen, runs);
    if (changes.length === 0) quiet.push({ jobId, seen, next });
    else changed.push({ jobId, seen, next, changes });
  }
  await advanceQuietJobs(db, quiet);
  let recorded = 0;
  if (changed.length > 0) {
    const jobs = await db.job.findMany({ where: { id: { in: changed.map((entry) => entry.jobId) } }, select: { id: true, name: true, alertChannelIds: true } });
    const jobById = new Map(jobs.map((job) => [job.id, job]));
    for (const { jobId, seen, next, changes } of changed) {
      const job = jobById.get(jobId);
      // A job deleted since its runs were read has nothing left to alert on.
      if (job && (await claimStateChange(db, { job, seen, next, changes, channels, now }))) recorded += changes.length;
    }
  }
  if (caughtUp && cursor) cursor.caughtUpTo = now;
  return recorded;
}
