// Properties of nextFireTimes over random triggers, zones and instants. The checks read wall clocks
// with their own Intl formatter and expand cron fields with their own code, so they do not share
// logic with lib/schedule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { nextFireTimes } from "@/lib/schedule/next-fire-times";

const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/London",
  "Europe/Berlin",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Havana",
  "Asia/Kolkata",
  "Asia/Kathmandu",
] as const;

const MINUTE = 60_000;
const DAY = 86_400_000;
const FROM = Date.UTC(2020, 0, 1);
const UNTIL = Date.UTC(2035, 11, 31);

// ---------------------------------------------------------------- wall clock, independently of lib/

type Wall = { y: number; mo: number; d: number; h: number; mi: number; s: number; dow: number; ms: number };

const formatters = new Map<string, Intl.DateTimeFormat>();
function readWall(instant: number, zone: string): Wall {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, formatter);
  }
  const p: Record<string, number> = {};
  for (const part of formatter.formatToParts(instant)) if (part.type !== "literal") p[part.type] = Number(part.value);
  const [y, mo, d, h, mi, s] = [p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!];
  return { y, mo, d, h, mi, s, dow: new Date(Date.UTC(y, mo - 1, d)).getUTCDay(), ms: Date.UTC(y, mo - 1, d, h, mi, s) };
}

/** The wall time `target` (encoded as UTC) is skipped by a spring-forward that ends exactly at `instant`. */
function inGapEndingAt(target: number, instant: number, zone: string): boolean {
  const before = readWall(instant - 1000, zone).ms;
  const at = readWall(instant, zone).ms;
  return at - before > 1000 && target > before && target < at;
}

/** No earlier instant (30 or 60 minutes before: every transition in ZONES is one of those) shows the same wall time. */
function isFirstOccurrence(instant: number, zone: string): boolean {
  const reading = readWall(instant, zone).ms;
  return [30, 60].every((m) => readWall(instant - m * MINUTE, zone).ms !== reading);
}

const daysInMonth = (y: number, mo: number) => new Date(Date.UTC(y, mo, 0)).getUTCDate();

// ---------------------------------------------------------------- cron generators and matcher

type Spec = { min: number; max: number };
const SECOND: Spec = { min: 0, max: 59 };
const MIN: Spec = { min: 0, max: 59 };
const HOUR: Spec = { min: 0, max: 23 };
const DOM: Spec = { min: 1, max: 31 };
const MONTH: Spec = { min: 1, max: 12 };
const DOW: Spec = { min: 0, max: 7 };

const ordered = (spec: Spec) =>
  fc.tuple(fc.integer(spec), fc.integer(spec)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

const item = (spec: Spec) =>
  fc.oneof(
    fc.integer(spec).map(String),
    ordered(spec).map(([a, b]) => `${a}-${b}`),
    fc.tuple(ordered(spec), fc.integer({ min: 1, max: spec.max - spec.min })).map(([[a, b], s]) => `${a}-${b}/${s}`),
  );

const field = (spec: Spec, early = false) =>
  fc.oneof(
    { arbitrary: fc.constant("*"), weight: 4 },
    // Early hours (00–03) are where the DST transitions of ZONES are.
    { arbitrary: early ? fc.integer({ min: 0, max: 3 }).map(String) : fc.constant("*"), weight: early ? 4 : 0 },
    { arbitrary: fc.integer({ min: 1, max: spec.max - spec.min }).map((s) => `*/${s}`), weight: 2 },
    { arbitrary: item(spec), weight: 3 },
    { arbitrary: fc.array(item(spec), { minLength: 2, maxLength: 3 }).map((items) => items.join(",")), weight: 2 },
  );

/** Seconds (6 fields) or none (5 fields) + minute hour day-of-month month day-of-week. */
const anyCron = fc
  .tuple(fc.option(field(SECOND), { nil: undefined }), field(MIN), field(HOUR, true), field(DOM), field(MONTH), field(DOW))
  .map(([second, ...rest]) => (second === undefined ? rest : [second, ...rest]).join(" "));

/** Fixed-time: a single second (or none), minute and hour; early hours, where the transitions are. */
const fixedTimeCron = fc
  .tuple(
    fc.option(fc.integer(SECOND), { nil: undefined }),
    fc.integer(MIN),
    fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer(HOUR)),
    field(DOM),
    field(MONTH),
    field(DOW),
  )
  .map(([second, ...rest]) => (second === undefined ? rest : [second, ...rest]).join(" "));

