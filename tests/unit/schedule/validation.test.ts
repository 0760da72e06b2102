// Every input nextFireTimes refuses, with the exact field errors the API shows (docs/scheduling.md).
import { describe, expect, it } from "vitest";
import { ValidationError, type FieldErrors } from "@/lib/errors";
import { nextFireTimes } from "@/lib/schedule/next-fire-times";

const AFTER = new Date("2026-01-01T00:00:00Z");

/** The ValidationError nextFireTimes throws for this input (fails the test if it throws anything else, or nothing). */
function refusal(input: unknown, count = 5): ValidationError {
  let result: Date[];
  try {
    result = nextFireTimes(input, AFTER, count);
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error(`expected a ValidationError, got fire times ${JSON.stringify(result)}`);
}

const fieldErrors = (input: unknown, count = 5): FieldErrors => refusal(input, count).fieldErrors;

const cron = (expression: string, extra: Record<string, unknown> = {}) => ({ type: "cron", expression, timezone: "UTC", ...extra });
const interval = (every: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  type: "interval",
  every,
  start: "2026-01-01T00:00:00Z",
  timezone: "UTC",
  ...extra,
});
const calendar = (extra: Record<string, unknown>) => ({ type: "calendar", every: { days: 1 }, at: "09:00", startDate: "2026-01-01", timezone: "UTC", ...extra });

describe("cron expression values", () => {
  it('minute 75 ("75 * * * *")', () => {
    expect(fieldErrors(cron("75 * * * *"))).toEqual({ expression: ["minute: 75 is outside 0–59"] });
  });

  it('second 60 ("60 * * * * *")', () => {
    expect(fieldErrors(cron("60 * * * * *"))).toEqual({ expression: ["second: 60 is outside 0–59"] });
  });

  it('hour 24 ("0 24 * * *")', () => {
    expect(fieldErrors(cron("0 24 * * *"))).toEqual({ expression: ["hour: 24 is outside 0–23"] });
  });

  it('day-of-month 0 and 32 ("0 0 0 * *", "0 0 32 * *")', () => {
    expect(fieldErrors(cron("0 0 0 * *"))).toEqual({ expression: ["day-of-month: 0 is outside 1–31"] });
    expect(fieldErrors(cron("0 0 32 * *"))).toEqual({ expression: ["day-of-month: 32 is outside 1–31"] });
  });

  it('month 13 ("0 0 * 13 *")', () => {
    expect(fieldErrors(cron("0 0 * 13 *"))).toEqual({ expression: ["month: 13 is outside 1–12"] });
  });

  it('day-of-week 8 ("0 0 * * 8")', () => {
    expect(fieldErrors(cron("0 0 * * 8"))).toEqual({ expression: ["day-of-week: 8 is outside 0–7"] });
  });

  it('step 0 ("*/0 * * * *")', () => {
    expect(fieldErrors(cron("*/0 * * * *"))).toEqual({ expression: ['minute: step 0 in "*/0" must be at least 1'] });
  });

  it('step without * or range ("5/15 * * * *")', () => {
    expect(fieldErrors(cron("5/15 * * * *"))).toEqual({
      expression: ['minute: a step needs * or a range before it, e.g. */15 or 5-59/15 (got "5/15")'],
    });
  });

  it('backwards range ("0 17-9 * * *")', () => {
    expect(fieldErrors(cron("0 17-9 * * *"))).toEqual({ expression: ["hour: range 17-9 goes backwards (17 is after 9)"] });
  });

  it('unknown month name ("0 9 * FOO *")', () => {
    expect(fieldErrors(cron("0 9 * FOO *"))).toEqual({ expression: ['month: unknown name "FOO" (use 1–12 or JAN–DEC)'] });
  });

  it('unknown day name ("0 9 * * FUNDAY", "0 9 * * MONDAY")', () => {
    expect(fieldErrors(cron("0 9 * * FUNDAY"))).toEqual({ expression: ['day-of-week: unknown name "FUNDAY" (use 0–7 or SUN–SAT)'] });
    expect(fieldErrors(cron("0 9 * * MONDAY"))).toEqual({ expression: ['day-of-week: unknown name "MONDAY" (use 0–7 or SUN–SAT)'] });
  });

  it('a step that is not a number ("*/x * * * *")', () => {
    expect(fieldErrors(cron("*/x * * * *"))).toEqual({ expression: ['minute: step "x" in "*/x" is not a whole number'] });
  });

  it('an empty list item ("1,,2 * * * *")', () => {
    expect(fieldErrors(cron("1,,2 * * * *"))).toEqual({ expression: ["minute: empty item in a list (check the commas)"] });
  });
});

