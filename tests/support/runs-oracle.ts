// The oracle every worker test ends with: from the runs table, every due slot of a job in a window
// has exactly one row (a run, or a recorded miss or skip with its reason), and nothing is left running.
import { expect } from "vitest";
import type { Db } from "@/lib/db";

export async function expectEverySlotOnce(db: Db, jobId: string, { from, to, periodMs }: { from: Date; to: Date; periodMs: number }) {
  const runs = await db.run.findMany({
    where: { jobId, source: "schedule", slotAt: { gte: from, lte: to } },
    orderBy: { slotAt: "asc" },
    select: { slotAt: true, status: true, reason: true, errorMessage: true },
  });
  const expected: number[] = [];
  for (let t = Math.ceil(from.getTime() / periodMs) * periodMs; t <= to.getTime(); t += periodMs) expected.push(t);
  expect(runs.map((r) => r.slotAt!.getTime())).toEqual(expected);
  for (const run of runs) {
    if (run.status === "missed" || run.status === "skipped") expect(run.reason, `slot ${run.slotAt!.toISOString()}`).toBeTruthy();
  }
  return runs;
}

export async function expectNothingRunning(db: Db) {
  expect(await db.run.count({ where: { status: "running" } })).toBe(0);
}
