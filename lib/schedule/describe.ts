// A trigger in plain words, in English or Simplified Chinese. Cron expressions are worded by
// cronstrue, but only after croner (the engine that schedules them) has accepted them; the other
// trigger types are worded here. Every description names the trigger's timezone.
import cronstrue from "cronstrue";
import "cronstrue/locales/zh_CN.js";
import { ValidationError } from "../errors";
import type { CalendarTrigger, DateTrigger, IntervalTrigger, Trigger } from "../validation/trigger";
import { cronProblems } from "./cron";
import type { CRON_NICKNAMES } from "./cron-problems";
import { runAtInstant } from "./next-fire-times";
import { parseWallTime, wallOf } from "./zoned-time";

export const LOCALES = ["en", "zh_CN"] as const;
export type Locale = (typeof LOCALES)[number];

const NICKNAME_EXPANSIONS: Record<(typeof CRON_NICKNAMES)[number], string> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};

// ---------------------------------------------------------------------------------------------
// Dates and times. Wall values (see zoned-time.ts) are formatted as UTC, which reads them back as
// the wall clock they encode.

const dateFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }),
  zh_CN: new Intl.DateTimeFormat("zh-CN", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }),
};
const dayMonthFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short" }),
  zh_CN: new Intl.DateTimeFormat("zh-CN", { timeZone: "UTC", day: "numeric", month: "long" }),
};
const weekdayFormats: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long" }),
  zh_CN: new Intl.DateTimeFormat("zh-CN", { timeZone: "UTC", weekday: "long" }),
};

const pad = (n: number) => String(n).padStart(2, "0");

/** "31 Dec 2026" / "2026年12月31日" for a wall value. */
export function formatWallDate(wallMs: number, locale: Locale): string {
  return dateFormats[locale].format(wallMs);
}

