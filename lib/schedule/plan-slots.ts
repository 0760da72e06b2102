// The misfire policy: which due slots of a job run, and how every other due slot is recorded.
// Pure: `now` is passed in (on PostgreSQL it is the database's clock).
//
//   - A slot is due when its time is at or before now. It can still run while it is at most the
//     misfire grace time late (no grace: any lateness). A slot later than that is `missed`: it is
//     recorded, never silently dropped.
//   - Among the due slots still within grace, the coalesce policy decides:
//       latest  only the newest runs; older ones are `skipped`, "coalesced into the 14:05 run"
//               (APScheduler's coalesce);
//       all     each runs, oldest first, at most `maxCatchUp`; the older excess is `missed`;
//       skip    only the newest runs; older ones are `missed` (the job never catches up).
//   - After a long outage, at most `maxListed` of the newest due slots are examined one by one;
//     the older ones become one `missed` record that gives their span and approximate count, so a
//     per-second job stopped for a month costs a bounded amount of work and rows.
//   - A run left waiting to start (no free place) is held to the same rules when a newer slot of
//     its job is due (supersededBy) and when it is finally picked (missedWhileQueued).
//   - Slots after now up to `until` (a worker planning a moment ahead, so that its database work is
//     done before the slot and the run starts on time) are not due yet: each runs, on time.
import type { Trigger } from "../validation/trigger";
import { MAX_FIRE_TIMES, fireTimesOf } from "./next-fire-times";

export const COALESCE_POLICIES = ["latest", "all", "skip"] as const;
export type CoalescePolicy = (typeof COALESCE_POLICIES)[number];

export type SlotToRun = { slotAt: Date; latenessMs: number };
export type SlotNotRun = { slotAt: Date; status: "missed" | "skipped"; reason: string };
/** Older due slots not examined one by one (only after a long outage). */
export type MissedSpan = { from: Date; to: Date; approximateCount: number; reason: string };

export type SlotPlan = {
  run: SlotToRun[];
  notRun: SlotNotRun[];
  missedSpan: MissedSpan | null;
  /** The first slot after now (after `until` when planning ahead), or null when the schedule has ended. */
  nextRunAt: Date | null;
};

export type PlanInput = {
  trigger: Trigger;
  /** The job's first slot not yet handled (its nextRunAt). */
  firstSlot: Date;
  now: Date;
  /** Plan ahead: slots after now up to this instant run too (they are not late). */
  until?: Date;
  misfireGraceSeconds: number | null;
  coalesce: CoalescePolicy;
  maxCatchUp?: number;
  maxListed?: number;
};

export const DEFAULT_MAX_CATCH_UP = 100;
export const DEFAULT_MAX_LISTED = 400;
/** Bounded by how many fire times one lookup may return (MAX_FIRE_TIMES). */
const MAX_LISTED = Math.floor((MAX_FIRE_TIMES - 1) / 2);

