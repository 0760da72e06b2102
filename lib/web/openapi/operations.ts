// Every HTTP operation Sundial serves, for the OpenAPI document and the API reference page. Query and
// body schemas are the very objects the route handlers parse with (imported from lib/validation), and
// the response schemas are checked against the DTO types (lib/validation/api-responses.ts).
// tests/unit/openapi/document.test.ts fails when a route under app/api has no entry here, or when an
// entry's permission differs from its route's: docs/api.md says how to add one.
import type { z } from "zod";
import type { Permission } from "../../auth/roles";
import { AlertChannelInput, AlertDeliveryQuery } from "../../alerts/channel-input";
import { OverviewQuery } from "../../overview/overview-range";
import {
  AlertChannelSchema,
  AlertDeliverySchema,
  AlertTestResultSchema,
  AuditCursorPageSchema,
  DeletedJobSchema,
  HealthReportSchema,
  ImportResultSchema,
  JobDtoSchema,
  JobExportSchema,
  JobHealthSchema,
  JobPageSchema,
  JobRunCountsSchema,
  MarkedLostSchema,
  OverviewSchema,
  ReadinessReportSchema,
  RunDetailSchema,
  RunDtoSchema,
  RunLogPageSchema,
  RunPageSchema,
  SchedulePreviewSchema,
  WorkerDtoSchema,
} from "../../validation/api-responses";
import { AuditEventQuery } from "../../validation/audit-queries";
import { JobRequest, PauseJobRequest, TriggerJobRequest } from "../../validation/job-actions";
import { JobImportBody, JobImportQuery } from "../../validation/job-export";
import { JobListQuery } from "../../validation/job-queries";
import { RunListQuery, RunLogQuery } from "../../validation/run-queries";
import { PreviewRequest } from "../../validation/schedule-preview";
import { alertChannelRequestSchema, jobRequestSchema, schemaRef, type JsonSchema } from "./json-schema";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export const TAGS = [
  { name: "Jobs", description: "Create, change, pause, run and delete jobs; export and import their definitions." },
  { name: "Runs", description: "The run ledger: one row per slot and per manual, API or retry run, with its log." },
  { name: "Workers", description: "The worker processes and their state." },
  { name: "Overview", description: "The dashboard's figures in one read." },
  { name: "Alerts", description: "Where alerts go (webhook, Slack, email) and what was sent." },
  { name: "Schedules", description: "Check a trigger and see when it fires before saving it." },
  { name: "Audit", description: "Who changed what." },
  { name: "System", description: "Probes, metrics and this document." },
] as const;
export type Tag = (typeof TAGS)[number]["name"];

/**
 * Who may call: a permission (session or API token whose role holds it), "public" (anyone), or
 * "metrics" (the metrics token when SUNDIAL_METRICS_TOKEN is set, else runs:read).
 */
export type Access = Permission | "public" | "metrics";

export type ResponseBody =
  /** JSON described by a schema of lib/web/openapi/components.ts, bare or as { data } / { data: [...] }. */
  | { schema: z.ZodType; envelope?: "data" | "data-list" }
  | { contentType: string; description: string };

export type Operation = {
  method: HttpMethod;
  /** As OpenAPI writes it: /api/v1/jobs/{id}. */
  path: string;
  operationId: string;
  tag: Tag;
  summary: string;
  description: string;
  access: Access;
  /** The route's query schema; leave out when it takes none. */
  query?: z.ZodType;
  /** The route's body schema. */
  body?: z.ZodType;
  /** When the route parses the body loosely and the service checks the rest: the schema to show instead of, or built on, the route's. */
  documentBody?: (generated: JsonSchema) => JsonSchema;
  /** The body may be left out (its fields all have defaults). */
  bodyOptional?: boolean;
  headers?: ("Idempotency-Key" | "If-Match")[];
  success: { status: number; description: string; body: ResponseBody; headers?: Record<string, string> };
  /** What a 409 means here, when one can happen. */
  conflict?: string;
  /** Other answers beside the errors every route may give (e.g. 503 from the readiness probe). */
  otherResponses?: { status: number; description: string; body?: ResponseBody }[];
  /** For the curl example: a body, and query parameters worth showing. */
  example?: { body?: unknown; query?: Record<string, string> };
};

const exampleJob = {
  name: "nightly-report",
  kind: "http",
  config: { method: "POST", url: "https://example.com/hooks/report", headers: [{ name: "Authorization", value: "Bearer abc", secret: true }] },
  trigger: { type: "cron", expression: "30 2 * * *", timezone: "Europe/Berlin" },
  tags: ["reports"],
  retry: { maxAttempts: 3 },
};

