/** "850 ms", "12.4 s", "3 min 05 s", "2 h 04 min": a run's duration at a glance. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1_000);
  if (totalSeconds < 3_600) return `${Math.floor(totalSeconds / 60)} min ${String(totalSeconds % 60).padStart(2, "0")} s`;
  const totalMinutes = Math.floor(totalSeconds / 60);
  if (totalMinutes < 24 * 60) return `${Math.floor(totalMinutes / 60)} h ${String(totalMinutes % 60).padStart(2, "0")} min`;
  return `${Math.floor(totalMinutes / (24 * 60))} d ${Math.floor((totalMinutes % (24 * 60)) / 60)} h`;
}

/** How late a run started against its scheduled time; early starts (clock skew) read as on time. */
export function formatLateness(ms: number): string {
  return ms <= 0 ? "on time" : `${formatDuration(ms)} late`;
}
