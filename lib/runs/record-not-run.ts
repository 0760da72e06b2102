// Queued runs that will not start, recorded as such: skipped (max instances, coalesced) or missed
// (waited past the misfire grace). One statement for the whole list, which crosses into SQL as one
// JSON parameter; a run that stopped being queued meanwhile is left alone.
import type { Prisma } from "../db";
import { sqlInstant, type DbProvider } from "../db";

export type NotRunRecord = { id: string; status: "skipped" | "missed"; reason: string };

export async function recordNotRun(tx: Prisma.TransactionClient, provider: DbProvider, records: NotRunRecord[], now: Date): Promise<number> {
  if (records.length === 0) return 0;
  const rows = JSON.stringify(records);
  if (provider === "postgresql") {
    return tx.$executeRaw`
      UPDATE "Run" AS r SET "status" = v.status::"RunStatus", "reason" = v.reason, "finishedAt" = ${sqlInstant(provider, now)}, "updatedAt" = ${sqlInstant(provider, now)}
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(id text, status text, reason text)
      WHERE r."id" = v.id AND r."status" = 'queued'`;
  }
  // The unary + keeps SQLite from driving the update from the status index: the JSON list drives.
  return tx.$executeRaw`
    UPDATE "Run" SET "status" = v.status, "reason" = v.reason, "finishedAt" = ${now.getTime()}, "updatedAt" = ${now.getTime()}
    FROM (SELECT json_extract(value, '$.id') AS id, json_extract(value, '$.status') AS status, json_extract(value, '$.reason') AS reason
          FROM json_each(${rows})) AS v
    WHERE "Run"."id" = v.id AND +"Run"."status" = 'queued'`;
}
