// The API's response bodies as zod schemas, for the OpenAPI document (lib/web/openapi). The
// services build their DTOs as TypeScript types; the checks at the end of this file fail the type
// check when a DTO gains, loses or changes a field and its schema here doesn't follow.
import { z } from "zod";
import type { AuditCursorPage, AuditEventDto } from "../audit/read";
import type { HealthReport } from "../health";
import type { ReadinessReport } from "../health/readiness";
import type { DeletedJob } from "../jobs/delete-job";
import type { JobExport } from "../jobs/export-jobs";
import type { ImportResult } from "../jobs/import-jobs";
import type { JobDto } from "../jobs/job-dto";
import type { JobListItem, JobPage } from "../jobs/read";
import type { RunDto } from "../runs/run-dto";
import type { RunDetail, RunLogPage, RunPage } from "../runs/read";
import type { SchedulePreview } from "../schedule/preview";
import type { WorkerDto } from "../workers/read";
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
];
export const DTO_SCHEMAS_FIT: Checks = [true, true, true, true, true, true, true, true, true, true, true, true, true, true, true, true];
