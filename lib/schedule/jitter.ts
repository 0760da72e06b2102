// Jitter spreads the starts of jobs that share a slot (every job at 00:00) over a few seconds, so
// they don't all hit the same downstream service at once. The delay is derived from the job and the
// slot, not drawn at random: every worker, and every retry of the enqueue, computes the same start.

/** FNV-1a, 32 bits: cheap and well spread for short keys. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** When a slot's run should start: the slot plus a delay in [0, jitterSeconds) fixed by (job, slot). */
export function jitteredStart(jobId: string, slotAt: Date, jitterSeconds: number): Date {
  if (jitterSeconds <= 0) return slotAt;
  const delayMs = hash32(`${jobId}:${slotAt.getTime()}`) % (jitterSeconds * 1000);
  return new Date(slotAt.getTime() + delayMs);
}
