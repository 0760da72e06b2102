// The API's response bodies as zod schemas, for the OpenAPI document (lib/web/openapi). The
// services build their DTOs as TypeScript types; the checks at the end of this file fail the type
// check when a DTO gains, loses or changes a field and its schema here doesn't follow.
import { z } from "zod";
import type { AlertChannelDto, AlertDeliveryDto } from "../alerts/channel-dto";
import type { TestSendResult } from "../alerts/test-channel";
import type { AuditCursorPage, AuditEventDto } from "../audit/read";
import type { HealthReport } from "../health";
import type { ReadinessReport } from "../health/readiness";
import type { DeletedJob } from "../jobs/delete-job";
import type { JobExport } from "../jobs/export-jobs";
import type { ImportResult } from "../jobs/import-jobs";
import type { JobDto } from "../jobs/job-dto";
import type { JobHealth } from "../jobs/job-health";
import type { JobRunCounts } from "../jobs/job-run-counts";
import type { JobListItem, JobPage } from "../jobs/read";
import type { Overview } from "../overview/read-overview";
import type { MarkedLost } from "../runs/mark-run-lost";
import type { RunDto } from "../runs/run-dto";
import type { RunDetail, RunLogPage, RunPage } from "../runs/read";
import type { SchedulePreview } from "../schedule/preview";
import type { WorkerDto } from "../workers/read";
import { SMTP_SECURITY } from "../alerts/channel-input";
import { ALERT_CHANNEL_TYPES, ALERT_DELIVERY_STATUSES, ALERT_EVENTS } from "../alerts/events";
import { OVERVIEW_RANGES } from "../overview/overview-range";
import { COALESCE_POLICIES } from "../schedule/plan-slots";
import { HTTP_METHODS } from "./job-config";
import { IMPORT_MODES } from "./job-export";
import { RUN_SOURCES, RUN_STATUSES } from "./run-queries";
import { Trigger, TRIGGER_TYPES } from "./trigger";

const Iso = z.string().meta({ format: "date-time" });
const IsoOrNull = Iso.nullable();
const JOB_KIND_VALUES = ["http", "shell", "task"] as const;

export const ApiErrorBody = z
  .object({
    error: z.object({
      code: z.enum(["validation", "payload_too_large", "bad_request", "unauthorized", "forbidden", "not_found", "conflict", "internal"]),
      message: z.string(),
      details: z
        .object({
          fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: 'Field path ("trigger.expression") → messages' }),
          current: z.object({ version: z.int(), changedBy: z.string().nullable(), changedAt: Iso }).optional().meta({ description: "For a stale version: the job's current one" }),
        })
        .nullable(),
    }),
  })
  .meta({ description: "Every error the API answers has this shape." });

const MaskedEntry = z.union([
  z.object({ name: z.string(), value: z.string(), secret: z.literal(false) }),
  z.object({ name: z.string(), value: z.null(), secret: z.literal(true), set: z.boolean().meta({ description: "Whether the secret has a value; the value itself is never sent" }) }),
]);

const MaskedJobConfig = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("http"),
    config: z.object({ method: z.enum(HTTP_METHODS), url: z.string(), headers: z.array(MaskedEntry), body: z.string().optional(), acceptedStatuses: z.array(z.int()) }),
  }),
  z.object({
    kind: z.literal("shell"),
    config: z.object({ program: z.string(), args: z.array(z.string()), cwd: z.string().optional(), env: z.array(MaskedEntry) }),
  }),
  z.object({ kind: z.literal("task"), config: z.object({ task: z.string(), payload: z.unknown().optional() }) }),
]);

