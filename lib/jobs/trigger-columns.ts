// A Trigger ↔ the Job columns that store it. The zone and the cron/interval bounds are columns of
// their own (so they can be queried); the `trigger` JSON column holds only the type's parameters.
import type { TriggerType } from "../db";
import { Trigger, type CalendarTrigger, type CronTrigger, type DateTrigger, type IntervalTrigger } from "../validation/trigger";

export type TriggerParams =
  | Pick<CronTrigger, "expression">
  | Pick<IntervalTrigger, "every">
  | Pick<DateTrigger, "runAt">
  | Pick<CalendarTrigger, "every" | "at" | "startDate" | "endDate">;

export type TriggerColumns = {
  triggerType: TriggerType;
  trigger: TriggerParams;
  timezone: string;
  /** Start bound of a cron or interval trigger (inclusive); null otherwise. */
  startAt: Date | null;
  /** End bound of a cron or interval trigger (inclusive); null otherwise. */
  endAt: Date | null;
};

/** What triggerFromColumns reads: a Job row's trigger columns, the JSON as Prisma returns it. */
export type StoredTriggerColumns = Omit<TriggerColumns, "trigger"> & { trigger: unknown };

const instantOrNull = (iso: string | undefined): Date | null => (iso === undefined ? null : new Date(iso));

export function triggerToColumns(trigger: Trigger): TriggerColumns {
  const { timezone } = trigger;
  switch (trigger.type) {
    case "cron":
      return { triggerType: "cron", trigger: { expression: trigger.expression }, timezone, startAt: instantOrNull(trigger.start), endAt: instantOrNull(trigger.end) };
    case "interval":
      return { triggerType: "interval", trigger: { every: trigger.every }, timezone, startAt: new Date(trigger.start), endAt: instantOrNull(trigger.end) };
    case "date":
      // Kept as written: a runAt without an offset is a wall time in the zone, not an instant.
      return { triggerType: "date", trigger: { runAt: trigger.runAt }, timezone, startAt: null, endAt: null };
    case "calendar": {
      const params: Pick<CalendarTrigger, "every" | "at" | "startDate" | "endDate"> = { every: trigger.every, at: trigger.at, startDate: trigger.startDate };
      if (trigger.endDate !== undefined) params.endDate = trigger.endDate;
      return { triggerType: "calendar", trigger: params, timezone, startAt: null, endAt: null };
    }
  }
}

/**
 * The inverse of triggerToColumns. Start and end come back as UTC ISO strings
 * ("2026-12-01T09:15:00.000Z"): the same instants, whatever offset they were written with. A row
 * that does not hold a valid trigger (edited by hand) throws: there is no schedule to show or run.
 */
export function triggerFromColumns(row: StoredTriggerColumns): Trigger {
  const params = (row.trigger ?? {}) as Record<string, unknown>;
  const bounds = {
    ...(row.startAt ? { start: row.startAt.toISOString() } : {}),
    ...(row.endAt ? { end: row.endAt.toISOString() } : {}),
  };
  let candidate: Record<string, unknown>;
  switch (row.triggerType) {
    case "cron":
      candidate = { type: "cron", expression: params.expression, ...bounds };
      break;
    case "interval":
      candidate = { type: "interval", every: params.every, ...bounds };
      break;
    case "date":
      candidate = { type: "date", runAt: params.runAt };
      break;
    case "calendar":
      candidate = { type: "calendar", every: params.every, at: params.at, startDate: params.startDate };
      if (params.endDate !== undefined) candidate.endDate = params.endDate;
      break;
  }
  const parsed = Trigger.safeParse({ ...candidate, timezone: row.timezone });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "trigger"}: ${issue.message}`).join("; ");
    throw new Error(`The stored ${row.triggerType} trigger is invalid (${problems})`);
  }
  return parsed.data;
}
