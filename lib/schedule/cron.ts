import { Cron } from "croner";
import { cronExpressionProblems } from "./cron-problems";

/** Croner, set to the rules Sundial documents: 5 or 6 fields, day-of-month OR day-of-week. */
export function createCron(expression: string, timezone: string): Cron {
  return new Cron(expression.trim(), { timezone, mode: "5-or-6-parts", domAndDow: false });
}

/**
 * Problems with a cron expression, or an empty list when croner accepts it. Our own messages come
 * first (they name the field and the allowed range); croner's is the fallback, so the engine that
 * schedules the expression is always the one that decides.
 */
export function cronProblems(expression: string, timezone: string): string[] {
  const explained = cronExpressionProblems(expression);
  try {
    createCron(expression, timezone);
  } catch (error) {
    if (explained.length > 0) return explained;
    const message = error instanceof Error ? error.message.replace(/^CronPattern: /, "") : String(error);
    return [message];
  }
  return [];
}