const JobDtoFields = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  trigger: Trigger,
  paused: z.boolean(),
  pausedAt: IsoOrNull,
  pauseNote: z.string().nullable(),
  nextRunAt: IsoOrNull.meta({ description: "Earliest slot not yet turned into runs; null once the schedule is exhausted" }),
  lastSlotAt: IsoOrNull,
  misfireGraceSeconds: z.int().nullable(),
  coalesce: z.enum(COALESCE_POLICIES),
  maxInstances: z.int(),
  timeoutSeconds: z.int().nullable(),
  retry: z.object({ maxAttempts: z.int(), backoffSeconds: z.int(), maxBackoffSeconds: z.int() }),
  jitterSeconds: z.int(),
  startGraceSeconds: z.int().nullable().meta({ description: "How late a slot may start before a late alert; null: no late alerts" }),
  alertChannelIds: z.array(z.string()).meta({ description: "Alert channels of this job, beside the global ones" }),
  retentionRuns: z.int().nullable().meta({ description: "Finished runs the pruning task keeps; null: the global setting" }),
  retentionDays: z.int().nullable().meta({ description: "Days finished runs are kept; null: the global setting" }),
  createdAt: Iso,
  updatedAt: Iso,
  version: z.int().meta({ description: "Send it back (body or If-Match) to update: a stale one is a 409" }),
  configProblem: z
    .string()
    .nullable()
    .meta({ description: "What is wrong with the stored config when it fails its kind's schema (a row edited by hand); config is then as stored, and runs fail until an update fixes it. null when it is valid." }),
});
export const JobDtoSchema = z.intersection(JobDtoFields, MaskedJobConfig).meta({ description: "A job; secret header and variable values are masked." });

const RecentRunSchema = z.object({ id: z.string(), status: z.enum(RUN_STATUSES), scheduledFor: Iso });

export const JobListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  kind: z.enum(JOB_KIND_VALUES),
  target: z.string(),
  triggerType: z.enum(TRIGGER_TYPES),
  schedule: z.string(),
  scheduleDescription: z.string(),
  timezone: z.string(),
  paused: z.boolean(),
  nextRunAt: IsoOrNull,
  tags: z.array(z.string()),
  lastRun: RecentRunSchema.nullable().meta({ description: "The newest run by scheduled time, whatever its status" }),
  recentRuns: z.array(RecentRunSchema).meta({ description: "The newest runs, newest first (at most 10)" }),
  createdAt: Iso,
  updatedAt: Iso,
});
export const JobPageSchema = z.object({ items: z.array(JobListItemSchema), total: z.int(), page: z.int(), pageSize: z.int() });

export const RunDtoSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  jobName: z.string(),
  slotAt: IsoOrNull,
  scheduledFor: Iso,
  source: z.enum(RUN_SOURCES),
  status: z.enum(RUN_STATUSES),
  reason: z.string().nullable(),
  attempt: z.int(),
  retryOfId: z.string().nullable(),
  workerId: z.string().nullable(),
  cancelRequestedAt: IsoOrNull,
  startedAt: IsoOrNull,
  finishedAt: IsoOrNull,
  durationMs: z.int().nullable(),
  latenessMs: z.int().nullable(),
  exitCode: z.int().nullable(),
  httpStatus: z.int().nullable(),
  errorMessage: z.string().nullable(),
  outputSummary: z.string().nullable(),
  payload: z.unknown().meta({ description: "This run's payload; null when the job's default is used" }),
  logLineCount: z.int(),
  logTruncated: z.boolean(),
  requestedById: z.string().nullable(),
  createdAt: Iso,
});
export const RunPageSchema = z.object({ items: z.array(RunDtoSchema), nextCursor: z.string().nullable() });
export const RunDetailSchema = RunDtoSchema.extend({ errorStack: z.string().nullable(), retryChain: z.array(RunDtoSchema) });
export const RunLogPageSchema = z.object({
  items: z.array(z.object({ seq: z.int(), at: Iso, stream: z.enum(["stdout", "stderr", "system"]), text: z.string() })),
  nextAfterSeq: z.int(),
  complete: z.boolean(),
  truncated: z.boolean(),
});

export const WorkerDtoSchema = z.object({
  id: z.string(),
  host: z.string(),
  pid: z.int(),
  version: z.string(),
  state: z.enum(["online", "stopped", "offline"]),
  startedAt: Iso,
  lastHeartbeatAt: Iso,
  stoppedAt: IsoOrNull,
  capacity: z.int(),
  tasks: z.array(z.string()),
  shellEnabled: z.boolean(),
  runningRuns: z.int(),
  alerts: z.enum(["evaluates", "delivers", "off"]).nullable().meta({
    description:
      "The worker's part in alerting while online: evaluates (turns finished runs and late slots into alerts; one worker at a time), delivers (only sends what is queued), off (SUNDIAL_ALERT_SWEEP_MS=0). Null when not online.",
  }),
});

