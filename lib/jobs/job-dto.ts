// A job as the API sends it and React Query caches it: instants as ISO strings, the trigger as one
// object (rebuilt from its columns), the retry policy grouped.
import type { CoalescePolicy, JobKind, TriggerType } from "../db";
import { maskJobConfigSecrets, type MaskedJobConfig } from "../secrets/job-config-secrets";
import { readJobConfig, type JobConfig } from "../validation/job-config";
import type { Trigger } from "../validation/trigger";
import { triggerFromColumns } from "./trigger-columns";

type JobDtoFields = {
  id: string;
  name: string;
  description: string;
  /** Sorted. */
  tags: string[];
  trigger: Trigger;
  paused: boolean;
  pausedAt: string | null;
  pauseNote: string | null;
  /** Earliest slot not yet turned into runs; null once the schedule is exhausted. */
  nextRunAt: string | null;
  /** The last slot the scheduler handled (ran, missed or skipped). */
  lastSlotAt: string | null;
  /** How late a slot may start and still run; null means no limit. */
  misfireGraceSeconds: number | null;
  coalesce: CoalescePolicy;
  maxInstances: number;
  timeoutSeconds: number | null;
  retry: { maxAttempts: number; backoffSeconds: number; maxBackoffSeconds: number };
  jitterSeconds: number;
  /** A slot not started this long after it came due raises a `late` alert; null: never. */
  startGraceSeconds: number | null;
  /** Alert channels for this job besides the global ones. */
  alertChannelIds: string[];
  /** Per-job retention; null falls back to the global setting. */
  retentionRuns: number | null;
  retentionDays: number | null;
  createdAt: string;
  updatedAt: string;
  /** Name it when updating: a write that names an older version is refused as a conflict. */
  version: number;
  /**
   * What is wrong with the stored config when it does not pass its kind's schema (a row edited by
   * hand, or written by another version); `config` is then as stored. Its runs fail until it is fixed.
   */
  configProblem: string | null;
};

/**
 * A job. `kind` and `config` come as a pair (narrow on `kind`). Values of headers and environment
 * variables marked `secret` are masked (`value: null, set: true`): the API, the dashboard and the
 * audit log all get this DTO, and none of them may show a secret.
 */
export type JobDto = JobDtoFields & MaskedJobConfig;

/** The Job columns toJobDto reads, with the job's tags. */
export type JobRowWithTags = {
  id: string;
  name: string;
  description: string;
  kind: JobKind;
  config: unknown;
  triggerType: TriggerType;
  trigger: unknown;
  timezone: string;
  startAt: Date | null;
  endAt: Date | null;
  jitterSeconds: number;
  nextRunAt: Date | null;
  lastSlotAt: Date | null;
  paused: boolean;
  pausedAt: Date | null;
  pauseNote: string | null;
  misfireGraceSeconds: number | null;
  coalesce: CoalescePolicy;
  maxInstances: number;
  timeoutSeconds: number | null;
  retryMaxAttempts: number;
  retryBackoffSeconds: number;
  retryBackoffMaxSeconds: number;
  startGraceSeconds: number | null;
  alertChannelIds: unknown;
  retentionRuns: number | null;
  retentionDays: number | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  tags: { tag: string }[];
};

const isoOrNull = (at: Date | null): string | null => at?.toISOString() ?? null;

export function toJobDto(row: JobRowWithTags): JobDto {
  // Every write checks the config against its kind's schema; reading it through the schema again
  // fills in defaults of fields added since, and a row that fails it still shows (with its problem).
  const read = readJobConfig(row.kind, row.config);
  const kindAndConfig = { kind: row.kind, config: read.ok ? read.config : row.config } as JobConfig;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    tags: row.tags.map((t) => t.tag).sort(),
    ...maskJobConfigSecrets(kindAndConfig),
    trigger: triggerFromColumns(row),
    paused: row.paused,
    pausedAt: isoOrNull(row.pausedAt),
    pauseNote: row.pauseNote,
    nextRunAt: isoOrNull(row.nextRunAt),
    lastSlotAt: isoOrNull(row.lastSlotAt),
    misfireGraceSeconds: row.misfireGraceSeconds,
    coalesce: row.coalesce,
    maxInstances: row.maxInstances,
    timeoutSeconds: row.timeoutSeconds,
    retry: { maxAttempts: row.retryMaxAttempts, backoffSeconds: row.retryBackoffSeconds, maxBackoffSeconds: row.retryBackoffMaxSeconds },
    jitterSeconds: row.jitterSeconds,
    startGraceSeconds: row.startGraceSeconds,
    alertChannelIds: Array.isArray(row.alertChannelIds) ? (row.alertChannelIds as string[]) : [],
    retentionRuns: row.retentionRuns,
    retentionDays: row.retentionDays,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    configProblem: read.ok ? null : read.problem,
  };
}
