// The trigger builder's draft: what the fields hold (text, as typed) and the trigger JSON it becomes.
// Start, end and one-off times are typed as wall times in the trigger's own zone, which is how people
// think of them; they are sent as instants (or, for a one-off, as the wall time the API accepts).
import { instantOfWall, parseWallTime, wallOf } from "@/lib/schedule/zoned-time";
import type { Trigger, TriggerType } from "@/lib/validation/trigger";

export const INTERVAL_UNITS = ["weeks", "days", "hours", "minutes", "seconds"] as const;
export type IntervalUnit = (typeof INTERVAL_UNITS)[number];
export const CALENDAR_UNITS = ["years", "months", "weeks", "days"] as const;
export type CalendarUnit = (typeof CALENDAR_UNITS)[number];

export type TriggerDraft = {
  type: TriggerType;
  timezone: string;
  expression: string;
  /** Bounds, as wall times (YYYY-MM-DDTHH:MM[:SS]) in `timezone`; "" for none. Each type has its own:
   *  an interval's start is required, and must not turn into a cron's "not before" on a switch. */
  cronStart: string;
  cronEnd: string;
  intervalStart: string;
  intervalEnd: string;
  intervalEvery: Record<IntervalUnit, string>;
  runAt: string;
  calendarEvery: Record<CalendarUnit, string>;
  calendarAt: string;
  calendarStartDate: string;
  calendarEndDate: string;
};

const emptyUnits = <U extends string>(units: readonly U[]) => Object.fromEntries(units.map((unit) => [unit, ""])) as Record<U, string>;

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as the wall time a datetime-local field shows in `timeZone` (seconds only when not zero). */
export function wallTextOf(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const wall = new Date(wallOf(ms, timeZone));
  const text = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
  return wall.getUTCSeconds() === 0 ? text : `${text}:${pad(wall.getUTCSeconds())}`;
}

/**
 * The instant a wall time names in `timeZone` (a time in a DST gap names the end of the gap, as
 * the scheduler reads it). Text that is not a wall time is returned as typed, for the server to name.
 */
export function instantOfWallText(text: string, timeZone: string): string {
  try {
    return new Date(instantOfWall(parseWallTime(text), timeZone)).toISOString();
  } catch {
    return text;
  }
}

const OFFSET_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;

export function newTriggerDraft(timezone: string, now = new Date()): TriggerDraft {
  const today = wallTextOf(now.toISOString(), timezone).slice(0, 10);
  return {
    type: "cron",
    timezone,
    expression: "",
    cronStart: "",
    cronEnd: "",
    intervalStart: "",
    intervalEnd: "",
    intervalEvery: { ...emptyUnits(INTERVAL_UNITS), hours: "1" },
    runAt: "",
    calendarEvery: { ...emptyUnits(CALENDAR_UNITS), days: "1" },
    calendarAt: "09:00",
    calendarStartDate: today,
    calendarEndDate: "",
  };
}

export function triggerDraftOf(trigger: Trigger): TriggerDraft {
  const draft = newTriggerDraft(trigger.timezone);
  draft.type = trigger.type;
  switch (trigger.type) {
    case "cron":
      return { ...draft, expression: trigger.expression, cronStart: bound(trigger.start, trigger.timezone), cronEnd: bound(trigger.end, trigger.timezone) };
    case "interval":
      return {
        ...draft,
        intervalEvery: Object.fromEntries(INTERVAL_UNITS.map((unit) => [unit, trigger.every[unit] === undefined ? "" : String(trigger.every[unit])])) as Record<IntervalUnit, string>,
        intervalStart: bound(trigger.start, trigger.timezone),
        intervalEnd: bound(trigger.end, trigger.timezone),
      };
    case "date":
      return { ...draft, runAt: OFFSET_SUFFIX.test(trigger.runAt) ? wallTextOf(trigger.runAt, trigger.timezone) : trigger.runAt };
    case "calendar":
      return {
        ...draft,
        calendarEvery: Object.fromEntries(CALENDAR_UNITS.map((unit) => [unit, trigger.every[unit] === undefined ? "" : String(trigger.every[unit])])) as Record<CalendarUnit, string>,
        calendarAt: trigger.at,
        calendarStartDate: trigger.startDate,
        calendarEndDate: trigger.endDate ?? "",
      };
  }
}

/** The start a new interval gets: the next whole minute, so its first run is about one period from now. */
export function nextMinuteWallText(timeZone: string, now = new Date()): string {
  return wallTextOf(new Date(Math.ceil(now.getTime() / 60_000) * 60_000).toISOString(), timeZone);
}

const bound = (iso: string | undefined, timeZone: string) => (iso === undefined ? "" : wallTextOf(iso, timeZone));

/** A number field's value: a number when it reads as one, else the text, so the server names the problem. */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  return trimmed !== "" && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

function units<U extends string>(values: Record<U, string>, order: readonly U[]): Partial<Record<U, number | string>> {
  const every: Partial<Record<U, number | string>> = {};
  for (const unit of order) if (values[unit].trim() !== "") every[unit] = numberOrText(values[unit]);
  return every;
}

