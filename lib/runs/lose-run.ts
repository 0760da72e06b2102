// The one way a running run ends as `lost`, whether the reaper finds its lease expired or an operator
// marks it: the write is fenced by the claim token it was read with, clearing the token fences off
// the old worker should it ever wake up, and the job's retry policy then decides about a next attempt.
import type { Prisma } from "../db";
import { scheduleRetry } from "./schedule-retry";

type Tx = Prisma.TransactionClient;

export type LosableRun = { id: string; jobId: string; attempt: number; payload: Prisma.JsonValue | null; claimToken: string | null };

/** Returns whether the run was still running under that claim (and is now lost), and the retry queued, if any. */
export async function recordRunLost(tx: Tx, run: LosableRun, { reason, now }: { reason: string; now: Date }): Promise<{ lost: boolean; retryId: string | null }> {
  const { count } = await tx.run.updateMany({
    where: { id: run.id, status: "running", claimToken: run.claimToken },
    data: { status: "lost", reason, claimToken: null, leaseExpiresAt: null, finishedAt: now },
  });
  if (count === 0) return { lost: false, retryId: null };
  return { lost: true, retryId: await scheduleRetry(tx, run, now) };
}