export const AuditEventSchema = z.object({
  id: z.string(),
  at: Iso,
  actor: z.object({ type: z.string(), id: z.string().nullable(), label: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditCursorPageSchema = z.object({ items: z.array(AuditEventSchema), nextCursor: z.string().nullable() });

export const SchedulePreviewSchema = z.object({
  trigger: Trigger,
  description: z.string(),
  fireTimes: z.array(z.object({ at: Iso, local: z.string() })),
  dstNotes: z.array(z.object({ date: z.string(), kind: z.enum(["skipped", "shifted", "repeated", "once"]), message: z.string() })),
});

export const DeletedJobSchema = z.object({ id: z.string(), name: z.string(), runs: z.int(), logLines: z.int() });

export const JobExportSchema = z.object({
  sundial: z.literal(1),
  exportedAt: Iso,
  secrets: z.string(),
  jobs: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      tags: z.array(z.string()),
      kind: z.enum(JOB_KIND_VALUES),
      config: z.unknown().meta({ description: "As for creating a job; secret values are null" }),
      trigger: Trigger,
      misfireGraceSeconds: z.int().nullable(),
      coalesce: z.enum(COALESCE_POLICIES),
      maxInstances: z.int(),
      timeoutSeconds: z.int().nullable(),
      retry: z.object({ maxAttempts: z.int(), backoffSeconds: z.int(), maxBackoffSeconds: z.int() }),
      jitterSeconds: z.int(),
      startGraceSeconds: z.int().nullable(),
      retentionRuns: z.int().nullable(),
      retentionDays: z.int().nullable(),
    }),
  ),
});

const IMPORT_ACTION_VALUES = ["create", "update", "unchanged", "delete"] as const;
export const ImportResultSchema = z.object({
  mode: z.enum(IMPORT_MODES),
  dryRun: z.boolean(),
  applied: z.boolean(),
  plan: z.array(z.object({ name: z.string(), action: z.enum(IMPORT_ACTION_VALUES), changes: z.array(z.string()) })),
  counts: z.object({ create: z.int(), update: z.int(), unchanged: z.int(), delete: z.int() }),
});

const Failure = z.object({ ok: z.literal(false), error: z.string() });
export const HealthReportSchema = z.object({
  status: z.enum(["ok", "degraded"]),
  version: z.string(),
  database: z.object({ ok: z.boolean(), provider: z.enum(["sqlite", "postgresql"]), latencyMs: z.number(), error: z.string().optional() }),
  worker: z.object({ online: z.boolean(), lastHeartbeatAt: IsoOrNull, heartbeatAgeSeconds: z.number().nullable() }),
});
export const ReadinessReportSchema = z.object({
  ready: z.boolean(),
  checks: z.object({
    database: z.union([
      z.object({ ok: z.literal(true), provider: z.enum(["sqlite", "postgresql"]), latencyMs: z.number() }),
      Failure.extend({ provider: z.enum(["sqlite", "postgresql"]).nullable(), latencyMs: z.number() }),
    ]),
    migrations: z.union([z.object({ ok: z.boolean(), shipped: z.int(), applied: z.int(), pending: z.array(z.string()), failed: z.array(z.string()) }), Failure]),
    worker: z.union([z.object({ ok: z.boolean(), online: z.int(), lastHeartbeatAt: IsoOrNull, heartbeatAgeSeconds: z.number().nullable() }), Failure]),
  }),
});

export const MarkedLostSchema = z.object({
  run: RunDtoSchema,
  retryId: z.string().nullable().meta({ description: "The next attempt the job's retry policy queued; null when none was" }),
});

const StuckRunSchema = z.object({
  id: z.string(),
  startedAt: IsoOrNull,
  workerId: z.string().nullable(),
  leaseExpiresAt: IsoOrNull.meta({ description: "Until when its worker holds the run; a worker renews it while the run goes on" }),
  reason: z.string().meta({ description: 'Why it counts as stuck, e.g. "worker w-1 is offline: its last heartbeat was at …"' }),
  cancelRequestedAt: IsoOrNull,
});
export const JobHealthSchema = z.object({
  checkedAt: Iso,
  runningRuns: z.int(),
  maxInstances: z.int(),
  nextSlotWillSkip: z.boolean().meta({ description: "The next slot will be recorded skipped if the running runs still run when it comes due (max instances reached)" }),
  nextRunAt: IsoOrNull,
  stuckRuns: z
    .array(StuckRunSchema)
    .meta({ description: "Runs that say running but are no longer being run: the lease expired, or the worker is offline, stopped or gone. Each may be marked lost (POST /api/v1/runs/{id}/mark-lost)." }),
  pausedBy: z.string().nullable().meta({ description: "Who paused the job (an email or an API token's name), while it is paused and that is known" }),
});

export const JobRunCountsSchema = z.object({
  runs: z.int().meta({ description: "Runs of the job, any status" }),
  logLines: z.int().meta({ description: "Log lines of those runs" }),
});

const RunCountsSchema = z.record(z.enum(RUN_STATUSES), z.int());
const AttentionListSchema = z.object({
  items: z.array(
    z.object({
      runId: z.string(),
      jobId: z.string(),
      jobName: z.string(),
      jobPaused: z.boolean(),
      status: z.enum(RUN_STATUSES),
      scheduledFor: Iso,
      at: Iso.meta({ description: "When it ended; the slot for a run that never started" }),
      message: z.string().nullable().meta({ description: 'The error ("HTTP 500; accepted: 200-299") or the recorded reason ("worker lost")' }),
    }),
  ),
  total: z.int().meta({ description: "All of them; items holds the newest 10" }),
});
export const OverviewSchema = z.object({
  now: Iso.meta({ description: "The instant the figures were read at" }),
  jobs: z.object({ active: z.int(), paused: z.int() }),
  runs24h: RunCountsSchema.meta({ description: "Runs scheduled in the last 24 hours, by status" }),
  workers: z.object({ online: z.int(), offline: z.int() }).meta({ description: "Workers seen in the last 24 hours that are not stopped; online ones heartbeat within WORKER_OFFLINE_AFTER_SECONDS" }),
  failing: AttentionListSchema.meta({ description: "Jobs whose latest outcome (skipped, missed and canceled runs don't count) failed, timed out or was lost, each with that run, newest first" }),
  misfires: AttentionListSchema.meta({ description: "Missed runs scheduled in the last 24 hours" }),
  chart: z.object({
    range: z.enum(OVERVIEW_RANGES),
    buckets: z.array(
      z.object({
        start: Iso,
        end: Iso,
        counts: z.partialRecord(z.enum(RUN_STATUSES), z.int()).meta({ description: "Runs scheduled in [start, end) (up to now for the current bucket), by status; a status left out is 0" }),
      }),
    ).meta({ description: "Whole UTC hours (24h) or days (7d), oldest first; the last is the current one" }),
  }),
});

const MaskedChannelConfigSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("webhook"),
    config: z.object({
      target: z.string().meta({ description: "Scheme and host of the URL (with /… when it has a path): the URL itself is a secret" }),
      signingSecretSet: z.boolean().meta({ description: "Whether requests are signed (X-Sundial-Signature); the secret is never sent" }),
    }),
  }),
  z.object({
    type: z.literal("slack"),
    config: z.object({ target: z.string().meta({ description: "Scheme and host of the incoming-webhook URL: the URL itself is a secret" }) }),
  }),
  z.object({
    type: z.literal("email"),
    config: z.object({
      host: z.string(),
      port: z.int(),
      security: z.enum(SMTP_SECURITY),
      username: z.string(),
      from: z.string(),
      to: z.array(z.string()),
      passwordSet: z.boolean().meta({ description: "Whether an SMTP password is stored; the password is never sent" }),
    }),
  }),
]);
export const AlertChannelSchema = z
  .intersection(
    z.object({
      id: z.string(),
      name: z.string(),
      enabled: z.boolean(),
      global: z.boolean().meta({ description: "A global channel gets every job's alerts; another only those of jobs that list it in alertChannelIds" }),
      events: z.array(z.enum(ALERT_EVENTS)).meta({ description: "The events it is sent" }),
      createdAt: Iso,
      updatedAt: Iso,
    }),
    MaskedChannelConfigSchema,
  )
  .meta({ description: "An alert channel. Its secrets (webhook and Slack URLs, the signing secret, the SMTP password) are write-only: sealed when stored and never returned." });

