// An alert channel as the API sends it and the settings page caches it: secrets masked.
import type { AlertChannelTypeName, AlertEventName } from "./events";
import { maskChannelConfig, type MaskedChannelConfig } from "./channel-config";

export type AlertChannelDto = {
  id: string;
  name: string;
  enabled: boolean;
  global: boolean;
  events: Exclude<AlertEventName, "test">[];
  createdAt: string;
  updatedAt: string;
} & MaskedChannelConfig;

export type AlertChannelRow = {
  id: string;
  name: string;
  type: string;
  config: unknown;
  events: unknown;
  enabled: boolean;
  global: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export function toAlertChannelDto(row: AlertChannelRow): AlertChannelDto {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    global: row.global,
    events: (Array.isArray(row.events) ? row.events : []) as AlertChannelDto["events"],
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...maskChannelConfig(row.type as AlertChannelTypeName, row.config),
  };
}

export type AlertDeliveryDto = {
  id: string;
  channelId: string | null;
  channelName: string;
  channelType: AlertChannelTypeName;
  jobId: string | null;
  jobName: string | null;
  runId: string | null;
  event: AlertEventName;
  reason: string | null;
  occurredAt: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
};

export type AlertDeliveryRow = {
  id: string;
  channelId: string | null;
  channelName: string;
  channelType: string;
  jobId: string | null;
  jobName: string | null;
  runId: string | null;
  event: string;
  reason: string | null;
  occurredAt: Date;
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
};

export function toAlertDeliveryDto(row: AlertDeliveryRow): AlertDeliveryDto {
  return {
    id: row.id,
    channelId: row.channelId,
    channelName: row.channelName,
    channelType: row.channelType as AlertChannelTypeName,
    jobId: row.jobId,
    jobName: row.jobName,
    runId: row.runId,
    event: row.event as AlertEventName,
    reason: row.reason,
    occurredAt: row.occurredAt.toISOString(),
    status: row.status as AlertDeliveryDto["status"],
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt.toISOString(),
    lastError: row.lastError,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
