import { dbProvider, type Db } from "../db";
import { announceDue } from "../runs/due-notifications";
import { taskPayloadErrors } from "../tasks/catalog";
import { ConflictError, ValidationError, type FieldErrors } from "../errors";
import { fireTimesOf, parseTrigger, runAtInstant } from "../schedule";
import { JobInput } from "../validation/job-input";
import { withDefaultTimezone, type Trigger } from "../validation/trigger";
import type { Actor } from "./actor";
import { toJobDto, type JobDto } from "./job-dto";
import { triggerToColumns } from "./trigger-columns";

/**
 * What Prisma accepts in a Json column. The config and the DTO are JSON by construction (zod checked
 * them; a task's payload arrived as JSON), but a payload is `unknown` to TypeScript.
 */
type JsonColumn = Parameters<Db["job"]["create"]>[0]["data"]["config"];

export type CreateJobOptions = {
  /** The creation instant: the first run is the first fire time at or after it. */
  now: Date;
  /** The zone of a trigger sent without one. */
  defaultTimezone: string;
};

/**
 * Creates a job and its audit row in one transaction. Every problem with the input is reported at
 * once, keyed by field path ("name", "config.url", "trigger.expression"); a job whose schedule never
 * fires after `now` is refused rather than stored idle. A taken name is a ConflictError.
 */
export async function createJob(db: Db, input: unknown, actor: Actor, { now, defaultTimezone }: CreateJobOptions): Promise<JobDto> {
  const { job, trigger, nextRunAt } = checkInput(input, now, defaultTimezone);
  const columns = triggerToColumns(trigger);
  const userId = actor.type === "user" ? actor.id : null;
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.job.create({
        data: {
          name: job.name,
          description: job.description,
          tags: { create: job.tags.map((tag) => ({ tag })) },
          kind: job.kind,
          config: job.config as JsonColumn,
          ...columns,
          jitterSeconds: job.jitterSeconds,
          nextRunAt,
          paused: job.paused,
          pausedAt: job.paused ? now : null,
          pausedById: job.paused ? userId : null,
          misfireGraceSeconds: job.misfireGraceSeconds,
          coalesce: job.coalesce,
          maxInstances: job.maxInstances,
          timeoutSeconds: job.timeoutSeconds,
          retryMaxAttempts: job.retry.maxAttempts,
          retryBackoffSeconds: job.retry.backoffSeconds,
          retryBackoffMaxSeconds: job.retry.maxBackoffSeconds,
          createdAt: now,
          updatedAt: now,
          createdById: userId,
          updatedById: userId,
        },
        include: { tags: true },
      });
      const dto = toJobDto(row);
      await tx.auditEvent.create({
        data: {
          at: now,
          actorType: actor.type,
          actorId: actor.id,
          actorLabel: actor.label,
          action: "job.create",
          targetType: "job",
          targetId: row.id,
          after: dto as JsonColumn,
        },
      });
      if (dbProvider(db) === "postgresql") await announceDue(tx);
      return dto;
    });
  } catch (error) {
    if (isUniqueViolationOn(error, "Job", "name")) {
      throw new ConflictError(`A job named "${job.name}" already exists`, {
        fieldErrors: { name: ["a job with this name already exists"] },
      });
    }
    throw error;
  }
}

/** The parsed job, its trigger and first run, or a ValidationError naming every problem found. */
function checkInput(input: unknown, now: Date, defaultTimezone: string): { job: JobInput; trigger: Trigger; nextRunAt: Date } {
  const fieldErrors: FieldErrors = {};
  const add = (field: string, message: string) => {
    const messages = (fieldErrors[field] ??= []);
    if (!messages.includes(message)) messages.push(message);
  };

  const parsed = JobInput.safeParse(input);
  if (!parsed.success) for (const issue of parsed.error.issues) add(issue.path.join(".") || "_", issue.message);
  // A task job's default payload is checked against its task's schema now, not first when it runs.
  // (Without one, each run brings its own payload, and is checked then.)
  if (parsed.success && parsed.data.kind === "task" && parsed.data.config.payload !== undefined) {
    const payloadErrors = taskPayloadErrors(parsed.data.config.task, parsed.data.config.payload) ?? {};
    for (const [field, messages] of Object.entries(payloadErrors)) {
      for (const message of messages) add(field === "_" ? "config.payload" : `config.payload.${field}`, message);
    }
  }

  // The trigger is checked by the scheduling library (unless it, or the whole input, is missing), so
  // its messages are the ones the preview and the worker give.
  let trigger: Trigger | undefined;
  let nextRunAt: Date | undefined;
  const isObject = typeof input === "object" && input !== null && !Array.isArray(input);
  if (isObject && !fieldErrors.trigger) {
    try {
      trigger = parseTrigger(withDefaultTimezone((input as { trigger?: unknown }).trigger, defaultTimezone));
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        for (const message of messages) add(field === "trigger" ? "trigger" : `trigger.${field}`, message);
      }
    }
    if (trigger) {
      if (trigger.type === "date" && runAtInstant(trigger.runAt, trigger.timezone) <= now.getTime()) {
        add("trigger.runAt", "runAt is in the past");
      } else {
        // A fire time exactly at `now` is the first run: cron and interval starts are inclusive.
        nextRunAt = fireTimesOf(trigger, new Date(now.getTime() - 1), 1)[0];
        if (!nextRunAt) add("trigger", "this schedule has no run after now");
      }
    }
  }

  if (!parsed.success || !trigger || !nextRunAt || Object.keys(fieldErrors).length > 0) {
    throw new ValidationError("The job is invalid", fieldErrors);
  }
  return { job: parsed.data, trigger, nextRunAt };
}

/**
 * A unique constraint failure (P2002) on one column. The adapters report it differently: SQLite names
 * the columns, PostgreSQL the index (Prisma names it "<Model>_<column>_key").
 */
function isUniqueViolationOn(error: unknown, model: string, column: string): boolean {
  if (!error || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return false;
  const meta = (error as { meta?: { target?: unknown; driverAdapterError?: { cause?: { constraint?: { fields?: unknown; index?: unknown } } } } }).meta;
  const constraint = meta?.driverAdapterError?.cause?.constraint;
  const fields = constraint?.fields ?? meta?.target;
  if (Array.isArray(fields)) return fields.some((field) => String(field).replace(/"/g, "") === column);
  const index = constraint?.index ?? fields;
  return typeof index === "string" && index === `${model}_${column}_key`;
}
