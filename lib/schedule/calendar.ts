import type { CalendarTrigger } from "../validation/trigger";
import { MAX_INSTANT_MS, instantOfWall, parseWallTime } from "./zoned-time";

const DAY_MS = 86_400_000;

/** The wall value of the k-th fire: the start date plus k steps, months clamped to the month's end. */
function wallOfStep(startWall: number, every: CalendarTrigger["every"], k: number): number {
  const start = new Date(startWall);
  const months = ((every.years ?? 0) * 12 + (every.months ?? 0)) * k;
  const days = ((every.weeks ?? 0) * 7 + (every.days ?? 0)) * k;
  const year = start.getUTCFullYear() + Math.floor((start.getUTCMonth() + months) / 12);
  const month = (((start.getUTCMonth() + months) % 12) + 12) % 12;
  // Jan 31 + 1 month is Feb 28 (or 29), and + 2 months is Mar 31 again: always from the start date.
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  return Date.UTC(year, month, day, start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds()) + days * DAY_MS;
}

/** Approximate length of one step, only used to jump close to `after` instead of walking from the start. */
function approximateStepMs(every: CalendarTrigger["every"]): number {
  return ((every.years ?? 0) * 365.2425 + (every.months ?? 0) * 30.436875 + (every.weeks ?? 0) * 7 + (every.days ?? 0)) * DAY_MS;
}

/** Fire times of a calendar trigger strictly after `afterMs`; wall times in DST gaps move to the gap's end. */
export function calendarFireTimes(trigger: CalendarTrigger, afterMs: number, count: number, untilMs = Infinity): number[] {
  const at = trigger.at.length === 5 ? `${trigger.at}:00` : trigger.at;
  const startWall = parseWallTime(`${trigger.startDate}T${at}`);
  const endWall = trigger.endDate ? parseWallTime(`${trigger.endDate}T23:59:59.999`) : Infinity;
  const stepMs = approximateStepMs(trigger.every);
  const startMs = instantOfWall(startWall, trigger.timezone);
  // Jump to a couple of steps before `after` (the estimate can be off by the month-length spread).
  let k = afterMs > startMs ? Math.max(0, Math.floor((afterMs - startMs) / stepMs) - 2) : 0;
  const times: number[] = [];
  while (times.length < count) {
    const wall = wallOfStep(startWall, trigger.every, k);
    // NaN: a year past what Date.UTC can hold; the series ends like at an end date.
    if (!(wall <= endWall) || wall > MAX_INSTANT_MS - 86_400_000) break;
    const instant = instantOfWall(wall, trigger.timezone);
    if (instant > untilMs) break;
    if (instant > afterMs && (times.length === 0 || instant > times[times.length - 1]!)) times.push(instant);
    k += 1;
  }
  return times;
}
