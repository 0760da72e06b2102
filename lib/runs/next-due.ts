import { dbProvider, rawInstant, sql, sqlInstant, type Db } from "../db";

export type EarliestDue = { slot: Date | null; run: Date | null };


/**
 * The earliest slot of an unpaused job and the earliest queued run's start (a retry's backoff, a
 * jittered slot), after `after` or, without it, past ones included. Without `after`, one look tells
 * a tick whether there is anything to plan or claim at all; with it, when the worker should wake
 * next instead of sleeping a poll interval. An idle worker's tick is this one statement of two
 * index lookups: through Prisma's query builder the two reads cost three times the CPU.
 */
export async function earliestDue(db: Db, after?: Date): Promise<EarliestDue> {
  const provider = dbProvider(db);
  const unpaused = provider === "postgresql" ? sql`false` : sql`0`;
  const slotAfter = after ? sql`AND "nextRunAt" > ${sqlInstant(provider, after)}` : sql``;
  const runAfter = after ? sql`AND "scheduledFor" > ${sqlInstant(provider, after)}` : sql``;
  const [row] = await db.$queryRaw<{ slot: Date | number | null; run: Date | number | null }[]>`
    SELECT (SELECT MIN("nextRunAt") FROM "Job" WHERE "paused" = ${unpaused} AND "nextRunAt" IS NOT NULL ${slotAfter}) AS slot,
           (SELECT MIN("scheduledFor") FROM "Run" WHERE "status" = 'queued' ${runAfter}) AS run`;
  return { slot: row?.slot == null ? null : rawInstant(row.slot), run: row?.run == null ? null : rawInstant(row.run) };
}

/** The first of the two, in epoch milliseconds; Infinity when there is neither. */
export function firstDueMs({ slot, run }: EarliestDue): number {
  return Math.min(slot?.getTime() ?? Infinity, run?.getTime() ?? Infinity);
}
