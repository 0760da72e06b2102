// The trigger: one JSON shape for the API, the forms, the database and the worker. This module
// checks the shape and the values a schedule engine needs (zones, dates, ranges); lib/schedule
// checks that the schedule can actually fire (cron syntax, bounds) with the engine that runs it.
import { z } from "zod";

export const TRIGGER_TYPES = ["cron", "interval", "date", "calendar"] as const;
export type TriggerType = (typeof TRIGGER_TYPES)[number];

// Asking Intl about a zone builds a formatter, which costs more than the rest of the validation of a
// trigger: remember the answers (there are only a few hundred zones; junk names are capped).
const knownZones = new Map<string, boolean>();
const MAX_REMEMBERED_ZONES = 2048;

export function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownZones.size < MAX_REMEMBERED_ZONES) knownZones.set(zone, valid);
  return valid;
}

const TimeZone = z
  .string({ error: "timezone is required" })
  .trim()
  .refine(isTimeZone, { error: (issue) => `unknown timezone "${String(issue.input)}" (use an IANA name such as Europe/Berlin)` });

/** An instant with an explicit offset or Z, e.g. 2026-12-01T10:15:00Z. */
const Instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 instant with an offset, e.g. 2026-12-01T10:15:00Z" });

/** An instant, or a wall time without offset that the trigger's timezone gives meaning to. */
const InstantOrWallTime = z
  .string()
  .trim()
  .refine((v) => z.iso.datetime({ offset: true }).safeParse(v).success || z.iso.datetime({ local: true }).safeParse(v).success, {
    error: "must be an ISO 8601 date-time, e.g. 2026-12-01T10:15:00Z, or a wall time such as 2026-12-01T10:15 in the trigger's timezone",
  });

const LocalDate = z.iso.date({ error: "must be a date YYYY-MM-DD" });
const WallClock = z
  .string()
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: "must be a time of day HH:MM or HH:MM:SS (00:00–23:59:59)" });

const count = (unit: string) =>
  z
    .int({ error: `${unit} must be a whole number` })
    .min(0, { error: `${unit} cannot be negative` })
    .max(1_000_000, { error: `${unit} is too large` })
    .optional();

export const CronTrigger = z.object({
  type: z.literal("cron"),
  expression: z.string({ error: "expression is required" }).trim().min(1, { error: "expression is required" }),
  timezone: TimeZone,
  start: Instant.optional(),
  end: Instant.optional(),
});

export const IntervalTrigger = z.object({
  type: z.literal("interval"),
  every: z.object({ weeks: count("weeks"), days: count("days"), hours: count("hours"), minutes: count("minutes"), seconds: count("seconds") }),
  start: Instant,
  end: Instant.optional(),
  timezone: TimeZone,
});

export const DateTrigger = z.object({
  type: z.literal("date"),
  runAt: InstantOrWallTime,
  timezone: TimeZone,
});

export const CalendarTrigger = z.object({
  type: z.literal("calendar"),
  every: z.object({ days: count("days"), weeks: count("weeks"), months: count("months"), years: count("years") }),
  at: WallClock,
  startDate: LocalDate,
  endDate: LocalDate.optional(),
  timezone: TimeZone,
});

export const Trigger = z.discriminatedUnion("type", [CronTrigger, IntervalTrigger, DateTrigger, CalendarTrigger], {
  error: (issue) => (issue.code === "invalid_union" ? `type must be one of ${TRIGGER_TYPES.join(", ")}` : undefined),
});

export type CronTrigger = z.infer<typeof CronTrigger>;
export type IntervalTrigger = z.infer<typeof IntervalTrigger>;
export type DateTrigger = z.infer<typeof DateTrigger>;
export type CalendarTrigger = z.infer<typeof CalendarTrigger>;
export type Trigger = z.infer<typeof Trigger>;

/** A trigger as a client may send it: the timezone may be left out and comes from the configuration. */
export function withDefaultTimezone(input: unknown, defaultTimezone: string): unknown {
  if (input && typeof input === "object" && !Array.isArray(input) && !("timezone" in input)) {
    return { ...input, timezone: defaultTimezone };
  }
  return input;
}
