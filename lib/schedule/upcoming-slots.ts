import type { Trigger } from "../validation/trigger";
import { fireTimesOf } from "./next-fire-times";
import { isWaitingSlot } from "./waiting-slot";

export type UpcomingSlots = {
  /** The due slot no worker has decided yet, when it has waited past WAITING_AFTER_MS. */
  waiting: Date | null;
  /** The slots still ahead (a slot due less than WAITING_AFTER_MS ago is left out, unmentioned). */
  upcoming: Date[];
};

/**
 * The next runs a job page lists. A job's nextRunAt stays on its slot until a worker decides it (runs,
 * skips or records it missed), so it lies in the past while no worker is there or while the slot waits
 * for a running run (max instances). Listing on from it would show slots that have already gone by:
 * the list goes on from now, and a slot that has waited is given apart. Without a clock (`now` null:
 * server rendering) the list starts at nextRunAt. A trigger that can't be read lists nextRunAt alone
 * while it is ahead.
 */
export function upcomingSlots(trigger: Trigger, nextRunAt: Date, now: number | null, count: number): UpcomingSlots {
  const passed = now !== null && nextRunAt.getTime() <= now;
  const waiting = isWaitingSlot(nextRunAt, now) ? nextRunAt : null;
  // Fire times are strictly after `after`: from a millisecond before nextRunAt, nextRunAt is the first.
  const after = passed ? new Date(now) : new Date(nextRunAt.getTime() - 1);
  try {
    return { waiting, upcoming: fireTimesOf(trigger, after, count) };
  } catch {
    return { waiting, upcoming: passed ? [] : [nextRunAt] };
  }
}
