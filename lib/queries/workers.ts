import { queryOptions } from "@tanstack/react-query";
import type { WorkerDto } from "../workers/read";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

export const workerKeys = {
  all: ["workers"] as const,
  list: () => [...workerKeys.all, "list"] as const,
};

export const workersQuery = () =>
  queryOptions({
    queryKey: workerKeys.list(),
    queryFn: async () => (await fetchJson<{ data: WorkerDto[] }>("/api/v1/workers")).data,
    refetchInterval: LIVE_REFRESH_MS,
  });
