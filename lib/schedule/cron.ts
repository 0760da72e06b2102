import { Cron } from "croner";
import { cronExpressionProblems } from "./cron-problems";

// nextFireTimes validates an expression and then computes with it: remember the last parse so that
// costs one parse, not two. Only the last one: a bigger cache of Cron objects measured slower on a
// stream of distinct expressions (objects kept just long enough to reach the old generation). A Cron
// built without a callback is never scheduled and nextRun is always given its start instant, so a
// shared instance carries no state between callers.
let last: { key: string; cron: Cron } | undefined;

// Zones that are UTC under another name. croner converts through Intl for any named zone, which
// measured 10-25x slower per nextRun than a fixed offset of zero (a worker computes one per job per
// fire); the fire times are the same, since UTC has no offset changes.
const UTC_ZONES = new Set(["UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/GMT", "GMT", "Etc/GMT+0", "Etc/GMT-0", "Etc/GMT0", "GMT0", "GMT+0", "GMT-0", "Etc/Greenwich", "Greenwich", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"]);

/** Croner, set to the rules Sundial documents: 5 or 6 fields, day-of-month OR day-of-week. */
export function createCron(expression: string, timezone: string): Cron {
  const key = `${timezone} ${expression}`;
  if (last?.key === key) return last.cron;
  const zone = UTC_ZONES.has(timezone) ? { utcOffset: 0 } : { timezone };
  const cron = new Cron(expression.trim(), { ...zone, mode: "5-or-6-parts", domAndDow: false });
  last = { key, cron };
  return cron;
}

/**
 * Problems with a cron expression, or an empty list when croner accepts it. Our own messages come
 * first (they name the field and the allowed range); croner's is the fallback, so the engine that
 * schedules the expression is always the one that decides.
 */
export function cronProblems(expression: string, timezone: string): string[] {
  try {
    createCron(expression, timezone);
  } catch (error) {
    const explained = cronExpressionProblems(expression);
    if (explained.length > 0) return explained;
    const message = error instanceof Error ? error.message.replace(/^CronPattern: /, "") : String(error);
    return [message];
  }
  return [];
}
