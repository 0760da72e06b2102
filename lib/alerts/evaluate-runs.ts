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


/** Finished runs not yet evaluated, oldest first (the finishedAt index drives). */
async function unevaluatedRuns(db: Db, from: Date): Promise<FinishedRun[]> {
  const provider = dbProvider(db);
  const since = sqlInstant(provider, from);
  const rows = await db.$queryRaw<FinishedRun[]>`
    SELECT r."id", r."jobId", r."status", r."reason", r."errorMessage", r."finishedAt"
    FROM "Run" r LEFT JOIN "JobAlertState" s ON s."jobId" = r."jobId"
    WHERE r."finishedAt" > ${since}
      AND r."status" IN ('succeeded', 'failed', 'timed_out', 'lost', 'missed')
      AND (s."evaluatedAt" IS NULL OR r."finishedAt" > s."evaluatedAt" OR (r."finishedAt" = s."evaluatedAt" AND r."id" > s."evaluatedRunId"))
    ORDER BY r."finishedAt", r."id"
    LIMIT ${BATCH}`;
  return rows.map((row) => ({ ...row, status: String(row.status), finishedAt: rawInstant(row.finishedAt) }));
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

function isAfterWatermark(run: FinishedRun, seen: SeenState): boolean {
  if (!seen?.evaluatedAt) return true;
  const at = run.finishedAt.getTime();
  const mark = seen.evaluatedAt.getTime();
  return at > mark || (at === mark && run.id > (seen.evaluatedRunId ?? ""));
}

/** Evaluates one batch of runs; returns the state changes this process recorded and how many runs it read. */
async function evaluateBatch(db: Db, from: Date, now: Date, channels: ChannelTarget[]): Promise<{ recorded: number; read: number }> {
  const runs = await unevaluatedRuns(db, from);
  if (runs.length === 0) return { recorded: 0, read: 0 };
  const byJob = new Map<string, FinishedRun[]>();
  for (const run of runs) {
    const list = byJob.get(run.jobId);
    if (list) list.push(run);
    else byJob.set(run.jobId, [run]);
  }
  const jobs = await db.job.findMany({
    where: { id: { in: [...byJob.keys()] } },
    select: { id: true, name: true, alertChannelIds: true, alertState: true },
  });
  let recorded = 0;
  const quiet: QuietJob[] = [];
  for (const job of jobs) {
    const seen: SeenState = job.alertState;
    // Another process may have evaluated some of these runs between the two reads: its watermark,
    // read with the version the claim is conditional on, is the one that counts.
    const pending = byJob.get(job.id)!.filter((run) => isAfterWatermark(run, seen));
    if (pending.length === 0) continue;
    const { next, changes } = foldRuns(seen, pending);
    if (changes.length === 0) quiet.push({ jobId: job.id, seen, next });
    else if (await claimStateChange(db, { job, seen, next, changes, channels, now })) recorded += changes.length;
  }
  await advanceQuietJobs(db, quiet);
  return { recorded, read: runs.length };
}

/**
 * Evaluates the runs finished since the last sweep, a batch at a time (yielding to the event loop in
 * between: the worker's timers must not wait for a sweep); returns the number of state changes this
 * process recorded.
 */
export async function evaluateFinishedRuns(db: Db, now: Date, channels: ChannelTarget[], cursor?: EvaluationCursor): Promise<number> {
  const lookback = now.getTime() - EVALUATION_LOOKBACK_MS;
  const from = new Date(Math.max(lookback, cursor?.caughtUpTo ? cursor.caughtUpTo.getTime() - cursor.marginMs : lookback));
  let recorded = 0;
  for (let batch = 0; batch < MAX_BATCHES_PER_SWEEP; batch += 1) {
    if (batch > 0) await yieldToEventLoop();
    const result = await evaluateBatch(db, from, now, channels);
    recorded += result.recorded;
    if (result.read < BATCH) {
      if (cursor) cursor.caughtUpTo = now;
      break;
    }
  }
  return recorded;
}
