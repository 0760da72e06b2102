// When a run that says `running` is no longer being run: its worker stopped renewing the lease, or
// the worker itself is gone (no heartbeat, or it said goodbye). The job page's banner and "mark lost"
// both ask this, so the dashboard never offers what the service would refuse.
import { workerState } from "../workers/worker-status";

export type RunClaim = { workerId: string | null; leaseExpiresAt: Date | null };
export type ClaimingWorker = { lastHeartbeatAt: Date; stoppedAt: Date | null } | null;

/** Why the running run is stuck, as a sentence; null while its worker is online and its lease live. */
export function stuckReason(run: RunClaim, worker: ClaimingWorker, now: Date, offlineAfterSeconds: number): string | null {
  const name = run.workerId ? `worker ${run.workerId}` : "its worker";
  if (run.leaseExpiresAt === null || run.leaseExpiresAt < now) {
    const expiry = run.leaseExpiresAt ? `, which expired at ${run.leaseExpiresAt.toISOString()}` : "";
    return `${name} stopped renewing the lease${expiry}`;
  }
  if (!worker) return `${name} is no longer registered`;
  const state = workerState(worker, now, offlineAfterSeconds);
  if (state === "stopped") return `${name} shut down at ${worker.stoppedAt!.toISOString()}`;
  if (state === "offline") return `${name} is offline: its last heartbeat was at ${worker.lastHeartbeatAt.toISOString()}`;
  return null;
}
