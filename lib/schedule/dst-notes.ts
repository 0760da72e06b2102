// What a trigger does around the DST transitions of its zone, in plain words: "On 2027-03-14, 02:30
// does not exist in America/New_York: that run fires at 03:00 instead." Each note compares the
// trigger's real fire times (fireTimesOf, i.e. croner's rules) in the affected window with the wall
// times it would have on an ordinary day, so a note can never disagree with the scheduler.
// Only the windows around transitions are examined, never every fire of the range.
import { Cron } from "croner";
import type { CronTrigger, Trigger } from "../validation/trigger";
import { calendarFireTimes } from "./calendar";
import type { Locale } from "./describe";
import { fireTimesOf } from "./next-fire-times";
import { offsetAt, parseWallTime } from "./zoned-time";

export type DstNote = {
  /** The local date (YYYY-MM-DD) of the affected wall-clock window. */
  date: string;
  /** skipped: runs in a gap do not happen; shifted: they run at the end of the gap;
   *  repeated: runs in a repeated hour happen in both passes; once: they happen in one pass only. */
  kind: "skipped" | "shifted" | "repeated" | "once";
  message: string;
};

/** A change of the zone's UTC offset: `at` is the first instant with the new offset (ms). */
type Transition = { at: number; before: number; after: number };

// The scan samples the offset every 3 hours and bisects where it changed. It could only miss two
// transitions less than 3 hours apart that cancel out; real ones are weeks or months apart. (A
// 1-hour step costs three times as much: about 17 ms a year, most of a year's notes.)
const SCAN_STEP_MS = 3 * 3_600_000;
const SECOND_MS = 1000;
/** A date trigger's runAt with an offset is an instant (as in runAtInstant), else a wall time. */
const OFFSET_SUFFIX = /(Z|[+-]\d{2}:?\d{2})$/i;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset as ICU names it ("GMT-04:00"), for scanning: formatting one field is several
 * times cheaper than offsetAt's full wall reading. Exact offsets come from offsetAt.
 */
function scanOffset(instantMs: number, timeZone: string): string {
  let formatter = offsetFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    offsetFormatters.set(timeZone, formatter);
  }
  const text = formatter.format(instantMs);
  return text.slice(text.lastIndexOf("GMT"));
}

/** The zone's offset changes with `at` in [fromMs, untilMs). */
export function offsetTransitions(timeZone: string, fromMs: number, untilMs: number): Transition[] {
  const transitions: Transition[] = [];
  // Start one second early so that a transition exactly at `from` is seen.
  let cursor = fromMs - SECOND_MS;
  let offset = scanOffset(cursor, timeZone);
  while (cursor < untilMs) {
    const next = Math.min(cursor + SCAN_STEP_MS, untilMs);
    const nextOffset = scanOffset(next, timeZone);
    if (nextOffset === offset) {
      cursor = next;
      continue;
    }
    // Bisect to the second: low keeps the old offset, high has another one.
    let low = cursor;
    let high = next;
    while (high - low > SECOND_MS) {
      const middle = low + Math.floor((high - low) / 2);
      if (scanOffset(middle, timeZone) === offset) low = middle;
      else high = middle;
    }
    // Transitions fall on whole seconds; high is less than a second after one.
    const at = high - (((high % SECOND_MS) + SECOND_MS) % SECOND_MS);
    const before = offsetAt(at - 1, timeZone);
    const after = offsetAt(at, timeZone);
    if (at >= fromMs && at < untilMs && before !== after) transitions.push({ at, before, after });
    // Go on from the transition: a second change within the same step is found too.
    cursor = at;
    offset = scanOffset(at, timeZone);
  }
  return transitions;
}

// ---------------------------------------------------------------------------------------------
// The wall times a trigger has on an ordinary day: the same trigger evaluated on a clock without
// DST. Wall values are UTC-encoded wall readings (see zoned-time.ts).

/**
 * Croner with the options of createCron (cron.ts), on a fixed UTC offset of 0, which makes its
 * fire times wall values. (A fixed offset also skips the Intl work a named zone costs.)
 */
function wallCron(trigger: CronTrigger): Cron {
  return new Cron(trigger.expression.trim(), { utcOffset: 0, mode: "5-or-6-parts", domAndDow: false });
}

