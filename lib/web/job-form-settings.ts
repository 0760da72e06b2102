// What the job form needs from the server beside the job, the same for a new job and an edit: the
// zones to pick from, the server's defaults, the channels the caller may choose, and the online
// workers (their tasks fill the task picker; prefetched so the first paint has them).
import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { listAlertChannelOptions, type AlertChannelOption } from "../alerts/read";
import { can } from "../auth/roles";
import type { Db } from "../db";
import { env } from "../env";
import { workerKeys } from "../queries/workers";
import { listWorkers } from "../workers/read";
import type { SessionCaller } from "./session";

export type JobFormSettings = {
  timeZones: string[];
  defaultTimezone: string;
  shellAllowed: boolean;
  alertChannels: AlertChannelOption[] | null;
};

export async function jobFormSettings(db: Db, caller: SessionCaller, queryClient: QueryClient): Promise<JobFormSettings> {
  const config = env();
  const [workers, alertChannels] = await Promise.all([
    listWorkers(db, new Date(), config.WORKER_OFFLINE_AFTER_SECONDS),
    // Only admins may read the channel list: others see how many channels the job has, not which.
    can(caller.role, "alerts:manage") ? listAlertChannelOptions(db) : null,
  ]);
  queryClient.setQueryData(workerKeys.list(), workers);
  return { timeZones: Intl.supportedValuesOf("timeZone"), defaultTimezone: config.SUNDIAL_TIMEZONE, shellAllowed: config.SUNDIAL_ALLOW_SHELL, alertChannels };
}
