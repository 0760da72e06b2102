"use client";

import { useNow } from "@/components/time/use-now";

/**
 * A worker claims a scheduled run up to WORKER_LEAD_MS before its time; the run is then `running`,
 * with the instant it will start as its startedAt, and waits for that instant. Until then the
 * dashboard says so rather than show it started in the future.
 */
export function useWaitsForItsTime(run: { status: string; startedAt: string | null }): boolean {
  const now = useNow();
  return run.status === "running" && run.startedAt !== null && now !== null && Date.parse(run.startedAt) > now;
}