/**
 * The wall times in [fromWall, toWall) that the trigger has on an ordinary day, at most `limit`.
 * `nominal` maps a wall time to the instant it would be without the transition (for the bounds of
 * cron triggers, which are instants).
 */
function wallTimes(trigger: Trigger, fromWall: number, toWall: number, nominal: (wall: number) => number, limit: number): number[] {
  const walls: number[] = [];
  switch (trigger.type) {
    case "interval":
      return walls; // absolute time: DST does not move an interval
    case "date": {
      if (OFFSET_SUFFIX.test(trigger.runAt)) return walls; // an instant, not a wall time
      const wall = parseWallTime(trigger.runAt);
      if (wall >= fromWall && wall < toWall) walls.push(wall);
      return walls;
    }
    case "calendar": {
      const onUtcClock = { ...trigger, timezone: "UTC" };
      let cursor = fromWall - 1;
      while (walls.length < limit) {
        const next = calendarFireTimes(onUtcClock, cursor, 1)[0];
        if (next === undefined || next >= toWall) break;
        walls.push(next);
        cursor = next;
      }
      return walls;
    }
    case "cron": {
      const cron = wallCron(trigger);
      const startMs = trigger.start ? Date.parse(trigger.start) : -Infinity;
      const endMs = trigger.end ? Date.parse(trigger.end) : Infinity;
      let cursor = fromWall - 1;
      while (walls.length < limit) {
        const next = cron.nextRun(new Date(cursor));
        if (!next || next.getTime() >= toWall) break;
        const wall = next.getTime();
        const instant = nominal(wall);
        if (instant >= startMs && instant <= endMs) walls.push(wall);
        cursor = wall;
      }
      return walls;
    }
  }
}

/** The trigger's first real fire strictly after `afterMs`, if any. */
function firstFireAfter(trigger: Trigger, afterMs: number): number | undefined {
  return fireTimesOf(trigger, new Date(afterMs), 1)[0]?.getTime();
}

// ---------------------------------------------------------------------------------------------
// Words

const pad = (n: number) => String(n).padStart(2, "0");

