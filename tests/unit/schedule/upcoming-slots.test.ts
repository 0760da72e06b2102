import { describe, expect, it } from "vitest";
import { isWaitingSlot, upcomingSlots, WAITING_AFTER_MS } from "@/lib/schedule";
import type { Trigger } from "@/lib/validation/trigger";

const everySecond: Trigger = { type: "cron", expression: "* * * * * *", timezone: "UTC" };
const everyMinute: Trigger = { type: "cron", expression: "* * * * *", timezone: "UTC" };
const at = (iso: string) => new Date(`2026-12-01T10:${iso}Z`);
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

describe("upcomingSlots", () => {
  it("lists from nextRunAt when it is ahead, nextRunAt first", () => {
    const result = upcomingSlots(everyMinute, at("05:00"), at("04:30").getTime(), 3);
    expect(result.waiting).toBeNull();
    expect(iso(result.upcoming)).toEqual(iso([at("05:00"), at("06:00"), at("07:00")]));
  });

  it("lists from nextRunAt without a clock (server rendering), even when it has gone by", () => {
    const result = upcomingSlots(everySecond, at("00:00"), null, 2);
    expect(result.waiting).toBeNull();
    expect(iso(result.upcoming)).toEqual(iso([at("00:00"), at("00:01")]));
  });

  it("says nothing of a slot that is being started (due less than WAITING_AFTER_MS ago), and lists from now", () => {
    const now = at("00:00").getTime() + WAITING_AFTER_MS - 1;
    const result = upcomingSlots(everySecond, at("00:00"), now, 2);
    expect(result.waiting).toBeNull();
    expect(iso(result.upcoming)).toEqual(iso([at("00:02"), at("00:03")]));
  });

  it("lists a slot due this very millisecond no more", () => {
    const result = upcomingSlots(everySecond, at("00:00"), at("00:00").getTime(), 1);
    expect(iso(result.upcoming)).toEqual(iso([at("00:01")]));
  });

  // The job page of a per-second job whose runs take 5 s (max instances 1) listed "4 sec. ago, 3 sec.
  // ago, …": its nextRunAt waits for the running run to end.
  it("gives a slot that has waited apart and lists the slots after now", () => {
    const now = at("00:05.300").getTime();
    const result = upcomingSlots(everySecond, at("00:00"), now, 3);
    expect(result.waiting).toEqual(at("00:00"));
    expect(iso(result.upcoming)).toEqual(iso([at("00:06"), at("00:07"), at("00:08")]));
  });

  it("keeps an interval trigger on its anchor after a wait", () => {
    const trigger: Trigger = { type: "interval", every: { minutes: 10 }, start: "2026-12-01T09:55:00Z", timezone: "UTC" };
    const result = upcomingSlots(trigger, at("05:00"), at("31:00").getTime(), 2);
    expect(result.waiting).toEqual(at("05:00"));
    expect(iso(result.upcoming)).toEqual(iso([at("35:00"), at("45:00")]));
  });

  it("leaves a one-off date whose moment has passed with nothing after it", () => {
    const trigger: Trigger = { type: "date", runAt: "2026-12-01T10:00:00Z", timezone: "UTC" };
    const result = upcomingSlots(trigger, at("00:00"), at("10:00").getTime(), 5);
    expect(result).toEqual({ waiting: at("00:00"), upcoming: [] });
  });

  it("lists nextRunAt alone for a trigger that can't be read (bad input: a cron of 9 fields)", () => {
    const broken: Trigger = { type: "cron", expression: "* * * * * * * * *", timezone: "UTC" };
    expect(upcomingSlots(broken, at("05:00"), at("04:00").getTime(), 5)).toEqual({ waiting: null, upcoming: [at("05:00")] });
    expect(upcomingSlots(broken, at("05:00"), at("09:00").getTime(), 5)).toEqual({ waiting: at("05:00"), upcoming: [] });
    expect(upcomingSlots(broken, at("05:00"), at("05:01").getTime(), 5)).toEqual({ waiting: null, upcoming: [] });
  });

  it("calls a slot waiting only past WAITING_AFTER_MS, and never without a clock", () => {
    expect(isWaitingSlot(at("00:00"), at("00:00").getTime() + WAITING_AFTER_MS)).toBe(false);
    expect(isWaitingSlot(at("00:00"), at("00:00").getTime() + WAITING_AFTER_MS + 1)).toBe(true);
    expect(isWaitingSlot(at("00:00"), null)).toBe(false);
  });
});
