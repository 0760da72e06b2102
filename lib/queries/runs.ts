import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { RunSource, RunStatus } from "../db";
import type { RunDetail, RunLogPage, RunPage } from "../runs/read";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

/** The runs list's filters as they travel in a URL and a query key: instants as ISO strings. */
export type RunListFilters = {
  status?: RunStatus[];
  jobId?: string;
  source?: RunSource;
  from?: string;
  to?: string;
};

export const runKeys = {
  all: ["runs"] as const,
  lists: () => [...runKeys.all, "list"] as const,
  list: (filters: RunListFilters) => [...runKeys.lists(), filters] as const,
  running: () => [...runKeys.all, "running"] as const,
  detail: (id: string) => [...runKeys.all, "detail", id] as const,
  logs: (id: string) => [...runKeys.all, "logs", id] as const,
};

export const RUNS_PAGE_SIZE = 50;
/** Lines per log request; a page shorter than this means the tail has been reached for now. */
export const LOG_PAGE_SIZE = 500;
/** How often a running run's log is polled for new lines. */
export const LOG_POLL_MS = 1_000;

function runListSearch(filters: RunListFilters, cursor: string | null): string {
  const search = new URLSearchParams({ limit: String(RUNS_PAGE_SIZE) });
  if (filters.status && filters.status.length > 0) search.set("status", filters.status.join(","));
  if (filters.jobId) search.set("jobId", filters.jobId);
  if (filters.source) search.set("source", filters.source);
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  if (cursor) search.set("cursor", cursor);
  return search.toString();
}

export const runsQuery = (filters: RunListFilters) =>
  infiniteQueryOptions({
    queryKey: runKeys.list(filters),
    queryFn: ({ pageParam }) => fetchJson<RunPage>(`/api/v1/runs?${runListSearch(filters, pageParam)}`),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: LIVE_REFRESH_MS,
  });

/** Every running run (at most the workers' combined capacity): the workers page links each to its worker. */
export const runningRunsQuery = () =>
  queryOptions({
    queryKey: runKeys.running(),
    queryFn: async () => (await fetchJson<RunPage>("/api/v1/runs?status=running&limit=200")).items,
    refetchInterval: LIVE_REFRESH_MS,
  });

export const runQuery = (id: string) =>
  queryOptions({
    queryKey: runKeys.detail(id),
    queryFn: async () => (await fetchJson<{ data: RunDetail }>(`/api/v1/runs/${encodeURIComponent(id)}`)).data,
    refetchInterval: LIVE_REFRESH_MS,
  });

/**
 * A run's log as pages of lines after a sequence number. Lines never change once written, so pages
 * are never refetched (staleTime: Infinity); new lines arrive by fetching the next page, which the
 * log view does on a timer until a page says the log is complete.
 */
export const runLogsQuery = (id: string) =>
  infiniteQueryOptions({
    queryKey: runKeys.logs(id),
    queryFn: ({ pageParam }) => fetchJson<RunLogPage>(`/api/v1/runs/${encodeURIComponent(id)}/logs?afterSeq=${pageParam}&limit=${LOG_PAGE_SIZE}`),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.complete ? undefined : last.nextAfterSeq),
    staleTime: Infinity,
  });
