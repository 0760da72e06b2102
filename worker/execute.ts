// Runs one claimed run to its end: the executor under a timeout, the lease renewed at half its
// length, output batched into the run's log, and the outcome written with the claim token.
import { setTimeout as delay } from "node:timers/promises";
import { databaseErrorSummary, type Db } from "@/lib/db";
import type { Logger } from "@/lib/log";
import type { ClaimedRun } from "@/lib/runs/claim-runs";
import type { Clock } from "@/lib/runs/db-clock";
import { renewLease, type FinishRequest, type FinishResult } from "@/lib/runs/finish-run";
import type { RunOutcome } from "@/lib/runs/run-outcome";
import type { Executor } from "./executors/types";
import type { LogWriter } from "./log-writer";
import type { OutcomeWriter } from "./outcome-writer";
import type { StartGate } from "./start-gate";


/** After an abort, how long an executor may take to wind down before its run is recorded anyway. */
const ABORT_SETTLE_MS = 5_000;
const FINISH_RETRY_MAX_MS = 5_000;

type AbortCause = "timeout" | "shutdown" | "canceled" | "lease";
type RecordedCause = Exclude<AbortCause, "lease">;

function abortedOutcome(cause: RecordedCause, run: ClaimedRun): RunOutcome {
  switch (cause) {
    case "timeout":
      return { status: "timed_out", reason: `timed out after ${run.timeoutSeconds} s`, errorMessage: `The run exceeded its timeout of ${run.timeoutSeconds} s and was stopped` };
    case "shutdown":
      return { status: "canceled", reason: "worker shut down before the run finished" };
    case "canceled":
      return { status: "canceled", reason: "canceled on request while running" };
  }
}

const isRecordedCause = (cause: AbortCause | null): cause is RecordedCause => cause !== null && cause !== "lease";

/** "request failed: connect ECONNREFUSED 127.0.0.1:8080": the message with its causes, which say what actually went wrong. */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current && parts.length < 4; current = current instanceof Error ? current.cause : undefined) {
    parts.push(current instanceof Error ? current.message : String(current));
  }
  return parts.join(": ");
}

function errorOutcome(error: unknown): RunOutcome {
  return { status: "failed", errorMessage: describeError(error), errorStack: error instanceof Error ? error.stack : undefined };
}

export async function executeRun(
  db: Db,
  run: ClaimedRun,
  executor: Executor,
  {
    log,
    clock,
    outcomes,
    logWriter,
    hardStop,
    cancel,
    leaseMs,
    gate,
  }: { log: Logger; clock: Clock; outcomes: OutcomeWriter; logWriter: LogWriter; hardStop: AbortSignal; cancel: AbortSignal; leaseMs: number; gate: StartGate },
): Promise<void> {
  const runLog = log.child({ runId: run.id, jobId: run.jobId });
  const logs = logWriter.open({ runId: run.id, claimToken: run.claimToken });
  const controller = new AbortController();
  let cause: AbortCause | null = null;
  const abort = (why: AbortCause) => {
    if (cause) return;
    cause = why;
    controller.abort(new Error(`run aborted: ${why}`));
  };
  const onHardStop = () => abort("shutdown");
  const onCancel = () => abort("canceled");
  hardStop.addEventListener("abort", onHardStop);
  cancel.addEventListener("abort", onCancel, { once: true });
  const renew = () => {
    renewLease(db, { runId: run.id, claimToken: run.claimToken, now: clock.now(), leaseMs })
      .then((held) => {
        if (!held) abort("lease");
      })
      .catch((error: unknown) => runLog.warn({ err: error }, "could not renew the lease; will try again"));
  };
  // The claim dated the lease a moment ago (one transaction claims a whole batch), so the first
  // renewal is due at half the lease, not now.
  const renewal = setInterval(renew, leaseMs / 2);

  let timeout: ReturnType<typeof setTimeout> | undefined;
  let started: FinishRequest["started"];
  let began = performance.now();
  // A run canceled (or the worker stopping) while it waits is not started: the abort is seen here.
  const start = async () => {
    await gate.at(run.scheduledFor);
    controller.signal.throwIfAborted();
    const startedAt = clock.now();
    started = { at: startedAt, latenessMs: startedAt.getTime() - run.scheduledFor.getTime() };
    began = performance.now();
    if (run.timeoutSeconds) timeout = setTimeout(() => abort("timeout"), run.timeoutSeconds * 1000);
    runLog.info({ attempt: run.attempt, scheduledFor: run.scheduledFor.toISOString() }, "run started");
  };
  let starting: Promise<void> | undefined;
  const due = () => (starting ??= start());
  let outcome: RunOutcome;
  try {
    const execution = executor(run.config, {
      runId: run.id,
      jobId: run.jobId,
      jobName: run.jobName,
      attempt: run.attempt,
      scheduledFor: run.scheduledFor,
      payload: run.payload,
      signal: controller.signal,
      log: (stream, text) => logs.push(stream, text),
      due,
    });
    // An executor that ignores its abort signal must not hold the run open forever.
    const settled = new Promise<never>((_, reject) =>
      controller.signal.addEventListener("abort", () => setTimeout(() => reject(controller.signal.reason), ABORT_SETTLE_MS).unref(), { once: true }),
    );
    outcome = await Promise.race([execution, settled]);
    if (isRecordedCause(cause)) outcome = abortedOutcome(cause, run);
  } catch (error) {
    outcome = isRecordedCause(cause) ? abortedOutcome(cause, run) : errorOutcome(error);
  }
  // An executor that failed in preparing (a configuration it refuses) is recorded at the run's time,
  // not before it.
  await due().catch(() => undefined);
  clearTimeout(timeout);
  clearInterval(renewal);
  hardStop.removeEventListener("abort", onHardStop);
  cancel.removeEventListener("abort", onCancel);
  const finishedAt = clock.now();
  if (outcome.errorMessage) logs.push("system", outcome.errorMessage);
  const logTail = await logWriter.close(logs);

  if (cause === "lease") {
    runLog.warn("lease lost: the run was taken over by another worker; its outcome is not recorded here");
    return;
  }
  const request: FinishRequest = { runId: run.id, claimToken: run.claimToken, durationMs: performance.now() - began, started, outcome, now: finishedAt, logs: logTail };
  const { recorded, retryId } = await recordOutcome(outcomes, request, { leaseMs, log: runLog });
  if (!recorded) runLog.warn({ status: outcome.status }, "the claim was taken over meanwhile; outcome not recorded (fenced)");
  else runLog.info({ status: outcome.status, retryId }, "run finished");
}

/**
 * Writes the outcome, retrying while the database is unreachable: the run has happened, and giving up
 * would leave it `running` until the reaper records it lost (and retries it, calling its endpoint a
 * second time). Retrying is safe past the lease too: once the run has been taken over, the claim
 * token no longer matches and the write is refused. After two leases without a database the worker
 * gives up, and the reaper has the last word.
 */
async function recordOutcome(outcomes: OutcomeWriter, request: FinishRequest, { leaseMs, log }: { leaseMs: number; log: Logger }): Promise<FinishResult> {
  const giveUpAt = Date.now() + 2 * leaseMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await outcomes.record(request);
    } catch (error) {
      if (Date.now() >= giveUpAt) throw error;
      const retryInMs = Math.min(FINISH_RETRY_MAX_MS, 250 * 2 ** (attempt - 1));
      log.warn({ error: databaseErrorSummary(error), attempt, retryInMs }, "could not record the run's outcome; will try again");
      await delay(retryInMs);
    }
  }
}
