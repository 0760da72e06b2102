// The one check of a job as a client sends it, for creating and for updating: every problem is
// reported at once, keyed by field path ("name", "config.url", "trigger.expression").
import { ValidationError, type FieldErrors } from "../errors";
import { parseTrigger, runAtInstant } from "../schedule";
import { taskPayloadErrors } from "../tasks/catalog";
import { JobInput } from "../validation/job-input";
import { withDefaultTimezone, type Trigger } from "../validation/trigger";
import { nextSlot } from "./next-slot";
import { triggerToColumns } from "./trigger-columns";

/** The schedule of the job being updated, which an unchanged trigger keeps as it is. */
export type CurrentSchedule = { trigger: Trigger; nextRunAt: Date | null; lastSlotAt: Date | null };

export type CheckedJob = {
  job: JobInput;
  trigger: Trigger;
  /** False when the input repeats the current schedule: its nextRunAt is kept. */
  scheduleChanged: boolean;
  nextRunAt: Date | null;
};

/**
 * The parsed job, its trigger and next run, or a ValidationError naming every problem found. A new
 * schedule that never fires after `now` is refused rather than stored idle; an update that leaves the
 * trigger as it was keeps the job's place in it, so a finished one-off job can still be renamed.
 */
export function checkJobInput(
  input: unknown,
  { now, defaultTimezone, current }: { now: Date; defaultTimezone: string; current?: CurrentSchedule },
): CheckedJob {
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
  let schedule: { changed: boolean; nextRunAt: Date | null } | undefined;
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
    if (trigger && current && sameSchedule(trigger, current.trigger)) {
      schedule = { changed: false, nextRunAt: current.nextRunAt };
    } else if (trigger) {
      if (trigger.type === "date" && runAtInstant(trigger.runAt, trigger.timezone) <= now.getTime()) {
        add("trigger.runAt", "runAt is in the past");
      } else {
        const nextRunAt = nextSlot(trigger, now, current?.lastSlotAt ?? null);
        if (nextRunAt) schedule = { changed: true, nextRunAt };
        else add("trigger", "this schedule has no run after now");
      }
    }
  }

  if (!parsed.success || !trigger || !schedule || Object.keys(fieldErrors).length > 0) {
    throw new ValidationError("The job is invalid", fieldErrors);
  }
  return { job: parsed.data, trigger, scheduleChanged: schedule.changed, nextRunAt: schedule.nextRunAt };
}

/** Same columns, same schedule: start and end compare as instants, whatever offset they were sent with. */
function sameSchedule(a: Trigger, b: Trigger): boolean {
  return JSON.stringify(triggerToColumns(a)) === JSON.stringify(triggerToColumns(b));
}
