import { queryOptions } from "@tanstack/react-query";
import type { JobPage } from "../jobs/read";
import { jobListSearch, normalizeJobListView, type JobListView } from "../validation/job-queries";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  /** One page of the list as a view (filters, sort, page) names it; defaults are left out of the key. */
  list: (view: JobListView) => [...jobKeys.lists(), normalizeJobListView(view)] as const,
};

export const jobsQuery = (view: JobListView) =>
  queryOptions({
    queryKey: jobKeys.list(view),
    queryFn: () => fetchJson<JobPage>(`/api/v1/jobs${jobListSearch(view)}`),
    refetchInterval: LIVE_REFRESH_MS,
  });
