import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { OverviewRange } from "../overview/overview-range";
import type { Overview } from "../overview/read-overview";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

// Under "runs": every run mutation invalidates ["runs"], which refreshes the overview too.
export const overviewKeys = {
  all: ["runs", "overview"] as const,
  range: (range: OverviewRange) => [...overviewKeys.all, { range }] as const,
};

export const overviewQuery = (range: OverviewRange) =>
  queryOptions({
    queryKey: overviewKeys.range(range),
    queryFn: async () => (await fetchJson<{ data: Overview }>(`/api/v1/overview?range=${range}`)).data,
    refetchInterval: LIVE_REFRESH_MS,
    // Switching the chart's range keeps the cards on screen while the other range loads.
    placeholderData: keepPreviousData,
  });
