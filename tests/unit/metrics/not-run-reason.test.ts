import { describe, expect, it } from "vitest";
import { notRunReason } from "@/lib/metrics/not-run-reason";
import { planSlots } from "@/lib/schedule";
import type { Trigger } from "@/lib/validation/trigger";

const everySecond: Trigger = { type: "cron", expression: "* * * * * *", timezone: "UTC" };
const T = Date.parse("2026-11-25T12:00:00Z");

/** The reasons the planner really writes, so a reworded sentence fails here instead of turning into "other". */
function reasonsOf(overrides: Partial<Parameters<typeof planSlots>[0]>): { status: "missed" | "skipped"; reason: string }[] {
  const plan = planSlots({ trigger: everySecond, firstSlot: new Date(T), now: new Date(T + 30_500), misfireGraceSeconds: 60, coalesce: "latest", ...overrides });
  return [...plan.notRun, ...(plan.missedSpan ? [{ status: "missed" as const, reason: plan.missedSpan.reason }] : [])];
}

describe("notRunReason", () => {
  it("labels each sentence the planner writes", () => {
    expect(reasonsOf({ coalesce: "latest" }).map((r) => notRunReason(r.status, r.reason))).toContain("coalesced");
    expect(reasonsOf({ misfireGraceSeconds: 10 }).map((r) => notRunReason(r.status, r.reason))).toContain("late");
    expect(reasonsOf({ coalesce: "skip" }).map((r) => notRunReason(r.status, r.reason))).toContain("not_caught_up");
    expect(reasonsOf({ coalesce: "all", maxCatchUp: 5 }).map((r) => notRunReason(r.status, r.reason))).toContain("catch_up_capped");
    expect(reasonsOf({ now: new Date(T + 3_600_000), misfireGraceSeconds: null, maxListed: 10, maxCatchUp: 10 }).map((r) => notRunReason(r.status, r.reason))).toContain("downtime");
    expect(notRunReason("skipped", "max instances reached (1 running)")).toBe("max_instances");
  });

  it("puts unknown, missing and mismatched reasons under other, never a new label", () => {
    expect(notRunReason("missed", "the dog ate it")).toBe("other");
    expect(notRunReason("skipped", null)).toBe("other");
    // "coalesced" is a skip; on a missed row it is not a label that row's series has.
    expect(notRunReason("missed", "coalesced into the 2026-11-25T12:00:30Z run")).toBe("other");
  });
});
