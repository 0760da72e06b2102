/**
 * A slot due less than this long ago is still being decided in the normal course (a run at max
 * instances waits half a second for a place): not yet worth a word on the dashboard.
 */
export const WAITING_AFTER_MS = 2_000;

/**
 * A job's nextRunAt stays on its slot until a worker decides it (runs, skips or records it missed):
 * past it by more than WAITING_AFTER_MS, the slot waits for a worker, or for a running run (max
 * instances). Without a clock (`now` null: server rendering) nothing is said.
 */
export function isWaitingSlot(nextRunAt: Date, now: number | null): boolean {
  return now !== null && nextRunAt.getTime() < now - WAITING_AFTER_MS;
}
