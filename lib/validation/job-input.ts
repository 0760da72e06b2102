// What the API, the job form and the tests send to create a job. The trigger is only required here:
// createJob checks it with lib/schedule's parseTrigger, so its messages are the scheduling library's.
import { z } from "zod";
import { COALESCE_POLICIES } from "../schedule";
import { JobConfig } from "./job-config";

export const JOB_KINDS = JobConfig.options.map((option) => option.shape.kind.value);

export const MAX_TAGS = 20;
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._ ()-]*$/;
const TAG_PATTERN = /^[a-z0-9][a-z0-9._:/-]*$/;
const DAY_SECONDS = 86_400;
/** Grace beyond a year is "no limit" in practice; null says so explicitly (and keeps the value in a 32-bit column). */
const MAX_MISFIRE_GRACE_SECONDS = 366 * DAY_SECONDS;

const whole = (field: string) => z.int({ error: `${field} must be a whole number` });

export const JobName = z
  .string({ error: "name is required" })
  .trim()
  .min(1, { error: "name is required", abort: true })
  .max(200, { error: "name must be at most 200 characters" })
  .regex(NAME_PATTERN, { error: "name must start with a letter or digit and contain only letters, digits, spaces, dots, dashes, underscores and parentheses" });

/** Tags are compared in lower case, so "Billing" and "billing" are one tag. */
export const JobTags = z
  .array(
    z
      .string({ error: "a tag must be text" })
      .trim()
      .toLowerCase()
      .min(1, { error: "a tag cannot be empty", abort: true })
      .max(50, { error: "a tag must be at most 50 characters" })
      .regex(TAG_PATTERN, { error: "a tag must start with a letter or digit and contain only letters, digits and . _ - : /" }),
    { error: "tags must be a list of strings" },
  )
  .max(MAX_TAGS, { error: `at most ${MAX_TAGS} tags` })
  .superRefine((tags, ctx) => {
    tags.forEach((tag, index) => {
      if (tags.indexOf(tag) !== index) ctx.addIssue({ code: "custom", path: [index], message: `"${tag}" is listed twice` });
    });
  });

export const RetryPolicy = z
  .object({
    /** Attempts in all, the first run included: 1 means no retry. */
    maxAttempts: whole("maxAttempts").min(1, { error: "maxAttempts must be at least 1" }).max(20, { error: "maxAttempts must be at most 20" }).default(1),
    backoffSeconds: whole("backoffSeconds")
      .min(1, { error: "backoffSeconds must be at least 1" })
      .max(DAY_SECONDS, { error: `backoffSeconds must be at most ${DAY_SECONDS} (1 day)` })
      .default(30),
    maxBackoffSeconds: whole("maxBackoffSeconds")
      .min(1, { error: "maxBackoffSeconds must be at least 1" })
      .max(DAY_SECONDS, { error: `maxBackoffSeconds must be at most ${DAY_SECONDS} (1 day)` })
      .default(3600),
  })
  .refine((retry) => retry.maxBackoffSeconds >= retry.backoffSeconds, {
    path: ["maxBackoffSeconds"],
    error: (issue) => {
      const retry = issue.input as { backoffSeconds: number; maxBackoffSeconds: number };
      return `maxBackoffSeconds (${retry.maxBackoffSeconds}) must be at least backoffSeconds (${retry.backoffSeconds})`;
    },
  });
export type RetryPolicy = z.infer<typeof RetryPolicy>;

const JobFields = z.object({
  name: JobName,
  description: z.string({ error: "description must be text" }).trim().max(2000, { error: "description must be at most 2000 characters" }).default(""),
  tags: JobTags.default([]),
  /** Checked by createJob with lib/schedule's parseTrigger (after the default timezone is filled in). */
  trigger: z.unknown().refine((trigger) => trigger !== undefined && trigger !== null, { error: "trigger is required" }),
  /** How late a slot may start and still run; null means no limit. */
  misfireGraceSeconds: whole("misfireGraceSeconds")
    .min(1, { error: "misfireGraceSeconds must be at least 1 (or null for no limit)" })
    .max(MAX_MISFIRE_GRACE_SECONDS, { error: `misfireGraceSeconds must be at most ${MAX_MISFIRE_GRACE_SECONDS} (366 days; null for no limit)` })
    .nullable()
    .default(60),
  coalesce: z.enum(COALESCE_POLICIES, { error: `coalesce must be one of ${COALESCE_POLICIES.join(", ")}` }).default("latest"),
  maxInstances: whole("maxInstances").min(1, { error: "maxInstances must be at least 1" }).max(100, { error: "maxInstances must be at most 100" }).default(1),
  timeoutSeconds: whole("timeoutSeconds")
    .min(1, { error: "timeoutSeconds must be at least 1 (or null for no timeout)" })
    .max(DAY_SECONDS, { error: `timeoutSeconds must be at most ${DAY_SECONDS} (1 day)` })
    .nullable()
    .default(null),
  // prefault, not default: an omitted retry is parsed as {} so its fields get their own defaults.
  retry: RetryPolicy.prefault({}),
  jitterSeconds: whole("jitterSeconds").min(0, { error: "jitterSeconds cannot be negative" }).max(3600, { error: "jitterSeconds must be at most 3600" }).default(0),
  paused: z.boolean({ error: "paused must be true or false" }).default(false),
  /** The dead-man's switch: a slot not started this long after it came due raises a `late` alert; null turns it off. */
  startGraceSeconds: whole("startGraceSeconds")
    .min(10, { error: "startGraceSeconds must be at least 10 (or null to turn late alerts off)" })
    .max(DAY_SECONDS, { error: `startGraceSeconds must be at most ${DAY_SECONDS} (1 day)` })
    .nullable()
    .default(60),
  /** Alert channels for this job besides the global ones (ids from /api/v1/alert-channels). */
  alertChannelIds: z
    .array(z.string({ error: "each alert channel id must be text" }).min(1, { error: "an alert channel id cannot be empty" }), { error: "alertChannelIds must be a list of channel ids" })
    .max(20, { error: "at most 20 alert channels" })
    .transform((ids) => [...new Set(ids)])
    .default([]),
  /** Keep at most this many finished runs of the job; null uses the global setting (SUNDIAL_RETENTION_RUNS). */
  retentionRuns: whole("retentionRuns")
    .min(1, { error: "retentionRuns must be at least 1 (or null for the global setting)" })
    .max(10_000_000, { error: "retentionRuns must be at most 10000000" })
    .nullable()
    .default(null),
  /** Delete the job's finished runs older than this many days; null uses the global setting (SUNDIAL_RETENTION_DAYS). */
  retentionDays: whole("retentionDays")
    .min(1, { error: "retentionDays must be at least 1 (or null for the global setting)" })
    .max(36_500, { error: "retentionDays must be at most 36500" })
    .nullable()
    .default(null),
});

// The kind is checked on its own first, so an unknown kind gets one plain message and the job's other
// fields are still checked beside it (a discriminated union would stop at the kind).
const JobKindAndConfig = z
  .object({
    kind: z
      .string({ error: "kind is required" })
      .refine((kind) => (JOB_KINDS as string[]).includes(kind), { error: `kind must be one of ${JOB_KINDS.join(", ")}` }),
    config: z.unknown().optional(),
  })
  .pipe(JobConfig);

export const JobInput = z.intersection(JobFields, JobKindAndConfig);
export type JobInput = z.infer<typeof JobInput>;
/** The shape a client sends: every field with a default may be left out. */
export type JobInputRequest = z.input<typeof JobInput>;
