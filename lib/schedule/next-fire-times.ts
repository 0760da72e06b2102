// When a trigger fires. Pure: `after` is passed in, never read from a clock. Instants are strictly
// after `after`, increasing, within the trigger's bounds (start and end inclusive).
import { ValidationError, type FieldErrors } from "../errors";
import { Trigger, type CronTrigger, type IntervalTrigger } from "../validation/trigger";
import { calendarFireTimes } from "./calendar";
import { createCron, cronProblems } from "./cron";
import { MAX_INSTANT_MS, instantOfWall, parseWallTime } from "./zoned-time";

export const MAX_FIRE_TIMES = 1000;

const SECOND_MS = 1000;


export function intervalMs(every: IntervalTrigger["every"]): number {
  return (
    (((every.weeks ?? 0) * 7 + (every.days ?? 0)) * 86_400 + (every.hours ?? 0) * 3600 + (every.minutes ?? 0) * 60 + (every.seconds ?? 0)) *
    SECOND_MS
  );
}

/** The instant of a date trigger: its own offset if it has one, else a wall time in its zone. */
export function runAtInstant(runAt: string, timezone: string): number {
  if (/(Z|[+-]\d{2}:?\d{2})$/i.test(runAt)) return Date.parse(runAt);
  return instantOfWall(parseWallTime(runAt), timezone);
}

/**
 * Only a day-of-month restricted together with a month (30 February), with no weekday that could
 * match instead, can make an expression match no date at all; anything else surely fires, and is not
 * worth a search. Without a year field, a date that exists is found within 28 years of any instant
 * (the calendar repeats), so the search from 2000 is conclusive.
 */
function mayNeverMatch(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  if (fields.length < 5) return false;
  const [dayOfMonth, month, dayOfWeek] = fields.slice(-3) as [string, string, string];
  const any = (field: string) => field === "*" || field === "?";
  return !any(dayOfMonth) && !any(month) && (any(dayOfWeek) || dayOfWeek.startsWith("+"));
}

function problems(trigger: Trigger): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  if ((trigger.type === "cron" || trigger.type === "interval") && trigger.start && trigger.end && Date.parse(trigger.end) < Date.parse(trigger.start)) {
    add("end", "end is before start");
  }
  switch (trigger.type) {
    case "cron": {
      const messages = cronProblems(trigger.expression, trigger.timezone);
      for (const message of messages) add("expression", message);
      if (messages.length === 0 && mayNeverMatch(trigger.expression) && !createCron(trigger.expression, trigger.timezone).nextRun(new Date(Date.UTC(2000, 0, 1)))) {
        add("expression", "this expression never matches a date (e.g. 30 February)");
      }
      break;
    }
    case "interval":
      if (intervalMs(trigger.every) === 0) add("every", "the interval must be longer than 0 seconds");
      break;
    case "calendar": {
      const { days = 0, weeks = 0, months = 0, years = 0 } = trigger.every;
      if (days + weeks + months + years === 0) add("every", "the step must be at least 1 day, week, month or year");
      if (trigger.endDate && trigger.endDate < trigger.startDate) add("endDate", "endDate is before startDate");
      break;
    }
    case "date":
      break;
  }
  return errors;
}

/** Parses and checks a trigger, or throws a ValidationError whose field errors say what is wrong. */
export function parseTrigger(input: unknown): Trigger {
  const parsed = Trigger.safeParse(input);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join(".") || "trigger"] ??= []).push(issue.message);
    // Say what is wrong with the expression too, not only with the field that failed the shape check.
    const candidate = (input ?? {}) as { type?: unknown; expression?: unknown };
    if (candidate.type === "cron" && typeof candidate.expression === "string" && !fieldErrors.expression) {
      const messages = cronProblems(candidate.expression, "UTC");
      if (messages.length > 0) fieldErrors.expression = messages;
    }
    throw new ValidationError("The trigger is invalid", fieldErrors);
  }
  const fieldErrors = problems(parsed.data);
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError("The trigger is invalid", fieldErrors);
  return parsed.data;
}

function cronFireTimes(trigger: CronTrigger, afterMs: number, count: number, untilMs: number): number[] {
  const cron = createCron(trigger.expression, trigger.timezone);
  const startMs = trigger.start ? Date.parse(trigger.start) : -Infinity;
  const endMs = Math.min(untilMs, trigger.end ? Date.parse(trigger.end) : Infinity);
  // croner's next run is strictly after its argument: step back 1 ms so a fire exactly at start counts.
  let cursor = Math.max(afterMs, startMs - 1);
  const times: number[] = [];
  while (times.length < count) {
    const next = cron.nextRun(new Date(cursor));
    const nextMs = next ? next.getTime() : Infinity;
    if (nextMs > endMs || nextMs > MAX_INSTANT_MS) break;
    times.push(nextMs);
    cursor = nextMs;
  }
  return times;
}

function intervalFireTimes(trigger: IntervalTrigger, afterMs: number, count: number, untilMs: number): number[] {
  const period = intervalMs(trigger.every);
  const startMs = Date.parse(trigger.start);
  const endMs = Math.min(untilMs, trigger.end ? Date.parse(trigger.end) : Infinity);
  // Anchored at start, in absolute time: a DST change does not stretch or shrink an interval.
  let k = afterMs < startMs ? 0 : Math.floor((afterMs - startMs) / period) + 1;
  const times: number[] = [];
  for (; times.length < count; k += 1) {
    const at = startMs + k * period;
    if (at > endMs || at > MAX_INSTANT_MS) break;
    times.push(at);
  }
  return times;
}

/** Up to `count` fire times strictly after `after`, as instants in increasing order. */
export function nextFireTimes(input: unknown, after: Date, count: number): Date[] {
  const trigger = parseTrigger(input);
  return fireTimesOf(trigger, after, count);
}

/**
 * As nextFireTimes, for a trigger already checked by parseTrigger (the hot path skips re-checking).
 * `until` stops the series early: only fire times at or before it are returned.
 */
export function fireTimesOf(trigger: Trigger, after: Date, count: number, until?: Date): Date[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_FIRE_TIMES) {
    throw new ValidationError("Invalid count", { count: [`count must be a whole number from 0 to ${MAX_FIRE_TIMES}`] });
  }
  const limit = count;
  const afterMs = after.getTime();
  const untilMs = until ? until.getTime() : Infinity;
  let times: number[];
  switch (trigger.type) {
    case "cron":
      times = cronFireTimes(trigger, afterMs, limit, untilMs);
      break;
    case "interval":
      times = intervalFireTimes(trigger, afterMs, limit, untilMs);
      break;
    case "date": {
      const at = runAtInstant(trigger.runAt, trigger.timezone);
      times = at > afterMs && at <= untilMs && limit > 0 ? [at] : [];
      break;
    }
    case "calendar":
      times = calendarFireTimes(trigger, afterMs, limit, untilMs);
      break;
  }
  return times.map((ms) => new Date(ms));
}