export const AlertDeliverySchema = z.object({
  id: z.string(),
  channelId: z.string().nullable().meta({ description: "null once the channel is deleted; channelName keeps its name" }),
  channelName: z.string(),
  channelType: z.enum(ALERT_CHANNEL_TYPES),
  jobId: z.string().nullable(),
  jobName: z.string().nullable(),
  runId: z.string().nullable(),
  event: z.enum([...ALERT_EVENTS, "test"]).meta({ description: "test: sent by POST /api/v1/alert-channels/{id}/test" }),
  reason: z.string().nullable(),
  occurredAt: Iso.meta({ description: "When the event happened" }),
  status: z.enum(ALERT_DELIVERY_STATUSES).meta({ description: "pending: waiting for its first or next attempt (nextAttemptAt), or for an earlier alert of the same job to the same channel to be sent or given up; sending: being sent; sent; failed: given up, see lastError" }),
  attempts: z.int(),
  nextAttemptAt: Iso,
  lastError: z.string().nullable(),
  sentAt: IsoOrNull,
  createdAt: Iso,
});

export const AlertTestResultSchema = z.object({
  ok: z.boolean().meta({ description: "Whether the channel accepted the message" }),
  error: z.string().nullable().meta({ description: "What the channel answered when it did not (an HTTP status, an SMTP error), else null" }),
  delivery: AlertDeliverySchema.meta({ description: "The attempt, recorded beside the real deliveries with event test" }),
});

