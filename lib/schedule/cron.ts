import { Cron } from "croner";
import { cronExpressionProblems } from "./cron-problems";

// Parsing an expression costs more than finding its next fire time, and the same expression is
// parsed again and again (validate then compute, every fire of a job, every preview): keep recent
// ones. A Cron built without a callback is never scheduled, and nextRun is always given its start
// instant, so a cached instance carries no state between callers.
const cache = new Map<string, Cron>();
const MAX_CACHED = 1000;

/** Croner, set to the rules Sundial documents: 5 or 6 fields, day-of-month OR day-of-week. */
export function createCron(expression: string, timezone: string): Cron {
  const key = `${timezone} ${expression.trim()}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const cron = new Cron(expression.trim(), { timezone, mode: "5-or-6-parts", domAndDow: false });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, cron);
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
