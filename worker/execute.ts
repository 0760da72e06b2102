// Runs one claimed run to its end: the executor under a timeout, the lease renewed at half its
// length, output batched into the run's log, and the outcome written with the claim token.
import type { Db } from "@/lib/db";
import type { Logger } from "@/lib/log";
import type { ClaimedRun } from "@/lib/runs/claim-runs";
import { finishRun, renewLease } from "@/lib/runs/finish-run";
import type { RunOutcome } from "@/lib/runs/run-outcome";
import type { Executor } from "./executors/types";
import { RunLogBuffer } from "./run-log-buffer";

/** After an abort, how long an executor may take to wind down before its run is recorded anyway. */
const ABORT_SETTLE_MS = 5_000;

type AbortCause = "timeout" | "shutdown" | "lease";

function abortedOutcome(cause: "timeout" | "shutdown", run: ClaimedRun): RunOutcome {
  return cause === "timeout"
    ? { status: "timed_out", reason: `timed out after ${run.timeoutSeconds} s`, errorMessage: `The run exceeded its timeout of ${run.timeoutSeconds} s and was stopped` }
    : { status: "canceled", reason: "worker shut down before the run finished" };
}

/** "fetch failed: connect ECONNREFUSED 127.0.0.1:8080": the message with its causes, which say what actually went wrong. */
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
  { log, hardStop, leaseMs }: { log: Logger; hardStop: AbortSignal; leaseMs: number },
): Promise<void> {
  const runLog = log.child({ runId: run.id, jobId: run.jobId });
  const logs = new RunLogBuffer(db, { runId: run.id, claimToken: run.claimToken }, runLog);
  const controller = new AbortController();
  let cause: AbortCause | null = null;
  const abort = (why: AbortCause) => {
    if (cause) return;
    cause = why;
    controller.abort(new Error(`run aborted: ${why}`));
  };
  const onHardStop = () => abort("shutdown");
  hardStop.addEventListener("abort", onHardStop);
  const timeout = run.timeoutSeconds ? setTimeout(() => abort("timeout"), run.timeoutSeconds * 1000) : undefined;
  const renew = () => {
    renewLease(db, { runId: run.id, claimToken: run.claimToken, now: new Date(), leaseMs })
      .then((held) => {
        if (!held) abort("lease");
      })
      .catch((error: unknown) => runLog.warn({ err: error }, "could not renew the lease; will try again"));
  };
  // The lease dates from the claim, which can be a while back when one tick claimed many runs: renew
  // it now, so the renewals at half its length are timed from a lease that starts here.
  renew();
  const renewal = setInterval(renew, leaseMs / 2);

  runLog.info({ attempt: run.attempt, scheduledFor: run.scheduledFor.toISOString() }, "run started");
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
    });
    // An executor that ignores its abort signal must not hold the run open forever.
    const settled = new Promise<never>((_, reject) =>
      controller.signal.addEventListener("abort", () => setTimeout(() => reject(controller.signal.reason), ABORT_SETTLE_MS).unref(), { once: true }),
    );
    outcome = await Promise.race([execution, settled]);
    if (cause === "timeout" || cause === "shutdown") outcome = abortedOutcome(cause, run);
  } catch (error) {
    outcome = cause === "timeout" || cause === "shutdown" ? abortedOutcome(cause, run) : errorOutcome(error);
  } finally {
    clearTimeout(timeout);
    clearInterval(renewal);
    hardStop.removeEventListener("abort", onHardStop);
  }
  if (outcome.errorMessage) logs.push("system", outcome.errorMessage);
  await logs.close();

  if (cause === "lease") {
    runLog.warn("lease lost: the run was taken over by another worker; its outcome is not recorded here");
    return;
  }
  const { recorded, retryId } = await finishRun(db, { runId: run.id, claimToken: run.claimToken, startedAt: run.startedAt, outcome, now: new Date() });
  if (!recorded) runLog.warn({ status: outcome.status }, "the claim was taken over meanwhile; outcome not recorded (fenced)");
  else runLog.info({ status: outcome.status, retryId }, "run finished");
}
