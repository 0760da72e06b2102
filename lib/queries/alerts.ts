import { queryOptions } from "@tanstack/react-query";
import type { AlertChannelDto, AlertDeliveryDto } from "../alerts/channel-dto";
import { fetchJson } from "./fetch-json";
import { LIVE_REFRESH_MS } from "./refresh";

/** Recent deliveries the settings page shows. */
export const RECENT_DELIVERIES = 50;

export const alertKeys = {
  all: ["alerts"] as const,
  channels: () => [...alertKeys.all, "channels"] as const,
  deliveries: () => [...alertKeys.all, "deliveries", RECENT_DELIVERIES] as const,
};

export const alertChannelsQuery = () =>
  queryOptions({
    queryKey: alertKeys.channels(),
    queryFn: async () => (await fetchJson<{ data: AlertChannelDto[] }>("/api/v1/alert-channels")).data,
    refetchInterval: LIVE_REFRESH_MS,
  });

export const alertDeliveriesQuery = () =>
  queryOptions({
    queryKey: alertKeys.deliveries(),
    queryFn: async () => (await fetchJson<{ data: AlertDeliveryDto[] }>(`/api/v1/alert-deliveries?limit=${RECENT_DELIVERIES}`)).data,
    refetchInterval: LIVE_REFRESH_MS,
  });
