import { fireTimesOf } from "../schedule";
import type { Trigger } from "../validation/trigger";

/**
 * The slot a job's schedule starts from when it is created, rescheduled or resumed: the first fire
 * time at or after `now` (a fire time exactly now is the first run: starts are inclusive), and after
 * the last slot already recorded, which the unique (jobId, slotAt) index would refuse to record
 * again. Null when the schedule has no run left.
 */
export function nextSlot(trigger: Trigger, now: Date, lastSlotAt: Date | null): Date | null {
  const after = Math.max(now.getTime() - 1, lastSlotAt?.getTime() ?? -Infinity);
  return fireTimesOf(trigger, new Date(after), 1)[0] ?? null;
}
