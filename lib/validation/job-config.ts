// The kind-specific settings stored in Job.config, one schema per kind. Every write of a job goes
// through these; reads parse too, so a row edited by hand shows as invalid instead of crashing a page.
import { z } from "zod";
import { templateErrors, urlTemplateErrors } from "../jobs/http-template";
import { describeFieldErrors, fieldErrorsOf } from "./field-errors";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;

/** Reports each problem of a run-context template (see lib/jobs/http-template.ts) on its field. */
function templated(errorsOf: (template: string) => string[]) {
  return (template: string, ctx: z.RefinementCtx) => {
    for (const message of errorsOf(template)) ctx.addIssue({ code: "custom", message });
  };
}

/**
 * A header's or variable's value. null reads as "", so a job as the API shows it (a secret's value is
 * null there) can be sent back as it is: an empty secret keeps its stored value (lib/secrets).
 * Characters the HTTP client or Node refuse are refused here, at save time: their errors quote the
 * value, which would put a secret into a run's log.
 */
function entryValue(forbidden: RegExp, message: string) {
  return z
    .string()
    .nullable()
    .transform((value) => value ?? "")
    .refine((value) => !forbidden.test(value), { error: message });
}

export const HttpJobConfig = z.object({
  method: z.enum(HTTP_METHODS).default("GET"),
  url: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).superRefine(templated(urlTemplateErrors)),
  headers: z
    .array(z.object({ name: z.string().min(1), value: entryValue(/[\r\n\0]/, "must not contain line breaks or NUL characters"), secret: z.boolean().default(false) }))
    .default([]),
  body: z.string().superRefine(templated(templateErrors)).optional(),
  acceptedStatuses: z.array(z.int().min(100).max(599)).default([200, 201, 202, 204]),
});
export type HttpJobConfig = z.infer<typeof HttpJobConfig>;

export const ShellJobConfig = z.object({
  program: z.string().min(1, "program is required"),
  args: z.array(z.string()).default([]),
  cwd: z.string().optional(),
  env: z
    .array(z.object({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), value: entryValue(/\0/, "must not contain NUL characters"), secret: z.boolean().default(false) }))
    .default([]),
});
export type ShellJobConfig = z.infer<typeof ShellJobConfig>;

export const TaskJobConfig = z.object({
  task: z.string().min(1, "task name is required"),
  payload: z.unknown().optional(),
});
export type TaskJobConfig = z.infer<typeof TaskJobConfig>;

export const JobConfig = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("http"), config: HttpJobConfig }),
  z.object({ kind: z.literal("shell"), config: ShellJobConfig }),
  z.object({ kind: z.literal("task"), config: TaskJobConfig }),
]);
export type JobConfig = z.infer<typeof JobConfig>;

const CONFIG_SCHEMAS = { http: HttpJobConfig, shell: ShellJobConfig, task: TaskJobConfig } as const;

export type ConfigRead<T> = { ok: true; config: T } | { ok: false; problem: string };

/**
 * A stored config read through its schema: defaults filled in (a field added since the row was
 * written), or every problem with its field, "url: must be an http:// or https:// URL; …".
 */
export function readConfig<S extends z.ZodType>(schema: S, config: unknown): ConfigRead<z.output<S>> {
  const parsed = schema.safeParse(config);
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, problem: describeFieldErrors(fieldErrorsOf(parsed.error), { whole: "config" }) };
}

/** A job's stored config read through its kind's schema (see readConfig). */
export function readJobConfig(kind: JobConfig["kind"], config: unknown): ConfigRead<JobConfig["config"]> {
  return readConfig(CONFIG_SCHEMAS[kind], config);
}

/** One line naming what a job does, e.g. "GET https://example.com/hook" or "task prune-runs". */
export function describeTarget(kind: string, config: unknown): string {
  const parsed = JobConfig.safeParse({ kind, config });
  if (!parsed.success) return `invalid ${kind} configuration`;
  const job = parsed.data;
  switch (job.kind) {
    case "http":
      return `${job.config.method} ${job.config.url}`;
    case "shell":
      return [job.config.program, ...job.config.args].join(" ");
    case "task":
      return `task ${job.config.task}`;
  }
}
