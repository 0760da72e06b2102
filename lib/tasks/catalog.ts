// The built-in tasks a `task` job can name: for each, a one-line description and the zod schema of
// its payload. Pure (zod only), so the dashboard and the API check a payload with the schema the
// worker will use, without importing worker code; the handlers live in worker/tasks.
import { z } from "zod";

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day as YYYY-MM-DD that exists (no 2026-02-30). */
function isCalendarDay(day: string): boolean {
  if (!DAY_PATTERN.test(day)) return false;
  const parsed = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === day;
}

const whole = (field: string) => z.int({ error: `${field} must be a whole number` });

// Strict objects: a misspelt key ("keepDay") is an error, not a setting silently ignored. A task
// whose fields are all optional also accepts no payload at all (undefined, or null from a JSON column).
const NOT_AN_OBJECT = "the payload must be a JSON object";
const optionalPayload = <Shape extends z.ZodRawShape>(shape: Shape) =>
  z.preprocess((value) => value ?? {}, z.strictObject(shape, { error: NOT_AN_OBJECT }));

export const PruneRunsPayload = optionalPayload({
  /** Finished runs older than this many days are deleted (a job's own retentionDays wins). */
  keepDays: whole("keepDays").min(1, { error: "keepDays must be at least 1" }).optional(),
  /** Of each job, the newest this many finished runs are kept (a job's own retentionRuns wins). */
  keepRuns: whole("keepRuns").min(1, { error: "keepRuns must be at least 1" }).optional(),
});
export type PruneRunsPayload = z.infer<typeof PruneRunsPayload>;

export const DailyReportPayload = optionalPayload({
  /** The UTC day to report on; the day before the run's scheduled time when left out. */
  day: z
    .string({ error: "day must be a date as YYYY-MM-DD" })
    .refine(isCalendarDay, { error: (issue) => `day must be a date as YYYY-MM-DD, got "${String(issue.input)}"` })
    .optional(),
});
export type DailyReportPayload = z.infer<typeof DailyReportPayload>;

export const CancelUnpaidOrderPayload = z.strictObject(
  {
    orderId: z.string({ error: "orderId is required" }).trim().min(1, { error: "orderId is required" }),
    callbackUrl: z.url({ protocol: /^https?$/, error: "callbackUrl must be an http:// or https:// URL" }).optional(),
  },
  { error: (issue) => (issue.input === undefined || issue.input === null ? "a payload with orderId is required" : NOT_AN_OBJECT) },
);
export type CancelUnpaidOrderPayload = z.infer<typeof CancelUnpaidOrderPayload>;

export type TaskDefinition = { description: string; payload: z.ZodType };

export const TASK_CATALOG = {
  "sundial.prune-runs": {
    description: "Deletes finished runs (and their logs) past the retention limits: age in days and runs kept per job.",
    payload: PruneRunsPayload,
  },
  "sundial.daily-report": {
    description: "Counts a day's runs per status and lists the jobs that failed most (default: yesterday, UTC).",
    payload: DailyReportPayload,
  },
  "example.cancel-unpaid-order": {
    description: "Example one-off task: cancels an unpaid order and, given a callbackUrl, POSTs { orderId, action: \"cancel\" } to it.",
    payload: CancelUnpaidOrderPayload,
  },
} as const satisfies Record<string, TaskDefinition>;

export type TaskName = keyof typeof TASK_CATALOG;
export type TaskPayload<N extends TaskName> = z.output<(typeof TASK_CATALOG)[N]["payload"]>;

export const TASK_NAMES = Object.keys(TASK_CATALOG) as TaskName[];

export function isTaskName(name: string): name is TaskName {
  return Object.hasOwn(TASK_CATALOG, name);
}

/**
 * Field path → messages of a payload that failed its schema ("orderId" → ["orderId is required"];
 * "_" for the payload as a whole), as forms and the API's error body show them. An unknown key is
 * reported at its own path.
 */
export function payloadFieldErrors(error: z.ZodError): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const add = (path: string, message: string) => (errors[path || "_"] ??= []).push(message);
  for (const issue of error.issues) {
    const at = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") for (const key of issue.keys) add(at ? `${at}.${key}` : key, `unknown field "${key}"`);
    else add(at, issue.message);
  }
  return errors;
}

/**
 * The problems with a task job's payload, or null when it is valid or the task is not in the catalog
 * (a worker may offer tasks of its own; the worker checks those when it runs them).
 */
export function taskPayloadErrors(task: string, payload: unknown): Record<string, string[]> | null {
  if (!isTaskName(task)) return null;
  const parsed = TASK_CATALOG[task].payload.safeParse(payload);
  return parsed.success ? null : payloadFieldErrors(parsed.error);
}