const exampleChannel = {
  name: "ops-webhook",
  type: "webhook",
  config: { url: "https://hooks.example.com/sundial", signingSecret: "s3cret" },
  events: ["failure", "lost", "recovery"],
  global: true,
};

const idempotencyConflict = "An Idempotency-Key reused with another body";

export const OPERATIONS: Operation[] = [
  {
    method: "get",
    path: "/api/v1/jobs",
    operationId: "listJobs",
    tag: "Jobs",
    summary: "List jobs",
    description: "Jobs with their schedule in plain words and their last run, filtered and sorted, a page at a time.",
    access: "jobs:read",
    query: JobListQuery,
    success: { status: 200, description: "A page of jobs", body: { schema: JobPageSchema } },
    example: { query: { status: "active", sort: "nextRunAt" } },
  },
  {
    method: "post",
    path: "/api/v1/jobs",
    operationId: "createJob",
    tag: "Jobs",
    summary: "Create a job",
    description:
      "Every problem with the job is reported at once, keyed by field path (trigger.expression, config.url). A schedule that never fires after now is refused. Secret header and variable values are sealed and never shown again.",
    access: "jobs:write",
    body: JobRequest,
    documentBody: () => jobRequestSchema(),
    headers: ["Idempotency-Key"],
    success: { status: 201, description: "The job as created", body: { schema: JobDtoSchema, envelope: "data" } },
    conflict: `A job with this name exists; or ${idempotencyConflict.toLowerCase()}`,
    example: { body: exampleJob },
  },
  {
    method: "get",
    path: "/api/v1/jobs/{id}",
    operationId: "getJob",
    tag: "Jobs",
    summary: "Get a job",
    description: "The job with its settings; secret values are masked. The ETag names its version, for If-Match on an update.",
    access: "jobs:read",
    success: { status: 200, description: "The job", body: { schema: JobDtoSchema, envelope: "data" }, headers: { ETag: 'The job\'s version, e.g. "3"' } },
  },
  {
    method: "put",
    path: "/api/v1/jobs/{id}",
    operationId: "updateJob",
    tag: "Jobs",
    summary: "Replace a job's settings",
    description:
      "The whole job, as for create, with the version it was read at (body `version` or If-Match). A new trigger restarts the schedule from now; an unchanged one keeps its place. Pause state is not changed here. A secret sent empty (or null) keeps its stored value.",
    access: "jobs:write",
    body: JobRequest,
    documentBody: () => {
      const request = jobRequestSchema();
      return { ...request, allOf: [...(request.allOf as JsonSchema[]), { type: "object", properties: { version: { type: "integer", minimum: 1, description: "The version you read; or send If-Match" } } }] };
    },
    headers: ["If-Match"],
    success: { status: 200, description: "The job as updated", body: { schema: JobDtoSchema, envelope: "data" }, headers: { ETag: "The job's new version" } },
    conflict: "The job changed since the version sent; details.current names the version, who changed it and when",
    example: { body: { ...exampleJob, version: 3 } },
  },
  {
    method: "delete",
    path: "/api/v1/jobs/{id}",
    operationId: "deleteJob",
    tag: "Jobs",
    summary: "Delete a job",
    description: "Deletes the job with its runs and their logs; the audit log keeps the job as it was.",
    access: "jobs:write",
    success: { status: 200, description: "What was deleted", body: { schema: DeletedJobSchema, envelope: "data" } },
  },
  {
    method: "post",
    path: "/api/v1/jobs/{id}/pause",
    operationId: "pauseJob",
    tag: "Jobs",
    summary: "Pause a job",
    description: "No new slots run while paused; how slots missed meanwhile are handled on resume follows the job's misfire policy. The note says why.",
    access: "jobs:write",
    body: PauseJobRequest,
    bodyOptional: true,
    success: { status: 200, description: "The paused job", body: { schema: JobDtoSchema, envelope: "data" } },
    example: { body: { note: "Upstream maintenance until 14:00" } },
  },
  {
    method: "post",
    path: "/api/v1/jobs/{id}/resume",
    operationId: "resumeJob",
    tag: "Jobs",
    summary: "Resume a job",
    description: "The schedule continues from now.",
    access: "jobs:write",
    success: { status: 200, description: "The resumed job", body: { schema: JobDtoSchema, envelope: "data" } },
  },
  {
    method: "post",
    path: "/api/v1/jobs/{id}/trigger",
    operationId: "triggerJob",
    tag: "Jobs",
    summary: "Run a job now",
    description: "Queues a run now, even for a paused job, with the job's payload or this one (checked against the task's schema for task jobs).",
    access: "jobs:write",
    body: TriggerJobRequest,
    bodyOptional: true,
    headers: ["Idempotency-Key"],
    success: { status: 201, description: "The queued run", body: { schema: RunDtoSchema, envelope: "data" } },
    conflict: idempotencyConflict,
    example: { body: { payload: { orderId: "8812" } } },
  },
  {
    method: "get",
    path: "/api/v1/jobs/{id}/health",
    operationId: "getJobHealth",
    tag: "Jobs",
    summary: "Check a job's running runs",
    description:
      "Read at one instant: the job's running runs against its max instances (whether its next slot will be skipped), who paused it, and its stuck runs. A run is stuck when it says running but is no longer being run: its worker stopped renewing the lease, or the worker is offline (no heartbeat within WORKER_OFFLINE_AFTER_SECONDS), shut down or gone. The reaper records such runs lost in time; an operator can mark one lost at once (POST /api/v1/runs/{id}/mark-lost).",
    access: "jobs:read",
    success: { status: 200, description: "The job's health", body: { schema: JobHealthSchema, envelope: "data" } },
  },
  {
    method: "get",
    path: "/api/v1/jobs/{id}/run-counts",
    operationId: "countJobRuns",
    tag: "Jobs",
    summary: "Count a job's runs",
    description: "How many runs and log lines deleting the job would delete with it (DELETE /api/v1/jobs/{id} counts the same way).",
    access: "runs:read",
    success: { status: 200, description: "The counts", body: { schema: JobRunCountsSchema, envelope: "data" } },
  },
  {
    method: "get",
    path: "/api/v1/jobs/export",
    operationId: "exportJobs",
    tag: "Jobs",
    summary: "Export job definitions",
    description:
      "Every job's definition as a file to keep in git: sorted by name, keys in a fixed order, no ids, versions, pause or run state. Secret values are not exported (they read null).",
    access: "jobs:read",
    success: { status: 200, description: "The export file (sent as an attachment)", body: { schema: JobExportSchema } },
  },
  {
    method: "post",
    path: "/api/v1/jobs/import",
    operationId: "importJobs",
    tag: "Jobs",
    summary: "Import job definitions",
    description:
      "Takes an export file. Jobs are matched by name: new names are created, changed jobs updated, and with mode=replace jobs the file doesn't name are deleted, all in one transaction. With dryRun=true only the plan is returned. A file with problems writes nothing: the 422 lists every problem, per job and field, in details.problems. A secret with no value keeps the stored one; a new job needs it filled in.",
    access: "jobs:write",
    query: JobImportQuery,
    body: JobImportBody,
    documentBody: () => ({
      type: "object",
      description: "An export file (GET /api/v1/jobs/export); each job as for creating one, a secret's value null to keep the stored one",
      properties: {
        sundial: { const: 1, description: "The file format's version" },
        exportedAt: { type: "string", format: "date-time" },
        secrets: { type: "string" },
        jobs: { type: "array", items: jobRequestSchema() },
      },
      required: ["sundial", "jobs"],
    }),
    success: { status: 200, description: "The plan, and whether it was applied", body: { schema: ImportResultSchema, envelope: "data" } },
    conflict: "A job changed between the check and the write; nothing was written",
    example: { query: { dryRun: "true", mode: "merge" }, body: { sundial: 1, jobs: [exampleJob] } },
  },
  {
    method: "get",
    path: "/api/v1/runs",
    operationId: "listRuns",
    tag: "Runs",
    summary: "List runs",
    description: "Newest first, filtered by status (comma-separated), job, source and time; pages by cursor.",
    access: "runs:read",
    query: RunListQuery,
    success: { status: 200, description: "A page of runs", body: { schema: RunPageSchema } },
    example: { query: { status: "failed,timed_out", limit: "20" } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}",
    operationId: "getRun",
    tag: "Runs",
    summary: "Get a run",
    description: "The run with its error stack and every attempt of the same request (its retry chain).",
    access: "runs:read",
    success: { status: 200, description: "The run", body: { schema: RunDetailSchema, envelope: "data" } },
  },
  {
    method: "get",
    path: "/api/v1/runs/{id}/logs",
    operationId: "listRunLogs",
    tag: "Runs",
    summary: "Read a run's log",
    description: "Lines after afterSeq, in order. Poll with nextAfterSeq until complete is true.",
    access: "runs:read",
    query: RunLogQuery,
    success: { status: 200, description: "Log lines", body: { schema: RunLogPageSchema } },
    example: { query: { afterSeq: "0" } },
  },
  {
    method: "post",
    path: "/api/v1/runs/{id}/cancel",
    operationId: "cancelRun",
    tag: "Runs",
    summary: "Cancel a run",
    description: "A queued run is canceled at once; a running one is asked to stop and its worker records it canceled.",
    access: "runs:write",
    success: { status: 200, description: "The run", body: { schema: RunDtoSchema, envelope: "data" } },
    conflict: "The run has already ended",
  },
  {
    method: "post",
    path: "/api/v1/runs/{id}/mark-lost",
    operationId: "markRunLost",
    tag: "Runs",
    summary: "Mark a stuck run lost",
    description:
      "For a run that says running but is no longer being run (stuck: its lease expired, or its worker is offline, shut down or gone; GET /api/v1/jobs/{id}/health lists them): it ends lost at once, as the reaper would record it, and the job's retry policy applies. Audited.",
    access: "runs:write",
    success: { status: 200, description: "The lost run, and the retry it queued", body: { schema: MarkedLostSchema, envelope: "data" } },
    conflict: "The run is not running; or its online worker still holds its lease (cancel it instead); or it ended while being marked",
  },
  {
    method: "get",
    path: "/api/v1/workers",
    operationId: "listWorkers",
    tag: "Workers",
    summary: "List workers",
    description: "Workers seen in the last 24 hours with their state (online, stopped, offline), capacity and running runs.",
    access: "workers:read",
    success: { status: 200, description: "The workers", body: { schema: WorkerDtoSchema, envelope: "data-list" } },
  },
  {
    method: "post",
    path: "/api/v1/schedules/preview",
    operationId: "previewSchedule",
    tag: "Schedules",
    summary: "Preview a schedule",
    description: "Checks a trigger as a job's would be checked and answers its description, the next fire times (UTC and local) and what DST does to it in the coming year.",
    access: "jobs:read",
    body: PreviewRequest,
    documentBody: (generated) => ({ ...generated, properties: { ...(generated.properties as object), trigger: schemaRef("Trigger") } }),
    success: { status: 200, description: "The preview", body: { schema: SchedulePreviewSchema, envelope: "data" } },
    example: { body: { trigger: { type: "cron", expression: "30 2 * * *", timezone: "America/New_York" }, count: 3 } },
  },
  {
    method: "get",
    path: "/api/v1/overview",
    operationId: "getOverview",
    tag: "Overview",
    summary: "Get the overview",
    description:
      "What the dashboard's first page shows, read at one instant: jobs active and paused, runs of the last 24 hours by status, workers online and offline, failing jobs and recent misfires (the newest 10 of each, with their totals), and runs per UTC hour (range=24h) or day (range=7d) by status. The caller also needs jobs:read and workers:read (every built-in role has them).",
    access: "runs:read",
    query: OverviewQuery,
    success: { status: 200, description: "The overview", body: { schema: OverviewSchema, envelope: "data" } },
    example: { query: { range: "7d" } },
  },
  {
    method: "get",
    path: "/api/v1/alert-channels",
    operationId: "listAlertChannels",
    tag: "Alerts",
    summary: "List alert channels",
    description: "By name. Secrets are never returned: a webhook or Slack channel shows only its URL's scheme and host, and whether a signing secret or SMTP password is set.",
    access: "alerts:manage",
    success: { status: 200, description: "The channels", body: { schema: AlertChannelSchema, envelope: "data-list" } },
  },
  {
    method: "post",
    path: "/api/v1/alert-channels",
    operationId: "createAlertChannel",
    tag: "Alerts",
    summary: "Create an alert channel",
    description:
      "A webhook (JSON POST, optionally signed), Slack incoming webhook or SMTP email channel. A global channel gets every job's alerts; another only those of jobs that list it in alertChannelIds. Secrets (the URL, the signing secret, the SMTP password) are write-only: sealed when stored, never returned.",
    access: "alerts:manage",
    body: AlertChannelInput,
    documentBody: alertChannelRequestSchema,
    success: { status: 201, description: "The channel as created, secrets masked", body: { schema: AlertChannelSchema, envelope: "data" } },
    conflict: "A channel with this name exists",
    example: { body: exampleChannel },
  },
  {
    method: "get",
    path: "/api/v1/alert-channels/{id}",
    operationId: "getAlertChannel",
    tag: "Alerts",
    summary: "Get an alert channel",
    description: "The channel with its secrets masked.",
    access: "alerts:manage",
    success: { status: 200, description: "The channel", body: { schema: AlertChannelSchema, envelope: "data" } },
  },
  {
    method: "put",
    path: "/api/v1/alert-channels/{id}",
    operationId: "updateAlertChannel",
    tag: "Alerts",
    summary: "Replace an alert channel's settings",
    description:
      "The whole channel, as for create. A secret sent empty (url, signingSecret, password) keeps its stored value while the type stays the same; a channel changed to another type needs its secrets sent.",
    access: "alerts:manage",
    body: AlertChannelInput,
    documentBody: alertChannelRequestSchema,
    success: { status: 200, description: "The channel as updated, secrets masked", body: { schema: AlertChannelSchema, envelope: "data" } },
    conflict: "Another channel has this name",
    example: { body: { ...exampleChannel, config: { url: "", signingSecret: "" }, events: ["failure", "misfire", "lost", "late", "recovery"] } },
  },
  {
    method: "delete",
    path: "/api/v1/alert-channels/{id}",
    operationId: "deleteAlertChannel",
    tag: "Alerts",
    summary: "Delete an alert channel",
    description: "Deletes the channel and takes it off the jobs that list it. Its delivery history stays, under the channel's name.",
    access: "alerts:manage",
    success: { status: 200, description: "The deleted channel, secrets masked", body: { schema: AlertChannelSchema, envelope: "data" } },
  },
  {
    method: "post",
    path: "/api/v1/alert-channels/{id}/test",
    operationId: "testAlertChannel",
    tag: "Alerts",
    summary: "Send a test alert",
    description:
      "Sends one test message to the channel now, once, without retries, even when the channel is disabled. The answer is 200 whether or not the channel accepted it: ok says which, error what the channel answered. The attempt is recorded among the deliveries (event test).",
    access: "alerts:manage",
    success: { status: 200, description: "The outcome of the send", body: { schema: AlertTestResultSchema, envelope: "data" } },
  },
  {
    method: "get",
    path: "/api/v1/alert-deliveries",
    operationId: "listAlertDeliveries",
    tag: "Alerts",
    summary: "List alert deliveries",
    description:
      "Alerts queued or sent, newest first, filtered by status, channel and job; at most limit (default 50). A failed send is retried with doubling waits, up to 4 attempts in all, then recorded failed with its error (at once when the channel was deleted or disabled meanwhile).",
    access: "alerts:manage",
    query: AlertDeliveryQuery,
    success: { status: 200, description: "The deliveries", body: { schema: AlertDeliverySchema, envelope: "data-list" } },
    example: { query: { status: "failed", limit: "20" } },
  },
  {
    method: "get",
    path: "/api/v1/audit-events",
    operationId: "listAuditEvents",
    tag: "Audit",
    summary: "List audit events",
    description: "Who changed what, newest first, filtered by actor, action, target and time; pages by cursor. Secret values never appear.",
    access: "audit:read",
    query: AuditEventQuery,
    success: { status: 200, description: "A page of events", body: { schema: AuditCursorPageSchema } },
    example: { query: { action: "job.update", from: "2026-12-01T00:00:00Z" } },
  },
  {
    method: "get",
    path: "/api/v1/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "System",
    summary: "This document",
    description: "The OpenAPI 3.1 description of the API, made from the schemas the routes validate with. For any signed-in caller or API token: only the probes answer anyone.",
    access: "jobs:read",
    success: { status: 200, description: "The OpenAPI document", body: { contentType: "application/json", description: "An OpenAPI 3.1 document" } },
  },
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    tag: "System",
    summary: "Liveness",
    description: "Always 200 while the server runs; the body says whether the database answers and when a worker last heartbeat.",
    access: "public",
    success: { status: 200, description: "The health report", body: { schema: HealthReportSchema } },
  },
  {
    method: "get",
    path: "/api/ready",
    operationId: "getReadiness",
    tag: "System",
    summary: "Readiness",
    description: "200 when the database answers, its migrations are applied and a worker is online; 503 otherwise, with the failing check.",
    access: "public",
    success: { status: 200, description: "Ready", body: { schema: ReadinessReportSchema } },
    otherResponses: [{ status: 503, description: "Not ready: see the checks", body: { schema: ReadinessReportSchema } }],
  },
  {
    method: "get",
    path: "/api/metrics",
    operationId: "getMetrics",
    tag: "System",
    summary: "Prometheus metrics",
    description: "Runs, lateness, workers and jobs in the Prometheus text format. With SUNDIAL_METRICS_TOKEN set, only that token opens it; otherwise any caller that may read runs.",
    access: "metrics",
    success: { status: 200, description: "Metrics", body: { contentType: "text/plain; version=0.0.4", description: "Prometheus exposition format" } },
  },
];
