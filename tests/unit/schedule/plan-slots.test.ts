import { describe, expect, it } from "vitest";
import { planSlots, type PlanInput } from "@/lib/schedule";
import type { Trigger } from "@/lib/validation/trigger";

const T = Date.parse("2026-11-25T12:00:00Z");
const at = (offsetMs: number) => new Date(T + offsetMs);
const everySecond: Trigger = { type: "cron", expression: "* * * * * *", timezone: "UTC" };
const everyMinute: Trigger = { type: "cron", expression: "* * * * *", timezone: "UTC" };

function plan(overrides: Partial<PlanInput>) {
  return planSlots({ trigger: everySecond, firstSlot: at(0), now: at(30_500), misfireGraceSeconds: 60, coalesce: "latest", ...overrides });
}

describe("planSlots", () => {
  it("runs the one due slot on time and points at the next", () => {
    const result = plan({ trigger: everyMinute, now: at(200) });
    expect(result.run).toEqual([{ slotAt: at(0), latenessMs: 200 }]);
    expect(result.notRun).toEqual([]);
    expect(result.nextRunAt).toEqual(at(60_000));
  });

  it("plans nothing before the first slot is due", () => {
    const result = plan({ trigger: everyMinute, firstSlot: at(60_000), now: at(1_000) });
    expect(result).toMatchObject({ run: [], notRun: [], missedSpan: null });
    expect(result.nextRunAt).toEqual(at(60_000));
  });

  describe("planning ahead (until: a worker's lead)", () => {
    it("a slot not yet due within the lead runs on time, and the next slot is the first after the lead", () => {
      const result = plan({ firstSlot: at(1_000), now: at(600), until: at(1_100) });
      expect(result.run).toEqual([{ slotAt: at(1_000), latenessMs: 0 }]);
      expect(result.notRun).toEqual([]);
      expect(result.nextRunAt).toEqual(at(2_000));
    });

    it("nothing is planned when the first slot lies beyond the lead", () => {
      const result = plan({ trigger: everyMinute, firstSlot: at(60_000), now: at(1_000), until: at(1_500) });
      expect(result).toMatchObject({ run: [], notRun: [], missedSpan: null });
      expect(result.nextRunAt).toEqual(at(60_000));
    });

    it("due slots are judged at now (coalesced, here), and the slot within the lead runs besides", () => {
      const result = plan({ coalesce: "latest", now: at(30_500), until: at(31_000) });
      expect(result.run).toEqual([
        { slotAt: at(30_000), latenessMs: 500 },
        { slotAt: at(31_000), latenessMs: 0 },
      ]);
      expect(result.notRun).toHaveLength(30);
      expect(result.notRun[0]!.reason).toBe("coalesced into the 2026-11-25T12:00:30Z run");
      expect(result.nextRunAt).toEqual(at(32_000));
    });

    it("a lead that ends before now changes nothing", () => {
      expect(plan({ until: at(0) })).toEqual(plan({}));
    });
  });

  describe("after 30 s of downtime (31 slots due, all within a 60 s grace)", () => {
    it("latest: runs the newest once, records the rest coalesced into it", () => {
      const result = plan({ coalesce: "latest" });
      expect(result.run).toEqual([{ slotAt: at(30_000), latenessMs: 500 }]);
      expect(result.notRun).toHaveLength(30);
      expect(result.notRun[0]).toEqual({ slotAt: at(0), status: "skipped", reason: "coalesced into the 2026-11-25T12:00:30Z run" });
      expect(result.nextRunAt).toEqual(at(31_000));
    });

    it("all: runs every slot, oldest first", () => {
      const result = plan({ coalesce: "all" });
      expect(result.run.map((r) => r.slotAt)).toEqual(Array.from({ length: 31 }, (_, i) => at(i * 1000)));
      expect(result.run[0]!.latenessMs).toBe(30_500);
      expect(result.notRun).toEqual([]);
    });

    it("skip: runs the newest only and records the rest missed", () => {
      const result = plan({ coalesce: "skip" });
      expect(result.run.map((r) => r.slotAt)).toEqual([at(30_000)]);
      expect(result.notRun.every((n) => n.status === "missed")).toBe(true);
      expect(result.notRun[0]!.reason).toBe("not caught up: the job's policy is to skip missed slots");
    });
  });

  it("records slots later than the grace time as missed, whatever the policy", () => {
    const result = plan({ coalesce: "all", misfireGraceSeconds: 10 });
    // lateness ≤ 10 s: slots 12:00:21 … 12:00:30 (10 of them); 12:00:00 … 12:00:20 are missed.
    expect(result.run.map((r) => r.slotAt)).toEqual(Array.from({ length: 10 }, (_, i) => at((21 + i) * 1000)));
    expect(result.notRun).toHaveLength(21);
    expect(result.notRun[0]).toEqual({
      slotAt: at(0),
      status: "missed",
      reason: "started too late: 31 s after its time; the misfire grace is 10 s",
    });
  });

  it("misses everything when even the newest slot is past its grace", () => {
    const result = plan({ trigger: everyMinute, now: at(5 * 60_000 + 30_000), misfireGraceSeconds: 5 });
    expect(result.run).toEqual([]);
    expect(result.notRun.map((n) => n.status)).toEqual(["missed", "missed", "missed", "missed", "missed", "missed"]);
  });

  it("caps the catch-up of the all policy and says so", () => {
    const result = plan({ coalesce: "all", maxCatchUp: 5 });
    expect(result.run.map((r) => r.slotAt)).toEqual([26, 27, 28, 29, 30].map((s) => at(s * 1000)));
    expect(result.notRun).toHaveLength(26);
    expect(result.notRun[0]!.reason).toBe("catch-up capped at 5 runs");
  });

  it("bounds the work after a month of downtime of a per-second job", () => {
    const now = at(30 * 86_400_000 + 400);
    const result = plan({ now, coalesce: "all", misfireGraceSeconds: null, maxCatchUp: 100, maxListed: 400 });
    expect(result.run).toHaveLength(100);
    expect(result.run.at(-1)!.slotAt).toEqual(at(30 * 86_400_000));
    expect(result.notRun).toHaveLength(300);
    const span = result.missedSpan!;
    expect(span.from).toEqual(at(0));
    expect(span.to.getTime()).toBeLessThan(result.notRun[0]!.slotAt.getTime());
    // 2,592,001 slots due in all; 400 listed; the rest summarised.
    expect(Math.abs(span.approximateCount - (2_592_001 - 400))).toBeLessThanOrEqual(2);
    expect(span.reason).toMatch(/^about \d+ slots from 2026-11-25T12:00:00Z were due while no worker ran/);
    expect(result.nextRunAt).toEqual(at(30 * 86_400_000 + 1000));
  });

  it("lists every slot of a sparse schedule after a long outage (a daily job down a month)", () => {
    const daily: Trigger = { type: "cron", expression: "0 3 * * *", timezone: "Europe/Berlin" };
    const firstSlot = new Date("2026-10-01T01:00:00Z");
    const result = planSlots({ trigger: daily, firstSlot, now: new Date("2026-10-31T12:00:00Z"), misfireGraceSeconds: 3600, coalesce: "latest" });
    expect(result.missedSpan).toBeNull();
    // Oct 1 … Oct 31 at 03:00 Berlin (the last after the switch to CET: 02:00Z): 31 slots, the newest 10 h late, past the 1 h grace.
    expect(result.run).toEqual([]);
    expect(result.notRun).toHaveLength(31);
    expect(result.notRun.at(-1)!.slotAt).toEqual(new Date("2026-10-31T02:00:00Z"));
  });

  it("ends a one-off: a missed date trigger has no next run", () => {
    const once: Trigger = { type: "date", runAt: "2026-11-25T12:00:00Z", timezone: "UTC" };
    const result = plan({ trigger: once, now: at(120_000), misfireGraceSeconds: 60 });
    expect(result.run).toEqual([]);
    expect(result.notRun).toEqual([{ slotAt: at(0), status: "missed", reason: "started too late: 2 min after its time; the misfire grace is 60 s" }]);
    expect(result.nextRunAt).toBeNull();
  });
});