function formatSlot(at: Date): string {
  return at.toISOString().replace(".000Z", "Z");
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

function tooLateReason(latenessMs: number, graceMs: number): string {
  return `started too late: ${formatDuration(latenessMs)} after its time; the misfire grace is ${formatDuration(graceMs)}`;
}

/**
 * A run that waited for a free place (every place taken, or no worker up) past its misfire grace is
 * missed when it is finally picked, not started: the same judgement as a slot planned late.
 * Null while it may still start.
 */
export function missedWhileQueued(latenessMs: number, misfireGraceSeconds: number | null): string | null {
  if (misfireGraceSeconds === null || latenessMs <= misfireGraceSeconds * 1000) return null;
  return `${tooLateReason(latenessMs, misfireGraceSeconds * 1000)} (it waited for a free place)`;
}

/**
 * A queued run still waiting to start when a newer slot of its job is due: the job is behind, and
 * the two are due together. Under `latest` and `skip` it gives way to the newer slot, so a backlog
 * never grows beyond one waiting run per job; under `all` it keeps its place.
 */
export function supersededBy(coalesce: CoalescePolicy, newerSlot: Date): Pick<SlotNotRun, "status" | "reason"> | null {
  if (coalesce === "latest") return { status: "skipped", reason: `coalesced into the ${formatSlot(newerSlot)} run (it was still waiting to start)` };
  if (coalesce === "skip") return { status: "missed", reason: `not caught up: still waiting to start when the ${formatSlot(newerSlot)} slot came due; the job's policy is to skip missed slots` };
  return null;
}

/** The due slots from firstSlot to now, newest `maxListed` listed, older ones summarised. */
function dueSlots(trigger: Trigger, firstSlot: Date, now: Date, maxListed: number): { listed: Date[]; older: MissedSpan | null } {
  if (firstSlot > now) return { listed: [], older: null };
  // Only the slots up to now: on an ordinary tick that is one or two, not a whole page of them.
  const afterFirst = fireTimesOf(trigger, firstSlot, maxListed, now);
  const all = [firstSlot, ...afterFirst];
  if (afterFirst.length < maxListed) return { listed: all.slice(-maxListed), older: null };

  // More due slots than we list: find the newest `maxListed` by looking back from now over a window
  // sized from the slots seen so far, widened while it holds too few and narrowed while it holds
  // more than one lookup returns.
  const periodMs = Math.max(1, (all[all.length - 1]!.getTime() - firstSlot.getTime()) / (all.length - 1));
  const lookup = 2 * maxListed + 1;
  let windowMs = periodMs * maxListed;
  let listed: Date[] = [];
  for (let attempt = 0; attempt < 64; attempt += 1) {
    const windowStart = Math.max(firstSlot.getTime(), now.getTime() - windowMs);
    const inWindow = fireTimesOf(trigger, new Date(windowStart - 1), lookup, now);
    if (inWindow.length === lookup) {
      windowMs /= 2;
      continue;
    }
    listed = inWindow.slice(-maxListed);
    if (inWindow.length >= maxListed || windowStart === firstSlot.getTime()) break;
    windowMs *= 2;
  }
  if (listed.length === 0) return { listed: all.slice(-maxListed), older: null };
  const olderEnd = listed[0]!.getTime() - 1;
  if (olderEnd < firstSlot.getTime()) return { listed, older: null };
  const approximateCount = Math.max(1, Math.round((olderEnd - firstSlot.getTime()) / periodMs) + 1);
  return {
    listed,
    older: {
      from: firstSlot,
      to: new Date(olderEnd),
      approximateCount,
      reason: `about ${approximateCount} slots from ${formatSlot(firstSlot)} were due while no worker ran; too many to list one by one`,
    },
  };
}

/** The slots after now, up to and including `until`, none before the job's first unhandled slot. */
function slotsAhead(trigger: Trigger, firstSlot: Date, now: Date, until: Date): Date[] {
  if (until <= now || firstSlot > until) return [];
  if (firstSlot > now) return [firstSlot, ...fireTimesOf(trigger, firstSlot, MAX_LISTED, until)];
  return fireTimesOf(trigger, now, MAX_LISTED, until);
}

export function planSlots(input: PlanInput): SlotPlan {
  const { trigger, firstSlot, now, misfireGraceSeconds, coalesce } = input;
  const maxCatchUp = Math.min(input.maxCatchUp ?? DEFAULT_MAX_CATCH_UP, MAX_LISTED);
  const maxListed = Math.min(MAX_LISTED, Math.max(maxCatchUp, input.maxListed ?? DEFAULT_MAX_LISTED));
  const graceMs = misfireGraceSeconds === null ? Infinity : misfireGraceSeconds * 1000;

  const { listed, older } = dueSlots(trigger, firstSlot, now, maxListed);
  const lateness = (slot: Date) => now.getTime() - slot.getTime();
  const runnable = listed.filter((slot) => lateness(slot) <= graceMs);
  const chosen = new Set<Date>(coalesce === "all" ? runnable.slice(-maxCatchUp) : runnable.slice(-1));

  const run: SlotToRun[] = [];
  const notRun: SlotNotRun[] = [];
  const newestRun = runnable.at(-1);
  for (const slot of listed) {
    if (chosen.has(slot)) {
      run.push({ slotAt: slot, latenessMs: lateness(slot) });
    } else if (lateness(slot) > graceMs) {
      notRun.push({ slotAt: slot, status: "missed", reason: tooLateReason(lateness(slot), graceMs) });
    } else if (coalesce === "all") {
      notRun.push({ slotAt: slot, status: "missed", reason: `catch-up capped at ${maxCatchUp} runs` });
    } else if (coalesce === "latest") {
      notRun.push({ slotAt: slot, status: "skipped", reason: `coalesced into the ${formatSlot(newestRun!)} run` });
    } else {
      notRun.push({ slotAt: slot, status: "missed", reason: "not caught up: the job's policy is to skip missed slots" });
    }
  }
  const horizon = input.until && input.until > now ? input.until : now;
  for (const slot of slotsAhead(trigger, firstSlot, now, horizon)) run.push({ slotAt: slot, latenessMs: 0 });
  const [next] = fireTimesOf(trigger, horizon, 1);
  return { run, notRun, missedSpan: older, nextRunAt: next ?? null };
}
