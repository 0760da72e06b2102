// Whether a worker counts as online: it heartbeated recently and did not say goodbye. One rule,
// used by the dashboard, /api/health and (later) the reaper.
export const WORKER_STATES = ["online", "stopped", "offline"] as const;
export type WorkerState = (typeof WORKER_STATES)[number];

export function workerState(
  worker: { lastHeartbeatAt: Date; stoppedAt: Date | null },
  now: Date,
  offlineAfterSeconds: number,
): WorkerState {
  if (worker.stoppedAt) return "stopped";
  const ageMs = now.getTime() - worker.lastHeartbeatAt.getTime();
  return ageMs <= offlineAfterSeconds * 1000 ? "online" : "offline";
}
