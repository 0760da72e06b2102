// The scheduling library's public surface: pure time math, no I/O. (The one barrel in the code base:
// lib/schedule is a leaf that imports nothing but lib/validation and lib/errors.)
export { nextFireTimes, fireTimesOf, parseTrigger, intervalMs, runAtInstant, MAX_FIRE_TIMES } from "./next-fire-times";
export { cronProblems } from "./cron";
export { CRON_NICKNAMES } from "./cron-problems";
export { planSlots, supersededBy, missedWhileQueued, COALESCE_POLICIES, DEFAULT_MAX_CATCH_UP, DEFAULT_MAX_LISTED, type CoalescePolicy, type SlotPlan, type SlotToRun, type SlotNotRun, type MissedSpan, type PlanInput } from "./plan-slots";
export { describeTrigger, describeCron, LOCALES, type Locale } from "./describe";
export { dstNotes, type DstNote } from "./dst-notes";
export { jitteredStart } from "./jitter";
export { upcomingSlots, type UpcomingSlots } from "./upcoming-slots";
export { isWaitingSlot, WAITING_AFTER_MS } from "./waiting-slot";