/** "23:59", or "23:59:30" when the seconds are not zero, for a wall value. */
export function formatWallTime(wallMs: number): string {
  const d = new Date(wallMs);
  const seconds = d.getUTCSeconds();
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${seconds ? `:${pad(seconds)}` : ""}`;
}

/** A bound of a cron or interval trigger: the date, and the time unless it is midnight. */
function formatBoundInstant(instant: string, timezone: string, locale: Locale): string {
  const wall = wallOf(Date.parse(instant), timezone);
  const midnight = wall % 86_400_000 === 0;
  return midnight ? formatWallDate(wall, locale) : `${formatWallDate(wall, locale)} ${formatWallTime(wall)}`;
}

function bounds(from: string | undefined, until: string | undefined, locale: Locale): string {
  if (locale === "zh_CN") {
    if (from && until) return `，自${from}起至${until}止`;
    if (from) return `，自${from}起`;
    if (until) return `，至${until}止`;
    return "";
  }
  if (from && until) return `, from ${from} until ${until}`;
  if (from) return `, from ${from}`;
  if (until) return `, until ${until}`;
  return "";
}

const zoneSuffix = (timezone: string) => ` (${timezone})`;

// ---------------------------------------------------------------------------------------------
// Step lengths: "every 2 hours 30 minutes" / "每 2 小时 30 分钟".

type Unit = "years" | "months" | "weeks" | "days" | "hours" | "minutes" | "seconds";

const UNIT_WORDS: Record<Locale, Record<Unit, [one: string, many: string, every: string]>> = {
  en: {
    years: ["year", "years", "every year"],
    months: ["month", "months", "every month"],
    weeks: ["week", "weeks", "every week"],
    days: ["day", "days", "every day"],
    hours: ["hour", "hours", "every hour"],
    minutes: ["minute", "minutes", "every minute"],
    seconds: ["second", "seconds", "every second"],
  },
  zh_CN: {
    years: ["年", "年", "每年"],
    months: ["个月", "个月", "每月"],
    weeks: ["周", "周", "每周"],
    days: ["天", "天", "每天"],
    hours: ["小时", "小时", "每小时"],
    minutes: ["分钟", "分钟", "每分钟"],
    seconds: ["秒", "秒", "每秒"],
  },
};

/** "every week", "every 15 minutes", "every 2 hours 30 minutes" (units in the order given). */
function every(amounts: [Unit, number][], locale: Locale): string {
  const parts = amounts.filter(([, n]) => n > 0);
  if (parts.length === 0) return locale === "zh_CN" ? "每 0 秒" : "every 0 seconds";
  const words = UNIT_WORDS[locale];
  if (parts.length === 1 && parts[0]![1] === 1) return words[parts[0]![0]][2];
  const text = parts.map(([unit, n]) => `${n} ${n === 1 ? words[unit][0] : words[unit][1]}`).join(" ");
  return locale === "zh_CN" ? `每 ${text}` : `every ${text}`;
}

// ---------------------------------------------------------------------------------------------
// Cron

/**
 * A cron expression in plain words, without a timezone. The expression must be one croner
 * accepts (a ValidationError says why not); cronstrue only words it. Croner's extensions that
 * cronstrue does not read (nicknames in any case, a leading + on day-of-week, n#L) are rewritten
 * to forms it does; anything else it cannot word is quoted as it is.
 */
export function describeCron(expression: string, locale: Locale): string {
  const problems = cronProblems(expression, "UTC");
  if (problems.length > 0) throw new ValidationError("The trigger is invalid", { expression: problems });
  let text = expression.trim();
  const nickname = NICKNAME_EXPANSIONS[text.toLowerCase() as keyof typeof NICKNAME_EXPANSIONS];
  if (nickname) text = nickname;
  const fields = text.split(/\s+/);
  let logicalAndDayFields = false;
  const last = fields.length - 1;
  if (fields[last]!.startsWith("+")) {
    // croner: "+" makes day-of-month AND day-of-week both required (the default is OR).
    logicalAndDayFields = true;
    fields[last] = fields[last]!.slice(1);
  }
  fields[last] = fields[last]!.replace(/#L\b/gi, "L"); // FRI#L (croner) = FRIL = 5L (cronstrue)
  try {
    return cronstrue.toString(fields.join(" "), { locale, use24HourTimeFormat: true, verbose: false, logicalAndDayFields });
  } catch {
    return locale === "zh_CN" ? `cron 表达式 "${expression.trim()}"` : `cron "${expression.trim()}"`;
  }
}

// ---------------------------------------------------------------------------------------------
// The four trigger types

function describeInterval(trigger: IntervalTrigger, locale: Locale): string {
  const { weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = trigger.every;
  const step = every(
    [
      ["weeks", weeks],
      ["days", days],
      ["hours", hours],
      ["minutes", minutes],
      ["seconds", seconds],
    ],
    locale,
  );
  const from = formatBoundInstant(trigger.start, trigger.timezone, locale);
  const until = trigger.end ? formatBoundInstant(trigger.end, trigger.timezone, locale) : undefined;
  return `${step}${bounds(from, until, locale)}${zoneSuffix(trigger.timezone)}`;
}

function describeDate(trigger: DateTrigger, locale: Locale): string {
  const wall = wallOf(runAtInstant(trigger.runAt, trigger.timezone), trigger.timezone);
  const date = formatWallDate(wall, locale);
  const time = formatWallTime(wall);
  return locale === "zh_CN"
    ? `${date} ${time} 执行一次${zoneSuffix(trigger.timezone)}`
    : `once on ${date} at ${time}${zoneSuffix(trigger.timezone)}`;
}

const MIN_MONTH_LENGTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Whether a month step from this start ever lands in a month shorter than the start's day. */
function monthStepClamps(startMonth: number, startDay: number, stepMonths: number): boolean {
  if (startDay <= 28 || stepMonths <= 0) return false;
  for (let k = 0; k < 12; k += 1) {
    if (MIN_MONTH_LENGTH[(startMonth + k * stepMonths) % 12]! < startDay) return true;
  }
  return false;
}

function describeCalendar(trigger: CalendarTrigger, locale: Locale): string {
  const zh = locale === "zh_CN";
  const { years = 0, months = 0, weeks = 0, days = 0 } = trigger.every;
  const start = parseWallTime(trigger.startDate);
  const startDate = new Date(start);
  const time = formatWallTime(parseWallTime(`${trigger.startDate}T${trigger.at}`));
  const totalMonths = years * 12 + months;
  const totalDays = weeks * 7 + days;
  let main: string;
  let clampNote = "";
  if (totalMonths === 0 && totalDays % 7 === 0 && totalDays > 0) {
    const n = totalDays / 7;
    const weekday = weekdayFormats[locale].format(start);
    if (zh) main = n === 1 ? `每周${weekday} ${time}` : `每 ${n} 周的${weekday} ${time}`;
    else main = `${n === 1 ? "every week" : `every ${n} weeks`} on ${weekday} at ${time}`;
  } else if (totalMonths === 0) {
    main = zh ? `${every([["days", totalDays]], locale)} ${time}` : `${every([["days", totalDays]], locale)} at ${time}`;
  } else if (totalDays === 0 && totalMonths % 12 === 0) {
    const n = totalMonths / 12;
    const dayMonth = dayMonthFormats[locale].format(start);
    if (zh) main = n === 1 ? `每年${dayMonth} ${time}` : `每 ${n} 年的${dayMonth} ${time}`;
    else main = `${n === 1 ? "every year" : `every ${n} years`} on ${dayMonth} at ${time}`;
    if (startDate.getUTCMonth() === 1 && startDate.getUTCDate() === 29) {
      clampNote = zh ? "，平年在 2月28日执行" : " — 28 Feb in common years";
    }
  } else {
    const day = startDate.getUTCDate();
    if (totalDays === 0) {
      if (zh) main = totalMonths === 1 ? `每月 ${day} 日 ${time}` : `每 ${totalMonths} 个月的 ${day} 日 ${time}`;
      else main = `${totalMonths === 1 ? "every month" : `every ${totalMonths} months`} on day ${day} at ${time}`;
    } else {
      const step = every(
        [
          ["years", years],
          ["months", months],
          ["weeks", weeks],
          ["days", days],
        ],
        locale,
      );
      main = zh ? `${step} ${time}` : `${step} at ${time}`;
    }
    if (monthStepClamps(startDate.getUTCMonth(), day, totalMonths)) {
      clampNote = zh ? "，较短的月份在当月最后一天执行" : " — the last day in shorter months";
    }
  }
  const from = formatWallDate(start, locale);
  const until = trigger.endDate ? formatWallDate(parseWallTime(trigger.endDate), locale) : undefined;
  return `${main}${bounds(from, until, locale)}${zoneSuffix(trigger.timezone)}${clampNote}`;
}

/** The trigger in plain words, always naming its timezone, e.g. "At 02:30 (America/New_York)". */
export function describeTrigger(trigger: Trigger, locale: Locale): string {
  switch (trigger.type) {
    case "cron": {
      const from = trigger.start ? formatBoundInstant(trigger.start, trigger.timezone, locale) : undefined;
      const until = trigger.end ? formatBoundInstant(trigger.end, trigger.timezone, locale) : undefined;
      return `${describeCron(trigger.expression, locale)}${bounds(from, until, locale)}${zoneSuffix(trigger.timezone)}`;
    }
    case "interval":
      return describeInterval(trigger, locale);
    case "date":
      return describeDate(trigger, locale);
    case "calendar":
      return describeCalendar(trigger, locale);
  }
}
