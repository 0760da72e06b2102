// Every write after the claim carries the claim token: a worker whose lease expired and whose run was
// taken over (reaped, then retried elsewhere) finds zero rows to update and lets go.
import type { Db } from "../db";
import { capText, type RunOutcome } from "./run-outcome";
import { scheduleRetry } from "./schedule-retry";

const RETRIED_STATUSES = new Set(["failed", "timed_out"]);

/**
 * Records how a run ended. Returns recorded: false when the claim was lost (fenced off): nothing was
 * written. A retry, when the policy allows one, is queued after the outcome is recorded; only that
 * rarer path opens a transaction.
 */
export async function finishRun(
  db: Db,
  { runId, claimToken, startedAt, outcome, now }: { runId: string; claimToken: string; startedAt: Date; outcome: RunOutcome; now: Date },
): Promise<{ recorded: boolean; retryId: string | null }> {
  const { count } = await db.run.updateMany({
    where: { id: runId, claimToken, status: "running" },
    data: {
      status: outcome.status,
      reason: outcome.reason ?? null,
      finishedAt: now,
      durationMs: Math.max(0, now.getTime() - startedAt.getTime()),
      leaseExpiresAt: null,
      httpStatus: outcome.httpStatus ?? null,
      exitCode: outcome.exitCode ?? null,
      errorMessage: outcome.errorMessage ? capText(outcome.errorMessage) : null,
      errorStack: outcome.errorStack ? capText(outcome.errorStack) : null,
      outputSummary: outcome.outputSummary ? capText(outcome.outputSummary) : null,
    },
  });
  if (count === 0) return { recorded: false, retryId: null };
  if (!RETRIED_STATUSES.has(outcome.status)) return { recorded: true, retryId: null };
  const retryId = await db.$transaction(async (tx) => {
    const run = await tx.run.findUniqueOrThrow({ where: { id: runId }, select: { id: true, jobId: true, attempt: true, payload: true } });
    return scheduleRetry(tx, run, now);
  });
  return { recorded: true, retryId };
}

/** Extends the lease of a running run. False means the claim is gone: the worker must stop the run. */
export async function renewLease(db: Db, { runId, claimToken, now, leaseMs }: { runId: string; claimToken: string; now: Date; leaseMs: number }): Promise<boolean> {
  const { count } = await db.run.updateMany({
    where: { id: runId, claimToken, status: "running" },
    data: { leaseExpiresAt: new Date(now.getTime() + leaseMs) },
  });
  return count === 1;
}
