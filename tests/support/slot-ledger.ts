// The ledger of per-second HTTP jobs, beside the runs oracle: waiting until their slots are run and
// settled, what the misfire policy promises for slots that fell due while no worker ran
// (docs/scheduling.md, "Misfires and catch-up", restated here independently of lib/schedule), and
// what the receiving end saw compared with the runs table.
import { expect } from "vitest";
import type { Db } from "@/lib/db";
import { supersededBy } from "@/lib/schedule/plan-slots";
import type { Hit } from "./recorder";
import { eventually } from "./worker-process";

/** Every job has a succeeded run of a slot after `after`: a worker is running them all. */
export function everyJobSucceededAfter(db: Db, jobIds: string[], after: Date, what: string) {
  return eventually(
    async () => {
      for (const jobId of jobIds) {
        if ((await db.run.count({ where: { jobId, status: "succeeded", slotAt: { gt: after } } })) === 0) return undefined;
      }
      return true;
    },
    90_000,
    what,
  );
}

/**
 * Every slot of the jobs up to `to` planned and finished. A run whose outcome could not be written
 * stays running until its lease expires and the reaper records it lost: allow for a lease or two.
 */
export function everySlotSettledUpTo(db: Db, jobIds: string[], to: Date) {
  const ids = { in: jobIds };
  return eventually(
    async () => {
      const [unplanned, unfinished] = await Promise.all([
        db.job.count({ where: { id: ids, nextRunAt: { lte: to } } }),
        db.run.count({ where: { jobId: ids, status: { in: ["queued", "running"] }, slotAt: { lte: to } } }),
      ]);
      return unplanned === 0 && unfinished === 0 ? true : undefined;
    },
    60_000,
    "every slot up to the end of the window to be settled",
  );
}

export type MisfirePolicy = { coalesce: "latest" | "all" | "skip"; misfireGraceSeconds: number | null };
/** A scheduled run as the runs oracle returns it (scheduled runs always have a slot). */
export type SlotRow = { slotAt: Date | null; status: string; reason: string | null };

const iso = (at: Date) => at.toISOString().replace(".000Z", "Z");

/**
 * The rows the documented policy gives the slots due at `tick` (the instant the returning worker
 * planned them): [slot, status, reason], with "succeeded" for the slots that run. Worded for the
 * scale of these tests: under 100 slots (the catch-up cap) and lateness under 2 min (in seconds).
 */
export function promisedRows(slots: Date[], tick: Date, { coalesce, misfireGraceSeconds }: MisfirePolicy): [string, string, string | null][] {
  const lateMs = (slot: Date) => tick.getTime() - slot.getTime();
  if (slots.length >= 100 || slots.some((slot) => lateMs(slot) >= 120_000)) throw new Error("outside what this oracle words: 100 slots or 2 min late");
  const graceMs = misfireGraceSeconds === null ? Infinity : misfireGraceSeconds * 1000;
  const inGrace = slots.filter((slot) => lateMs(slot) <= graceMs);
  const newest = inGrace.at(-1);
  return slots.map((slot) => {
    if (lateMs(slot) > graceMs) {
      return [iso(slot), "missed", `started too late: ${Math.round(lateMs(slot) / 1000)} s after its time; the misfire grace is ${misfireGraceSeconds} s`];
    }
    if (coalesce === "all" || slot === newest) return [iso(slot), "succeeded", null];
    if (coalesce === "latest") return [iso(slot), "skipped", `coalesced into the ${iso(newest!)} run`];
    return [iso(slot), "missed", "not caught up: the job's policy is to skip missed slots"];
  });
}

/**
 * How the newest slot of a backlog ended if it rightly gave way to the next slot: planned at one
 * instant and claimed a moment later, it was still waiting when the next slot came due (latest and
 * skip; docs/scheduling.md, "Waiting for a place"), and that slot ran. Null when it did not.
 */
export function gaveWayToNextSlot(newest: SlotRow, rows: SlotRow[], coalesce: MisfirePolicy["coalesce"]): { status: string; reason: string } | null {
  if (coalesce === "all") return null;
  const nextSlot = new Date(newest.slotAt!.getTime() + 1000);
  const next = rows.find((row) => row.slotAt?.getTime() === nextSlot.getTime());
  const gaveWay = supersededBy(coalesce, nextSlot);
  return next?.status === "succeeded" && gaveWay && newest.reason === gaveWay.reason ? gaveWay : null;
}

/**
 * A slot planned at `tick` within the misfire grace by less than a second may be past the grace when
 * it is claimed a moment later: it is then missed as a run that waited for a place, rightly.
 */
export function missedAtGraceEdge(row: SlotRow, tick: Date, misfireGraceSeconds: number | null): boolean {
  if (misfireGraceSeconds === null) return false;
  const edge = tick.getTime() - row.slotAt!.getTime() > misfireGraceSeconds * 1000 - 1000;
  return edge && row.status === "missed" && !!row.reason?.endsWith(`the misfire grace is ${misfireGraceSeconds} s (it waited for a free place)`);
}

export function actualRows(rows: SlotRow[]): [string, string, string | null][] {
  return rows.map((row) => [iso(row.slotAt!), row.status, row.reason]);
}

/**
 * The recorder's view of one job (its hits are those on `path`) agrees with the job's runs: no slot
 * was called twice, each succeeded run was called exactly once, a missed or skipped slot never, and a
 * lost run at most once (its call may have happened before its outcome could not be written).
 */
export async function expectCallsMatchRuns(db: Db, jobId: string, hits: Hit[], path: string) {
  const calls = hits.filter((hit) => hit.path === path);
  const bySlot = new Map<string | null, number>();
  for (const hit of calls) bySlot.set(hit.scheduledFor, (bySlot.get(hit.scheduledFor) ?? 0) + 1);
  expect([...bySlot].filter(([, count]) => count > 1), `slots called twice on ${path}`).toEqual([]);

  const runs = await db.run.findMany({ where: { jobId }, select: { id: true, slotAt: true, status: true } });
  const byRun = new Map<string | null, number>();
  for (const hit of calls) byRun.set(hit.runId, (byRun.get(hit.runId) ?? 0) + 1);
  for (const run of runs) {
    const count = byRun.get(run.id) ?? 0;
    const what = `calls of the ${run.status} run of ${run.slotAt?.toISOString()}`;
    if (run.status === "succeeded") expect(count, what).toBe(1);
    else if (run.status === "lost") expect(count, what).toBeLessThanOrEqual(1);
    else expect(count, what).toBe(0);
  }
  const known = new Set(runs.map((run) => run.id));
  expect(calls.filter((hit) => !known.has(hit.runId ?? "")), `calls on ${path} of no run of the job`).toEqual([]);
}