describe("cron expression shape", () => {
  it('4 fields ("0 9 * *")', () => {
    expect(fieldErrors(cron("0 9 * *"))).toEqual({
      expression: ["expected 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first; got 4"],
    });
  });

  it('7 fields ("0 0 9 * * * 2027")', () => {
    expect(fieldErrors(cron("0 0 9 * * * 2027"))).toEqual({
      expression: ["expected 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first; got 7"],
    });
  });

  it('unknown nickname ("@reboot", "@fortnightly")', () => {
    const known = "@yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly";
    expect(fieldErrors(cron("@reboot"))).toEqual({ expression: [`unknown nickname "@reboot" (use ${known})`] });
    expect(fieldErrors(cron("@fortnightly"))).toEqual({ expression: [`unknown nickname "@fortnightly" (use ${known})`] });
  });

  it('empty expression ("", "   ")', () => {
    expect(fieldErrors(cron(""))).toEqual({ expression: ["expression is required"] });
    expect(fieldErrors(cron("   "))).toEqual({ expression: ["expression is required"] });
  });
});

describe("cron that never fires", () => {
  const NEVER = ["this expression never matches a date (e.g. 30 February)"];

  it('30 February ("0 0 30 2 *")', () => {
    expect(fieldErrors(cron("0 0 30 2 *"))).toEqual({ expression: NEVER });
  });

  it('31 April, and 31 in February or April ("0 0 31 4 *", "0 0 31 2,4 *")', () => {
    expect(fieldErrors(cron("0 0 31 4 *"))).toEqual({ expression: NEVER });
    expect(fieldErrors(cron("0 0 31 2,4 *"))).toEqual({ expression: NEVER });
  });

  // The rule: a cron that never fires is refused, whatever its bounds and the count asked for.
  it('30 February ("0 0 30 2 *") is refused even with an end bound', () => {
    expect(fieldErrors(cron("0 0 30 2 *", { end: "2030-01-01T00:00:00Z" }))).toEqual({ expression: NEVER });
  });

  it('30 February ("0 0 30 2 *") is refused even with count 0', () => {
    expect(fieldErrors(cron("0 0 30 2 *"), 0)).toEqual({ expression: NEVER });
  });
});

describe("timezone", () => {
  it('unknown timezone ("Mars/Olympus")', () => {
    expect(fieldErrors(cron("0 0 * * *", { timezone: "Mars/Olympus" }))).toEqual({
      timezone: ['unknown timezone "Mars/Olympus" (use an IANA name such as Europe/Berlin)'],
    });
  });

  it('empty timezone ("")', () => {
    expect(fieldErrors(cron("0 0 * * *", { timezone: "" }))).toEqual({
      timezone: ['unknown timezone "" (use an IANA name such as Europe/Berlin)'],
    });
  });

  it("missing timezone", () => {
    expect(fieldErrors({ type: "cron", expression: "0 0 * * *" })).toEqual({ timezone: ["timezone is required"] });
  });

  it('unknown timezone and minute 75 together ("Mars/Olympus", "75 * * * *"): both are reported', () => {
    expect(fieldErrors(cron("75 * * * *", { timezone: "Mars/Olympus" }))).toEqual({
      timezone: ['unknown timezone "Mars/Olympus" (use an IANA name such as Europe/Berlin)'],
      expression: ["minute: 75 is outside 0–59"],
    });
  });
});

describe("bounds", () => {
  it("cron end (2026-01-01) before start (2026-02-01)", () => {
    expect(fieldErrors(cron("0 0 * * *", { start: "2026-02-01T00:00:00Z", end: "2026-01-01T00:00:00Z" }))).toEqual({ end: ["end is before start"] });
  });

  it("interval end (2025-01-01) before start (2026-01-01)", () => {
    expect(fieldErrors(interval({ minutes: 5 }, { end: "2025-01-01T00:00:00Z" }))).toEqual({ end: ["end is before start"] });
  });

  it('cron start without an offset ("2026-02-01T00:00:00") and as a date only ("2026-02-01")', () => {
    const message = ["must be an ISO 8601 instant with an offset, e.g. 2026-12-01T10:15:00Z"];
    expect(fieldErrors(cron("0 0 * * *", { start: "2026-02-01T00:00:00" }))).toEqual({ start: message });
    expect(fieldErrors(cron("0 0 * * *", { start: "2026-02-01" }))).toEqual({ start: message });
  });
});

