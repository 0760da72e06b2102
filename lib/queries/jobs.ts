import { queryOptions } from "@tanstack/react-query";
import type { JobPage } from "../jobs/read";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

export const jobKeys = {
  all: ["jobs"] as const,
  list: (page: number) => [...jobKeys.all, "list", { page }] as const,
};

export const jobsQuery = (page: number) =>
  queryOptions({
    queryKey: jobKeys.list(page),
    queryFn: () => fetchJson<JobPage>(`/api/v1/jobs?page=${page}`),
    refetchInterval: LIVE_REFRESH_MS,
  });