function localDate(wallMs: number): string {
  const d = new Date(wallMs);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

function clock(wallMs: number): string {
  const d = new Date(wallMs);
  const seconds = d.getUTCSeconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ""}`;
}

const abbreviationFormatters = new Map<string, Intl.DateTimeFormat>();

function abbreviationIn(locale: string, instantMs: number, timeZone: string): string {
  const key = `${locale} ${timeZone}`;
  let formatter = abbreviationFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" });
    abbreviationFormatters.set(key, formatter);
  }
  return formatter.formatToParts(instantMs).find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** The zone's abbreviation at an instant (EDT, BST, CET), or its offset (GMT+10:30) when it has none. */
function abbreviation(instantMs: number, timeZone: string): string {
  const us = abbreviationIn("en-US", instantMs, timeZone);
  if (!/^GMT[+-]/.test(us)) return us;
  const gb = abbreviationIn("en-GB", instantMs, timeZone);
  return /^GMT[+-]/.test(gb) ? us : gb;
}

function list(times: string[], locale: Locale): string {
  if (locale === "zh_CN") return times.join("、");
  return times.length <= 1 ? (times[0] ?? "") : `${times.slice(0, -1).join(", ")} and ${times[times.length - 1]}`;
}

const LISTED_TIMES = 5;

// ---------------------------------------------------------------------------------------------

function gapNote(trigger: Trigger, transition: Transition, locale: Locale): DstNote | undefined {
  const zone = trigger.timezone;
  const gap = transition.after - transition.before;
  const gapStart = transition.at + transition.before; // the first wall time that does not exist
  const gapEnd = gapStart + gap; // the wall time the clock jumps to
  const missing = wallTimes(trigger, gapStart, gapEnd, (wall) => wall - transition.before, Number.POSITIVE_INFINITY);
  if (missing.length === 0) return undefined;
  const date = localDate(gapStart);
  // Fixed-time schedules fire at the end of the gap instead; the others skip the missing times.
  // A fire at the end of the gap only counts as moved if the schedule does not have that time anyway.
  const firesAtEnd = firstFireAfter(trigger, transition.at - 1) === transition.at;
  const hasEnd = wallTimes(trigger, gapEnd, gapEnd + 1, () => transition.at, 1).length > 0;
  if (firesAtEnd && !hasEnd) {
    const times = list(missing.slice(0, LISTED_TIMES).map(clock), locale);
    const one = missing.length === 1;
    const message =
      locale === "zh_CN"
        ? `${date}，${zone} 没有 ${times} 这个时间：${one ? "该次运行" : "这些运行合并为一次，"}改在 ${clock(gapEnd)} 执行。`
        : `On ${date}, ${times} ${one ? "does" : "do"} not exist in ${zone}: ${one ? "that run fires" : "those runs fire once,"} at ${clock(gapEnd)} instead.`;
    return { date, kind: "shifted", message };
  }
  const n = missing.length;
  const message =
    locale === "zh_CN"
      ? `${date}，${zone} 不存在 ${clock(gapStart)} 至 ${clock(gapEnd)} 之间的时间：跳过 ${n} 次运行。`
      : `On ${date}, the times between ${clock(gapStart)} and ${clock(gapEnd)} do not exist in ${zone}: ${n} ${n === 1 ? "run is" : "runs are"} skipped.`;
  return { date, kind: "skipped", message };
}

function repeatNote(trigger: Trigger, transition: Transition, locale: Locale): DstNote | undefined {
  const zone = trigger.timezone;
  const overlap = transition.before - transition.after;
  const repeatEnd = transition.at + transition.before; // the wall time the clock jumps back from
  const repeatStart = repeatEnd - overlap; // ... and to
  const repeated = wallTimes(trigger, repeatStart, repeatEnd, (wall) => wall - transition.before, LISTED_TIMES + 1);
  if (repeated.length === 0) return undefined;
  // The first pass is [at - overlap, at), the second [at, at + overlap): both read as the window.
  const firstPass = (firstFireAfter(trigger, transition.at - overlap - 1) ?? Infinity) < transition.at;
  const secondPass = (firstFireAfter(trigger, transition.at - 1) ?? Infinity) < transition.at + overlap;
  if (!firstPass && !secondPass) return undefined;
  const date = localDate(repeatStart);
  const earlier = abbreviation(transition.at - 1, zone);
  const later = abbreviation(transition.at, zone);
  if (firstPass && secondPass) {
    const message =
      locale === "zh_CN"
        ? `${date}，${clock(repeatStart)} 至 ${clock(repeatEnd)} 之间的时间在 ${zone} 出现两次：此计划在这段时间内执行两遍，${earlier} 和 ${later} 各一遍。`
        : `On ${date} this schedule fires twice between ${clock(repeatStart)} and ${clock(repeatEnd)} (${zone}): once in ${earlier} and once in ${later}.`;
    return { date, kind: "repeated", message };
  }
  const times = list(repeated.slice(0, LISTED_TIMES).map(clock), locale);
  const one = repeated.length === 1;
  const which = firstPass ? earlier : later;
  const message =
    locale === "zh_CN"
      ? `${date}，${times} 在 ${zone} 出现两次：只在${firstPass ? "第一次" : "第二次"}出现时（${which}）执行一次。`
      : `On ${date}, ${times} ${one ? "occurs" : "occur"} twice in ${zone}: ${one ? "the run fires" : "each run fires"} once, at the ${firstPass ? "first" : "second"} occurrence (${which}).`;
  return { date, kind: "once", message };
}

/**
 * What the trigger does at each DST transition of its zone in [from, until): only transitions that
 * move, skip or repeat at least one of its runs get a note. Interval triggers never do (they run in
 * absolute time), nor do date triggers given as an instant with an offset.
 */
export function dstNotes(trigger: Trigger, from: Date, until: Date, locale: Locale): DstNote[] {
  if (trigger.type === "interval") return [];
  if (trigger.type === "date" && OFFSET_SUFFIX.test(trigger.runAt)) return [];
  const notes: DstNote[] = [];
  for (const transition of offsetTransitions(trigger.timezone, from.getTime(), until.getTime())) {
    const note = transition.after > transition.before ? gapNote(trigger, transition, locale) : repeatNote(trigger, transition, locale);
    if (note) notes.push(note);
  }
  return notes;
}
