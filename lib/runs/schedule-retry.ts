import type { Prisma } from "../db";

type Tx = Prisma.TransactionClient;

/** Exponential backoff from the job's policy, with up to 20 % jitter so retries of many runs don't align. */
export function retryDelayMs(attempt: number, backoffSeconds: number, maxBackoffSeconds: number, random: () => number = Math.random): number {
  const base = Math.min(maxBackoffSeconds, backoffSeconds * 2 ** (attempt - 1)) * 1000;
  return Math.round(base * (1 + 0.2 * random()));
}

/**
 * Queues the next attempt of a run that failed, timed out or was lost, when the job's retry policy
 * allows one. A retry is a new run linked to the one it retries. Returns its id, or null.
 */
export async function scheduleRetry(
  tx: Tx,
  run: { id: string; jobId: string; attempt: number; payload: Prisma.JsonValue | null },
  now: Date,
): Promise<string | null> {
  const job = await tx.job.findUnique({
    where: { id: run.jobId },
    select: { retryMaxAttempts: true, retryBackoffSeconds: true, retryBackoffMaxSeconds: true },
  });
  if (!job || run.attempt >= job.retryMaxAttempts) return null;
  const retry = await tx.run.create({
    data: {
      jobId: run.jobId,
      source: "retry",
      attempt: run.attempt + 1,
      retryOfId: run.id,
      scheduledFor: new Date(now.getTime() + retryDelayMs(run.attempt, job.retryBackoffSeconds, job.retryBackoffMaxSeconds)),
      payload: run.payload ?? undefined,
    },
    select: { id: true },
  });
  return retry.id;
}
