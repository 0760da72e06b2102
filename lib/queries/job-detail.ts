import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { RunStatus } from "../db";
import type { JobDto } from "../jobs/job-dto";
import type { JobHealth } from "../jobs/job-health";
import type { JobRunCounts } from "../jobs/job-run-counts";
import type { RunPage } from "../runs/read";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

/** Runs shown per timeline page. */
export const TIMELINE_PAGE_SIZE = 25;

// Under "jobs" and "runs", so invalidating either after any mutation refreshes the job page too.
export const jobDetailKeys = {
  job: (id: string) => ["jobs", "detail", id] as const,
  health: (id: string) => ["jobs", "detail", id, "health"] as const,
  runs: (id: string) => ["runs", "job", id] as const,
  timeline: (id: string, status: RunStatus[]) => ["runs", "job", id, "timeline", { status }] as const,
  runCounts: (id: string) => ["runs", "job", id, "counts"] as const,
};

export const jobDetailQuery = (id: string) =>
  queryOptions({
    queryKey: jobDetailKeys.job(id),
    queryFn: async () => (await fetchJson<{ data: JobDto }>(`/api/v1/jobs/${encodeURIComponent(id)}`)).data,
    refetchInterval: LIVE_REFRESH_MS,
  });

export const jobHealthQuery = (id: string) =>
  queryOptions({
    queryKey: jobDetailKeys.health(id),
    queryFn: async () => (await fetchJson<{ data: JobHealth }>(`/api/v1/jobs/${encodeURIComponent(id)}/health`)).data,
    refetchInterval: LIVE_REFRESH_MS,
  });

/** Read when the delete dialog opens: the counts it states must be current, not polled. */
export const jobRunCountsQuery = (id: string) =>
  queryOptions({
    queryKey: jobDetailKeys.runCounts(id),
    queryFn: async () => (await fetchJson<{ data: JobRunCounts }>(`/api/v1/jobs/${encodeURIComponent(id)}/run-counts`)).data,
    staleTime: 0,
  });

/** The job's runs, newest slot first, a cursor page at a time; status empty means every status. */
export const jobTimelineQuery = (id: string, status: RunStatus[]) =>
  infiniteQueryOptions({
    queryKey: jobDetailKeys.timeline(id, status),
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ jobId: id, limit: String(TIMELINE_PAGE_SIZE) });
      if (status.length > 0) params.set("status", status.join(","));
      if (pageParam) params.set("cursor", pageParam);
      return fetchJson<RunPage>(`/api/v1/runs?${params}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: LIVE_REFRESH_MS,
  });