/** `{ data: T }`, the envelope of single-object responses. */
export const dataOf = <T extends z.ZodType>(schema: T) => z.object({ data: schema });

// Drift guards: each DTO must fit its schema, with the same fields. (`unknown` in a schema accepts
// any JSON the DTO holds there.)
type Fits<Dto, Schema extends z.ZodType> = [Dto] extends [z.output<Schema>] ? ([keyof Dto] extends [keyof z.output<Schema>] ? ([keyof z.output<Schema>] extends [keyof Dto] ? true : false) : false) : false;
type Checks = [
  Fits<JobDto, typeof JobDtoSchema>,
  Fits<JobListItem, typeof JobListItemSchema>,
  Fits<JobPage, typeof JobPageSchema>,
  Fits<RunDto, typeof RunDtoSchema>,
  Fits<RunPage, typeof RunPageSchema>,
  Fits<RunDetail, typeof RunDetailSchema>,
  Fits<RunLogPage, typeof RunLogPageSchema>,
  Fits<WorkerDto, typeof WorkerDtoSchema>,
  Fits<AuditEventDto, typeof AuditEventSchema>,
  Fits<AuditCursorPage, typeof AuditCursorPageSchema>,
  Fits<SchedulePreview, typeof SchedulePreviewSchema>,
  Fits<DeletedJob, typeof DeletedJobSchema>,
  Fits<JobExport, typeof JobExportSchema>,
  Fits<ImportResult, typeof ImportResultSchema>,
  Fits<HealthReport, typeof HealthReportSchema>,
  Fits<ReadinessReport, typeof ReadinessReportSchema>,
  Fits<MarkedLost, typeof MarkedLostSchema>,
  Fits<JobHealth, typeof JobHealthSchema>,
  Fits<JobRunCounts, typeof JobRunCountsSchema>,
  Fits<Overview, typeof OverviewSchema>,
  Fits<AlertChannelDto, typeof AlertChannelSchema>,
  Fits<AlertDeliveryDto, typeof AlertDeliverySchema>,
  Fits<TestSendResult, typeof AlertTestResultSchema>,
];
export const DTO_SCHEMAS_FIT: Checks = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