describe("interval", () => {
  it("interval of 0 ({} and { minutes: 0 })", () => {
    expect(fieldErrors(interval({}))).toEqual({ every: ["the interval must be longer than 0 seconds"] });
    expect(fieldErrors(interval({ minutes: 0 }))).toEqual({ every: ["the interval must be longer than 0 seconds"] });
  });

  it("negative minutes ({ minutes: -5 })", () => {
    expect(fieldErrors(interval({ minutes: -5 }))).toEqual({ "every.minutes": ["minutes cannot be negative"] });
  });

  it("fractional minutes ({ minutes: 1.5 })", () => {
    expect(fieldErrors(interval({ minutes: 1.5 }))).toEqual({ "every.minutes": ["minutes must be a whole number"] });
  });

  it("too many minutes ({ minutes: 1000001 })", () => {
    expect(fieldErrors(interval({ minutes: 1_000_001 }))).toEqual({ "every.minutes": ["minutes is too large"] });
  });

  it('bad or missing start ("yesterday", none)', () => {
    const message = ["must be an ISO 8601 instant with an offset, e.g. 2026-12-01T10:15:00Z"];
    expect(fieldErrors(interval({ minutes: 5 }, { start: "yesterday" }))).toEqual({ start: message });
    expect(fieldErrors({ type: "interval", every: { minutes: 5 }, timezone: "UTC" })).toEqual({ start: message });
  });
});

describe("calendar", () => {
  it("calendar step 0 ({ days: 0 } and {})", () => {
    expect(fieldErrors(calendar({ every: { days: 0 } }))).toEqual({ every: ["the step must be at least 1 day, week, month or year"] });
    expect(fieldErrors(calendar({ every: {} }))).toEqual({ every: ["the step must be at least 1 day, week, month or year"] });
  });

  it('bad at ("24:00", "25:00", "9:00", "09:60")', () => {
    for (const at of ["24:00", "25:00", "9:00", "09:60"]) {
      expect(fieldErrors(calendar({ at })), at).toEqual({ at: ["must be a time of day HH:MM or HH:MM:SS (00:00–23:59:59)"] });
    }
  });

  it('bad startDate ("2026-02-30", "2026/01/01")', () => {
    expect(fieldErrors(calendar({ startDate: "2026-02-30" }))).toEqual({ startDate: ["must be a date YYYY-MM-DD"] });
    expect(fieldErrors(calendar({ startDate: "2026/01/01" }))).toEqual({ startDate: ["must be a date YYYY-MM-DD"] });
  });

  it('bad endDate ("2026-13-01")', () => {
    expect(fieldErrors(calendar({ endDate: "2026-13-01" }))).toEqual({ endDate: ["must be a date YYYY-MM-DD"] });
  });

  it("endDate (2026-01-09) before startDate (2026-01-10)", () => {
    expect(fieldErrors(calendar({ startDate: "2026-01-10", endDate: "2026-01-09" }))).toEqual({ endDate: ["endDate is before startDate"] });
  });
});

describe("date", () => {
  const message = ["must be an ISO 8601 date-time, e.g. 2026-12-01T10:15:00Z, or a wall time such as 2026-12-01T10:15 in the trigger's timezone"];

  it('bad runAt ("next tuesday", "2026-12-01", "2026-12-01T10")', () => {
    for (const runAt of ["next tuesday", "2026-12-01", "2026-12-01T10"]) {
      expect(fieldErrors({ type: "date", runAt, timezone: "UTC" }), runAt).toEqual({ runAt: message });
    }
  });

  it('impossible dates ("2026-02-30T10:00:00Z", "2026-02-30T10:00")', () => {
    expect(fieldErrors({ type: "date", runAt: "2026-02-30T10:00:00Z", timezone: "UTC" })).toEqual({ runAt: message });
    expect(fieldErrors({ type: "date", runAt: "2026-02-30T10:00", timezone: "UTC" })).toEqual({ runAt: message });
  });
});

describe("trigger type and shape", () => {
  it('unknown trigger type ("weekly") and a missing type', () => {
    expect(fieldErrors({ type: "weekly", timezone: "UTC" })).toEqual({ type: ["type must be one of cron, interval, date, calendar"] });
    expect(fieldErrors({ timezone: "UTC" })).toEqual({ type: ["type must be one of cron, interval, date, calendar"] });
  });

  it("not an object (null, a bare expression string)", () => {
    expect(fieldErrors(null)).toEqual({ trigger: ["Invalid input: expected object, received null"] });
    expect(fieldErrors("0 0 * * *")).toEqual({ trigger: ["Invalid input: expected object, received string"] });
  });
});

describe("count", () => {
  const valid = cron("* * * * *");
  it("count out of range (-1, 1001, 1.5, NaN)", () => {
    for (const count of [-1, 1001, 1.5, Number.NaN]) {
      expect(fieldErrors(valid, count), String(count)).toEqual({ count: ["count must be a whole number from 0 to 1000"] });
    }
  });
});