const cronExpression = fc.oneof(anyCron, fixedTimeCron);

function expand(text: string, spec: Spec): Set<number> {
  const values = new Set<number>();
  for (const part of text.split(",")) {
    const [range, stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    const [lo, hi] = range === "*" ? [spec.min, spec.max] : range!.includes("-") ? range!.split("-").map(Number) : [Number(range), Number(range)];
    for (let v = lo!; v <= hi!; v += step) values.add(v);
  }
  return values;
}

type Cron = {
  seconds: Set<number>;
  minutes: Set<number>;
  hours: Set<number>;
  days: Set<number>;
  months: Set<number>;
  weekdays: Set<number>;
  domStar: boolean;
  dowStar: boolean;
  fixed: boolean;
  /** The single second, minute, hour of a fixed-time schedule. */
  time?: [number, number, number];
};

function parseCron(expression: string): Cron {
  const parts = expression.split(" ");
  const [sec, min, hour, dom, month, dow] = parts.length === 6 ? parts : ["0", ...parts];
  const seconds = expand(sec!, SECOND);
  const minutes = expand(min!, MIN);
  const hours = expand(hour!, HOUR);
  // Fixed-time: no * or step, and a single value, in each of seconds, minutes, hours.
  const single = (text: string, values: Set<number>) => !/[*/]/.test(text) && values.size === 1;
  const fixed = single(sec!, seconds) && single(min!, minutes) && single(hour!, hours);
  return {
    seconds,
    minutes,
    hours,
    days: expand(dom!, DOM),
    months: expand(month!, MONTH),
    weekdays: new Set([...expand(dow!, DOW)].map((v) => v % 7)),
    domStar: dom === "*",
    dowStar: dow === "*",
    fixed,
    time: fixed ? [[...hours][0]!, [...minutes][0]!, [...seconds][0]!] : undefined,
  };
}

function dateMatches(c: Cron, w: Wall): boolean {
  if (!c.months.has(w.mo)) return false;
  const dom = c.days.has(w.d);
  const dow = c.weekdays.has(w.dow);
  if (c.domStar && c.dowStar) return true;
  if (c.domStar) return dow;
  if (c.dowStar) return dom;
  return dom || dow; // both restricted: either
}

const timeMatches = (c: Cron, w: Wall) => c.hours.has(w.h) && c.minutes.has(w.mi) && c.seconds.has(w.s);

/** Only day-of-month restricts the day, and none of its days exists in any allowed month (29 Feb counts). */
function neverFires(c: Cron): boolean {
  if (!c.dowStar || c.domStar) return false;
  const longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return ![...c.months].some((m) => [...c.days].some((d) => d <= longest[m]!));
}

const instant = (from = FROM, until = UNTIL) => fc.integer({ min: from, max: until });

// The 2026 transitions of ZONES (probed with Intl): half of the runs start up to 3 days before one.
const TRANSITIONS: readonly (readonly [string, string])[] = [
  ["America/New_York", "2026-03-08T07:00:00Z"],
  ["America/New_York", "2026-11-01T06:00:00Z"],
  ["Europe/London", "2026-03-29T01:00:00Z"],
  ["Europe/London", "2026-10-25T01:00:00Z"],
  ["Europe/Berlin", "2026-03-29T01:00:00Z"],
  ["Europe/Berlin", "2026-10-25T01:00:00Z"],
  ["Australia/Sydney", "2026-04-04T16:00:00Z"],
  ["Australia/Sydney", "2026-10-03T16:00:00Z"],
  ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
  ["Australia/Lord_Howe", "2026-10-03T15:30:00Z"],
  ["Pacific/Chatham", "2026-04-04T14:00:00Z"],
  ["Pacific/Chatham", "2026-09-26T14:00:00Z"],
  ["America/Havana", "2026-03-08T05:00:00Z"],
  ["America/Havana", "2026-11-01T05:00:00Z"],
];

/** A zone and an `after`: anywhere in 2020–2035, or shortly before one of the zone's transitions. */
const zoneAndAfter = fc.oneof(
  fc.tuple(fc.constantFrom(...ZONES), instant()),
  fc
    .tuple(fc.constantFrom(...TRANSITIONS), fc.integer({ min: 0, max: 3 * DAY }))
    .map(([[zone, at], lead]) => [zone, Date.parse(at) - lead] as [string, number]),
);

/** Increasing, after `after`, within bounds, matching the expression (fixed-time: or at the end of the gap that swallowed it). */
function checkCronFires(c: Cron, expression: string, zone: string, after: number, times: number[], start?: number, end?: number): void {
  let previous = after;
  for (const t of times) {
    const label = `${expression} in ${zone} after ${new Date(after).toISOString()}: ${new Date(t).toISOString()}`;
    expect(t, label).toBeGreaterThan(previous);
    expect(t % 1000).toBe(0);
    if (start !== undefined) expect(t).toBeGreaterThanOrEqual(start);
    if (end !== undefined) expect(t).toBeLessThanOrEqual(end);
    const w = readWall(t, zone);
    expect(dateMatches(c, w), `${label} is on a day it does not match`).toBe(true);
    if (!timeMatches(c, w)) {
      // Only a fixed-time schedule may fire off its time: at the end of the gap that swallowed it.
      const [h, mi, s] = c.time ?? [-1, -1, -1];
      const target = Date.UTC(w.y, w.mo - 1, w.d, h, mi, s);
      expect(c.fixed && inGapEndingAt(target, t, zone), `${label} does not match`).toBe(true);
    }
    if (c.fixed) expect(isFirstOccurrence(t, zone), `${label} is a second occurrence`).toBe(true);
    previous = t;
  }
}

describe("nextFireTimes properties: cron", () => {
  it("fires are increasing, after `after`, within bounds, and each one matches the expression (fixed-time: or the end of a gap)", () => {
    fc.assert(
      fc.property(
        cronExpression,
        zoneAndAfter,
        fc.integer({ min: 1, max: 20 }),
        fc.option(fc.tuple(fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.integer({ min: 0, max: 60 * DAY })), { nil: undefined }),
        (expression, [zone, after], count, bounds) => {
          const c = parseCron(expression);
          const never = neverFires(c);
          const start = bounds && !never ? after + bounds[0] : undefined;
          const end = bounds && !never ? after + bounds[0] + bounds[1] : undefined;
          const trigger = {
            type: "cron",
            expression,
            timezone: zone,
            ...(start === undefined ? {} : { start: new Date(start).toISOString(), end: new Date(end!).toISOString() }),
          };
          if (never) {
            expect(() => nextFireTimes(trigger, new Date(after), count)).toThrow(ValidationError);
            return;
          }
          const times = nextFireTimes(trigger, new Date(after), count).map((d) => d.getTime());
          if (end === undefined) expect(times).toHaveLength(count);
          expect(times.length).toBeLessThanOrEqual(count);
          checkCronFires(c, expression, zone, after, times, start, end);
        },
      ),
      { numRuns: 250 },
    );
  });

  it("daily fixed-time crons around every 2026 transition: one fire per local day, at its time, the gap's end or the first occurrence", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TRANSITIONS),
        fc.integer({ min: 0, max: 2 * DAY }),
        fc.option(fc.integer(SECOND), { nil: undefined }),
        fc.integer(MIN),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 5 }),
        ([zone, at], lead, second, minute, hour, count) => {
          const expression = `${second === undefined ? "" : `${second} `}${minute} ${hour} * * *`;
          const after = Date.parse(at) - lead;
          const times = nextFireTimes({ type: "cron", expression, timezone: zone }, new Date(after), count).map((d) => d.getTime());
          expect(times).toHaveLength(count);
          checkCronFires(parseCron(expression), expression, zone, after, times);
          // Consecutive fires are on consecutive local days: none skipped, none doubled.
          for (let i = 1; i < times.length; i++) {
            const [a, b] = [readWall(times[i - 1]!, zone), readWall(times[i]!, zone)];
            expect(Date.UTC(b.y, b.mo - 1, b.d) - Date.UTC(a.y, a.mo - 1, a.d), `${expression} in ${zone}`).toBe(DAY);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it("*/N minutes (N divides 30) stays exactly N real minutes apart in every zone: no duplicate, no hole", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(1, 2, 3, 5, 6, 10, 15, 30),
        fc.boolean(),
        zoneAndAfter,
        fc.integer({ min: 1, max: 20 }),
        (n, withSeconds, [zone, after], count) => {
          const expression = withSeconds ? `0 */${n} * * * *` : `*/${n} * * * *`;
          const times = nextFireTimes({ type: "cron", expression, timezone: zone }, new Date(after), count).map((d) => d.getTime());
          expect(times).toHaveLength(count);
          expect(times[0]! - after).toBeGreaterThan(0);
          expect(times[0]! - after).toBeLessThanOrEqual(n * MINUTE);
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(n * MINUTE);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the DST weeks: */N minutes stays N real minutes apart through every 2026 transition", () => {
    // Start up to 2 hours before a transition so the 20 fires straddle it.
    fc.assert(
      fc.property(fc.constantFrom(...TRANSITIONS), fc.constantFrom(10, 15, 30), fc.integer({ min: 0, max: 120 }), ([zone, at], n, lead) => {
        const after = Date.parse(at) - lead * MINUTE;
        const times = nextFireTimes({ type: "cron", expression: `*/${n} * * * *`, timezone: zone }, new Date(after), 20).map((d) => d.getTime());
        for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(n * MINUTE);
      }),
      { numRuns: 60 },
    );
  });
});

describe("nextFireTimes properties: interval", () => {
  const every = fc
    .record(
      {
        weeks: fc.integer({ min: 0, max: 2 }),
        days: fc.integer({ min: 0, max: 3 }),
        hours: fc.integer({ min: 0, max: 30 }),
        minutes: fc.integer({ min: 0, max: 90 }),
        seconds: fc.integer({ min: 0, max: 90 }),
      },
      { requiredKeys: [] },
    )
    .filter((e) => Object.values(e).some((v) => v > 0));
  const periodOf = (e: Record<string, number | undefined>) =>
    ((e.weeks ?? 0) * 7 * 86_400 + (e.days ?? 0) * 86_400 + (e.hours ?? 0) * 3600 + (e.minutes ?? 0) * 60 + (e.seconds ?? 0)) * 1000;

  it("consecutive fires are exactly one period apart, anchored at start, after `after`, within end", () => {
    fc.assert(
      fc.property(
        every,
        instant(),
        instant(),
        fc.option(fc.integer({ min: 0, max: 90 * DAY }), { nil: undefined }),
        fc.constantFrom(...ZONES),
        fc.integer({ min: 1, max: 20 }),
        (e, start, after, length, zone, count) => {
          const period = periodOf(e);
          const end = length === undefined ? undefined : start + length;
          const trigger = {
            type: "interval",
            every: e,
            start: new Date(start).toISOString(),
            timezone: zone,
            ...(end === undefined ? {} : { end: new Date(end).toISOString() }),
          };
          const times = nextFireTimes(trigger, new Date(after), count).map((d) => d.getTime());
          if (end === undefined) expect(times).toHaveLength(count);
          if (times.length === 0) {
            // Only when the series is over: the next multiple after `after` is past end.
            const k = after < start ? 0 : Math.floor((after - start) / period) + 1;
            expect(start + k * period).toBeGreaterThan(end!);
            return;
          }
          const first = times[0]!;
          expect(first).toBeGreaterThan(after);
          expect(first).toBeGreaterThanOrEqual(start);
          expect((first - start) % period).toBe(0);
          if (first > start) expect(first - period).toBeLessThanOrEqual(after); // no fire skipped before the first
          for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBe(period);
          if (end !== undefined) {
            expect(times.at(-1)!).toBeLessThanOrEqual(end);
            if (times.length < count) expect(times.at(-1)! + period).toBeGreaterThan(end);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("nextFireTimes properties: calendar", () => {
  const unit = fc.oneof(
    fc.integer({ min: 1, max: 10 }).map((n) => ({ days: n })),
    fc.integer({ min: 1, max: 4 }).map((n) => ({ weeks: n })),
    fc.integer({ min: 1, max: 12 }).map((n) => ({ months: n })),
    fc.integer({ min: 1, max: 3 }).map((n) => ({ years: n })),
  );
  const pad = (n: number) => String(n).padStart(2, "0");
  const clock = fc
    .tuple(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }))
    .map(([h, m, s]) => ({ h, m, s: s ?? 0, text: `${pad(h)}:${pad(m)}${s === undefined ? "" : `:${pad(s)}`}` }));
  const localDate = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2034, 11, 31) }).map((ms) => new Date(Math.floor(ms / DAY) * DAY));
  const ymd = (d: Date) => d.toISOString().slice(0, 10);

  it("fires increase, fall on the step grid from startDate (months clamped), at `at` or the end of a gap, first occurrence only", () => {
    fc.assert(
      fc.property(
        unit,
        clock,
        localDate,
        fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
        zoneAndAfter,
        fc.integer({ min: 1, max: 20 }),
        (step, at, startDate, endDays, [zone, after], count) => {
          const endDate = endDays === undefined ? undefined : new Date(startDate.getTime() + endDays * DAY);
          const trigger = {
            type: "calendar",
            every: step,
            at: at.text,
            startDate: ymd(startDate),
            timezone: zone,
            ...(endDate ? { endDate: ymd(endDate) } : {}),
          };
          const times = nextFireTimes(trigger, new Date(after), count).map((d) => d.getTime());
          if (!endDate) expect(times).toHaveLength(count);
          expect(times.length).toBeLessThanOrEqual(count);
          const stepMonths = "months" in step ? step.months : "years" in step ? step.years * 12 : 0;
          const stepDays = "days" in step ? step.days : "weeks" in step ? step.weeks * 7 : 0;
          const sy = startDate.getUTCFullYear();
          const sm = startDate.getUTCMonth();
          const sd = startDate.getUTCDate();
          let previous = after;
          let previousIndex: number | undefined;
          for (const t of times) {
            expect(t).toBeGreaterThan(previous);
            const w = readWall(t, zone);
            const dayMs = Date.UTC(w.y, w.mo - 1, w.d);
            expect(dayMs).toBeGreaterThanOrEqual(startDate.getTime());
            if (endDate) expect(dayMs).toBeLessThanOrEqual(endDate.getTime());
            // On the grid: the k-th step from startDate, counted from the start (not cumulatively).
            let index: number;
            if (stepDays > 0) {
              const days = Math.round((dayMs - startDate.getTime()) / DAY);
              expect(days % stepDays).toBe(0);
              index = days / stepDays;
            } else {
              const months = (w.y - sy) * 12 + (w.mo - 1 - sm);
              expect(months % stepMonths).toBe(0);
              expect(w.d).toBe(Math.min(sd, daysInMonth(w.y, w.mo)));
              index = months / stepMonths;
            }
            // Consecutive fires are consecutive steps: none skipped.
            if (previousIndex !== undefined) expect(index).toBe(previousIndex + 1);
            previousIndex = index;
            // The wall time is `at`, unless `at` fell in a gap that ends at this instant.
            const target = Date.UTC(w.y, w.mo - 1, w.d, at.h, at.m, at.s);
            if (w.ms !== target) expect(inGapEndingAt(target, t, zone), `${JSON.stringify(trigger)} → ${new Date(t).toISOString()}`).toBe(true);
            expect(isFirstOccurrence(t, zone), `${JSON.stringify(trigger)} → ${new Date(t).toISOString()} is a second occurrence`).toBe(true);
            previous = t;
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("daily calendars around every 2026 transition: one fire per local day, at `at`, the gap's end or the first occurrence", () => {
    fc.assert(
      fc.property(fc.constantFrom(...TRANSITIONS), fc.integer({ min: 0, max: 3 }), clock, fc.integer({ min: 1, max: 6 }), ([zone, at], daysBefore, time, count) => {
        const transitionDay = readWall(Date.parse(at), zone);
        const startDate = new Date(Date.UTC(transitionDay.y, transitionDay.mo - 1, transitionDay.d) - daysBefore * DAY);
        const trigger = { type: "calendar", every: { days: 1 }, at: time.text, startDate: ymd(startDate), timezone: zone };
        const times = nextFireTimes(trigger, new Date(FROM), count).map((d) => d.getTime());
        expect(times).toHaveLength(count);
        times.forEach((t, i) => {
          const w = readWall(t, zone);
          const day = startDate.getTime() + i * DAY;
          expect(Date.UTC(w.y, w.mo - 1, w.d), `${JSON.stringify(trigger)} fire ${i}`).toBe(day);
          const target = day + ((time.h * 60 + time.m) * 60 + time.s) * 1000;
          if (w.ms !== target) expect(inGapEndingAt(target, t, zone), `${JSON.stringify(trigger)} → ${new Date(t).toISOString()}`).toBe(true);
          expect(isFirstOccurrence(t, zone), `${JSON.stringify(trigger)} → ${new Date(t).toISOString()} is a second occurrence`).toBe(true);
        });
      }),
      { numRuns: 150 },
    );
  });
});
