import { describe, expect, it } from "vitest";
import { triggerFromColumns, triggerToColumns } from "@/lib/jobs/trigger-columns";
import type { Trigger } from "@/lib/validation/trigger";

const triggers: Record<string, Trigger> = {
  "cron without bounds": { type: "cron", expression: "*/5 * * * *", timezone: "America/New_York" },
  "cron with start and end": {
    type: "cron",
    expression: "0 9 * * 1-5",
    timezone: "Europe/Berlin",
    start: "2026-12-01T00:00:00.000Z",
    end: "2027-06-30T22:00:00.000Z",
  },
  "interval with end": {
    type: "interval",
    every: { hours: 1, minutes: 30 },
    start: "2026-12-01T10:15:00.000Z",
    end: "2027-01-01T00:00:00.000Z",
    timezone: "UTC",
  },
  "interval without end": { type: "interval", every: { seconds: 45 }, start: "2026-12-01T10:15:00.500Z", timezone: "Asia/Tokyo" },
  "date as an instant": { type: "date", runAt: "2026-12-01T10:15:00+01:00", timezone: "Europe/Paris" },
  "date as a wall time": { type: "date", runAt: "2026-12-01T10:15", timezone: "Australia/Sydney" },
  "calendar with end date": {
    type: "calendar",
    every: { months: 1 },
    at: "09:30",
    startDate: "2026-01-31",
    endDate: "2027-01-31",
    timezone: "Europe/London",
  },
  "calendar without end date": { type: "calendar", every: { weeks: 2 }, at: "23:59:59", startDate: "2026-12-01", timezone: "UTC" },
};

describe("trigger ↔ job columns", () => {
  it.each(Object.entries(triggers))("round-trips a %s", (_name, trigger) => {
    expect(triggerFromColumns(triggerToColumns(trigger))).toEqual(trigger);
  });

  it("stores only each type's own parameters in the JSON column, zone and bounds in theirs", () => {
    expect(triggerToColumns(triggers["cron with start and end"]!)).toEqual({
      triggerType: "cron",
      trigger: { expression: "0 9 * * 1-5" },
      timezone: "Europe/Berlin",
      startAt: new Date("2026-12-01T00:00:00Z"),
      endAt: new Date("2027-06-30T22:00:00Z"),
    });
    expect(triggerToColumns(triggers["interval without end"]!)).toEqual({
      triggerType: "interval",
      trigger: { every: { seconds: 45 } },
      timezone: "Asia/Tokyo",
      startAt: new Date("2026-12-01T10:15:00.500Z"),
      endAt: null,
    });
    expect(triggerToColumns(triggers["date as a wall time"]!)).toEqual({
      triggerType: "date",
      trigger: { runAt: "2026-12-01T10:15" },
      timezone: "Australia/Sydney",
      startAt: null,
      endAt: null,
    });
    const calendar = triggerToColumns(triggers["calendar without end date"]!);
    expect(calendar).toEqual({
      triggerType: "calendar",
      trigger: { every: { weeks: 2 }, at: "23:59:59", startDate: "2026-12-01" },
      timezone: "UTC",
      startAt: null,
      endAt: null,
    });
    expect(Object.keys(calendar.trigger)).not.toContain("endDate");
  });

  it("gives bounds written with an offset back as the same instants in UTC", () => {
    const columns = triggerToColumns({ type: "cron", expression: "0 * * * *", timezone: "UTC", start: "2026-12-01T10:15:00+01:00" });
    expect(triggerFromColumns(columns)).toEqual({ type: "cron", expression: "0 * * * *", timezone: "UTC", start: "2026-12-01T09:15:00.000Z" });
  });

  it("refuses a stored trigger edited into nonsense (tried: an interval without its step)", () => {
    expect(() =>
      triggerFromColumns({ triggerType: "interval", trigger: { expression: "* * * * *" }, timezone: "UTC", startAt: new Date(), endAt: null }),
    ).toThrow(/stored interval trigger is invalid \(every: /);
  });
});