/** The trigger JSON the API takes for this draft (checked there: the fields may hold anything). */
export function triggerOf(draft: TriggerDraft): Record<string, unknown> {
  const { timezone } = draft;
  const bounds = (start: string, end: string) => ({
    ...(start.trim() ? { start: instantOfWallText(start.trim(), timezone) } : {}),
    ...(end.trim() ? { end: instantOfWallText(end.trim(), timezone) } : {}),
  });
  switch (draft.type) {
    case "cron":
      return { type: "cron", expression: draft.expression.trim(), timezone, ...bounds(draft.cronStart, draft.cronEnd) };
    case "interval":
      return { type: "interval", every: units(draft.intervalEvery, INTERVAL_UNITS), timezone, ...bounds(draft.intervalStart, draft.intervalEnd) };
    case "date":
      return { type: "date", runAt: draft.runAt.trim(), timezone };
    case "calendar":
      return {
        type: "calendar",
        every: units(draft.calendarEvery, CALENDAR_UNITS),
        at: draft.calendarAt.trim(),
        startDate: draft.calendarStartDate.trim(),
        ...(draft.calendarEndDate.trim() ? { endDate: draft.calendarEndDate.trim() } : {}),
        timezone,
      };
  }
}

/** Whether two drafts describe the same trigger: an edit that leaves the trigger alone sends it back as loaded. */
export function sameTriggerDraft(a: TriggerDraft, b: TriggerDraft): boolean {
  return JSON.stringify(triggerOf(a)) === JSON.stringify(triggerOf(b));
}

export const CRON_PRESETS = [
  { id: "every-minute", label: "Every minute" },
  { id: "every-5-minutes", label: "Every 5 minutes" },
  { id: "every-15-minutes", label: "Every 15 minutes" },
  { id: "hourly", label: "Every hour, on the hour" },
  { id: "daily", label: "Daily" },
  { id: "weekdays", label: "Weekdays (Mon–Fri)" },
  { id: "weekly", label: "Weekly" },
  { id: "monthly", label: "Monthly" },
] as const;
export type CronPresetId = (typeof CRON_PRESETS)[number]["id"];

/** A preset and its settings: the time of day (HH:MM), the weekday (0 = Sunday) and the day of the month. */
export type CronPreset = { id: CronPresetId; time: string; weekday: number; monthDay: number };

export const DEFAULT_PRESET_SETTINGS = { time: "09:00", weekday: 1, monthDay: 1 };

const FIXED: Partial<Record<CronPresetId, string>> = {
  "every-minute": "* * * * *",
  "every-5-minutes": "*/5 * * * *",
  "every-15-minutes": "*/15 * * * *",
  hourly: "0 * * * *",
};

/** The expression of a preset; an unparsable time falls back to 09:00 rather than writing a broken expression. */
export function cronOfPreset(preset: CronPreset): string {
  const fixed = FIXED[preset.id];
  if (fixed) return fixed;
  const match = /^(\d{1,2}):(\d{2})$/.exec(preset.time);
  const [hour, minute] = match ? [Number(match[1]), Number(match[2])] : [9, 0];
  switch (preset.id) {
    case "weekdays":
      return `${minute} ${hour} * * 1-5`;
    case "weekly":
      return `${minute} ${hour} * * ${preset.weekday}`;
    case "monthly":
      return `${minute} ${hour} ${preset.monthDay} * *`;
    default:
      return `${minute} ${hour} * * *`;
  }
}

/** The preset an expression was written by (so the picker shows it), or null for anything else. */
export function presetOfCron(expression: string): CronPreset | null {
  const text = expression.trim().replace(/\s+/g, " ");
  for (const [id, fixed] of Object.entries(FIXED)) if (text === fixed) return { id: id as CronPresetId, ...DEFAULT_PRESET_SETTINGS };
  const match = /^(\d{1,2}) (\d{1,2}) (\*|\d{1,2}) \* (\*|1-5|[0-6])$/.exec(text);
  if (!match) return null;
  const [, minuteText, hourText, dayText, weekText] = match as unknown as [string, string, string, string, string];
  const minute = Number(minuteText);
  const hour = Number(hourText);
  if (minute > 59 || hour > 23) return null;
  const time = `${pad(hour)}:${pad(minute)}`;
  if (dayText !== "*") {
    const monthDay = Number(dayText);
    return weekText === "*" && monthDay >= 1 && monthDay <= 31 ? { id: "monthly", ...DEFAULT_PRESET_SETTINGS, time, monthDay } : null;
  }
  if (weekText === "*") return { id: "daily", ...DEFAULT_PRESET_SETTINGS, time };
  if (weekText === "1-5") return { id: "weekdays", ...DEFAULT_PRESET_SETTINGS, time };
  return { id: "weekly", ...DEFAULT_PRESET_SETTINGS, time, weekday: Number(weekText) };
}
