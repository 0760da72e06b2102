import { describe, expect, it } from "vitest";
import {
  cronOfPreset,
  DEFAULT_PRESET_SETTINGS,
  instantOfWallText,
  newTriggerDraft,
  presetOfCron,
  sameTriggerDraft,
  triggerDraftOf,
  triggerOf,
  wallTextOf,
} from "@/components/jobs/trigger-builder-model";
import { parseTrigger } from "@/lib/schedule";
import type { Trigger } from "@/lib/validation/trigger";

describe("wall times in the trigger's zone", () => {
  it("shows an instant as the zone's wall time and reads it back as the same instant", () => {
    expect(wallTextOf("2026-07-01T08:15:00.000Z", "Europe/Berlin")).toBe("2026-07-01T10:15");
    expect(wallTextOf("2026-07-01T08:15:30.000Z", "America/New_York")).toBe("2026-07-01T04:15:30");
    expect(instantOfWallText("2026-07-01T10:15", "Europe/Berlin")).toBe("2026-07-01T08:15:00.000Z");
  });

  it("reads a wall time in a spring-forward gap as the end of the gap, like the scheduler", () => {
    // 2026-03-29 02:30 does not exist in Berlin: clocks jump from 02:00 to 03:00 (01:00Z).
    expect(instantOfWallText("2026-03-29T02:30", "Europe/Berlin")).toBe("2026-03-29T01:00:00.000Z");
  });

  it("passes text that is not a wall time through, for the server to name (tried: 'tomorrow')", () => {
    expect(instantOfWallText("tomorrow", "UTC")).toBe("tomorrow");
  });
});

describe("drafts and triggers", () => {
  const triggers: Trigger[] = [
    { type: "cron", expression: "30 2 * * 1-5", timezone: "America/New_York", start: "2026-01-01T05:00:00.000Z", end: "2027-01-01T05:00:00.000Z" },
    { type: "interval", every: { hours: 1, minutes: 30 }, start: "2026-01-01T00:00:00.000Z", timezone: "UTC" },
    { type: "date", runAt: "2030-12-01T10:15", timezone: "Asia/Tokyo" },
    { type: "calendar", every: { months: 1 }, at: "09:00", startDate: "2026-01-31", endDate: "2027-01-31", timezone: "Europe/Berlin" },
  ];

  it.each(triggers)("a $type trigger round-trips through its draft", (trigger) => {
    expect(parseTrigger(triggerOf(triggerDraftOf(trigger)))).toEqual(trigger);
  });

  it("sends numbers as numbers and other text as typed, so the server names the problem (tried: 'abc' minutes)", () => {
    const draft = { ...newTriggerDraft("UTC"), type: "interval" as const, intervalStart: "2026-01-01T00:00", intervalEvery: { weeks: "", days: "", hours: "", minutes: "abc", seconds: "15" } };
    expect(triggerOf(draft)).toEqual({ type: "interval", every: { minutes: "abc", seconds: 15 }, start: "2026-01-01T00:00:00.000Z", timezone: "UTC" });
  });

  it("keeps each type's bounds apart: an interval's start does not become a cron's 'not before'", () => {
    const draft = { ...newTriggerDraft("UTC"), expression: "@hourly", intervalStart: "2026-01-01T00:00", intervalEnd: "2027-01-01T00:00" };
    expect(triggerOf(draft)).toEqual({ type: "cron", expression: "@hourly", timezone: "UTC" });
  });

  it("tells an untouched trigger from a changed one", () => {
    const draft = triggerDraftOf(triggers[0]!);
    expect(sameTriggerDraft(draft, triggerDraftOf(triggers[0]!))).toBe(true);
    expect(sameTriggerDraft(draft, { ...draft, expression: "30 3 * * 1-5" })).toBe(false);
    expect(sameTriggerDraft(draft, { ...draft, timezone: "UTC" })).toBe(false);
  });
});

describe("cron presets", () => {
  it("writes each preset's expression, and recognises it again", () => {
    const cases = [
      [{ id: "every-minute", ...DEFAULT_PRESET_SETTINGS }, "* * * * *"],
      [{ id: "hourly", ...DEFAULT_PRESET_SETTINGS }, "0 * * * *"],
      [{ id: "daily", ...DEFAULT_PRESET_SETTINGS, time: "02:30" }, "30 2 * * *"],
      [{ id: "weekdays", ...DEFAULT_PRESET_SETTINGS, time: "02:30" }, "30 2 * * 1-5"],
      [{ id: "weekly", ...DEFAULT_PRESET_SETTINGS, time: "18:05", weekday: 5 }, "5 18 * * 5"],
      [{ id: "monthly", ...DEFAULT_PRESET_SETTINGS, time: "00:00", monthDay: 31 }, "0 0 31 * *"],
    ] as const;
    for (const [preset, expression] of cases) {
      expect(cronOfPreset(preset)).toBe(expression);
      expect(presetOfCron(expression)).toEqual(preset);
    }
  });

  it("calls anything else a custom expression (tried: '61 * * * *', '0 9 * * 1,3', '* * *')", () => {
    expect(presetOfCron("61 * * * *")).toBeNull();
    expect(presetOfCron("0 9 * * 1,3")).toBeNull();
    expect(presetOfCron("* * *")).toBeNull();
    expect(presetOfCron("0 24 * * *")).toBeNull();
  });
});
