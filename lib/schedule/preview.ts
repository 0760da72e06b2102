// What the trigger builder and API clients see before they save a schedule: the schedule in plain
// words beside the fire times the engine computed, and what DST will do to it in the coming year.
import { ValidationError } from "../errors";
import { withDefaultTimezone, type Trigger } from "../validation/trigger";
import { describeTrigger, type Locale } from "./describe";
import { dstNotes, type DstNote } from "./dst-notes";
import { formatInstant } from "./format-instant";
import { fireTimesOf, parseTrigger } from "./next-fire-times";

export type FireTimePreview = { at: string; local: string };
export type SchedulePreview = { trigger: Trigger; description: string; fireTimes: FireTimePreview[]; dstNotes: DstNote[] };

const YEAR_MS = 366 * 86_400_000;

export function previewSchedule(
  input: unknown,
  { now, count, locale, defaultTimezone }: { now: Date; count: number; locale: Locale; defaultTimezone: string },
): SchedulePreview {
  let trigger: Trigger;
  try {
    trigger = parseTrigger(withDefaultTimezone(input, defaultTimezone));
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    // The caller sent the trigger as a field of its request: name the fields from there.
    const fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([path, messages]) => [`trigger.${path}`, messages]));
    throw new ValidationError(error.message, fieldErrors);
  }
  const fireTimes = fireTimesOf(trigger, now, count).map((at) => ({ at: at.toISOString(), local: formatInstant(at, trigger.timezone) }));
  return {
    trigger,
    description: describeTrigger(trigger, locale),
    fireTimes,
    dstNotes: dstNotes(trigger, now, new Date(now.getTime() + YEAR_MS), locale),
  };
}
