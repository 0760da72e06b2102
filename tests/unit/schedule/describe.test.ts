import { describe, expect, it } from "vitest";
import { describeCron, describeTrigger, LOCALES, type Locale } from "@/lib/schedule";
import type { Trigger } from "@/lib/validation/trigger";
import { ValidationError } from "@/lib/errors";

function both(trigger: Trigger): Record<Locale, string> {
  return { en: describeTrigger(trigger, "en"), zh_CN: describeTrigger(trigger, "zh_CN") };
}

describe("describeTrigger", () => {
  it("exposes the two locales", () => {
    expect(LOCALES).toEqual(["en", "zh_CN"]);
  });

  describe("cron", () => {
    it("words a fixed time and always names the zone, UTC included", () => {
      expect(both({ type: "cron", expression: "30 2 * * *", timezone: "America/New_York" })).toEqual({
        en: "At 02:30 (America/New_York)",
        zh_CN: "在02:30 (America/New_York)",
      });
      expect(describeTrigger({ type: "cron", expression: "0 30 2 * * *", timezone: "UTC" }, "en")).toBe("At 02:30 (UTC)");
    });

    it("words steps", () => {
      expect(both({ type: "cron", expression: "*/15 * * * *", timezone: "Europe/Berlin" })).toEqual({
        en: "Every 15 minutes (Europe/Berlin)",
        zh_CN: "每隔 15 分钟 (Europe/Berlin)",
      });
    });

    it("adds the start and end bounds in the trigger's zone (the time only when not midnight)", () => {
      const trigger: Trigger = {
        type: "cron",
        expression: "*/15 * * * *",
        timezone: "Europe/Berlin",
        start: "2027-01-01T00:00:00+01:00",
        end: "2027-03-31T18:30:00+02:00",
      };
      expect(both(trigger)).toEqual({
        en: "Every 15 minutes, from 1 Jan 2027 until 31 Mar 2027 18:30 (Europe/Berlin)",
        zh_CN: "每隔 15 分钟，自2027年1月1日起至2027年3月31日 18:30止 (Europe/Berlin)",
      });
    });
  });

  describe("interval", () => {
    it("words one unit, several units, and a single week", () => {
      expect(both({ type: "interval", every: { minutes: 15 }, start: "2027-01-01T00:00:00Z", timezone: "UTC" })).toEqual({
        en: "every 15 minutes, from 1 Jan 2027 (UTC)",
        zh_CN: "每 15 分钟，自2027年1月1日起 (UTC)",
      });
      const twoAndAHalf: Trigger = {
        type: "interval",
        every: { hours: 2, minutes: 30 },
        start: "2027-01-01T09:00:00+01:00",
        end: "2027-03-31T00:00:00+02:00",
        timezone: "Europe/Berlin",
      };
      expect(both(twoAndAHalf)).toEqual({
        en: "every 2 hours 30 minutes, from 1 Jan 2027 09:00 until 31 Mar 2027 (Europe/Berlin)",
        zh_CN: "每 2 小时 30 分钟，自2027年1月1日 09:00起至2027年3月31日止 (Europe/Berlin)",
      });
      expect(both({ type: "interval", every: { weeks: 1 }, start: "2027-01-04T08:00:00Z", timezone: "UTC" })).toEqual({
        en: "every week, from 4 Jan 2027 08:00 (UTC)",
        zh_CN: "每周，自2027年1月4日 08:00起 (UTC)",
      });
    });
  });

  describe("date", () => {
    it("formats a wall time in the trigger's zone, seconds only when not zero", () => {
      expect(both({ type: "date", runAt: "2026-12-31T23:59", timezone: "Asia/Shanghai" })).toEqual({
        en: "once on 31 Dec 2026 at 23:59 (Asia/Shanghai)",
        zh_CN: "2026年12月31日 23:59 执行一次 (Asia/Shanghai)",
      });
      expect(both({ type: "date", runAt: "2026-12-31T15:59:30Z", timezone: "Asia/Shanghai" })).toEqual({
        en: "once on 31 Dec 2026 at 23:59:30 (Asia/Shanghai)",
        zh_CN: "2026年12月31日 23:59:30 执行一次 (Asia/Shanghai)",
      });
    });

    it("accepts a wall time with more digits than milliseconds (as the trigger schema does)", () => {
      expect(describeTrigger({ type: "date", runAt: "2026-12-31T23:59:30.1234", timezone: "Asia/Shanghai" }, "en")).toBe(
        "once on 31 Dec 2026 at 23:59:30 (Asia/Shanghai)",
      );
    });

    it("says when a wall time in a DST gap really runs", () => {
      expect(describeTrigger({ type: "date", runAt: "2027-03-14T02:30", timezone: "America/New_York" }, "en")).toBe(
        "once on 14 Mar 2027 at 03:00 (America/New_York)",
      );
    });
  });

  describe("calendar", () => {
    it("words days and weeks (with the weekday of the start date)", () => {
      expect(both({ type: "calendar", every: { days: 1 }, at: "08:00", startDate: "2027-01-01", timezone: "Asia/Kolkata" })).toEqual({
        en: "every day at 08:00, from 1 Jan 2027 (Asia/Kolkata)",
        zh_CN: "每天 08:00，自2027年1月1日起 (Asia/Kolkata)",
      });
      expect(both({ type: "calendar", every: { days: 3 }, at: "08:00", startDate: "2027-01-01", timezone: "Asia/Kolkata" })).toEqual({
        en: "every 3 days at 08:00, from 1 Jan 2027 (Asia/Kolkata)",
        zh_CN: "每 3 天 08:00，自2027年1月1日起 (Asia/Kolkata)",
      });
      expect(both({ type: "calendar", every: { weeks: 2 }, at: "09:00", startDate: "2027-01-05", timezone: "Europe/Berlin" })).toEqual({
        en: "every 2 weeks on Tuesday at 09:00, from 5 Jan 2027 (Europe/Berlin)",
        zh_CN: "每 2 周的星期二 09:00，自2027年1月5日起 (Europe/Berlin)",
      });
      expect(
        both({ type: "calendar", every: { weeks: 1 }, at: "09:00", startDate: "2027-01-04", endDate: "2027-03-29", timezone: "UTC" }),
      ).toEqual({
        en: "every week on Monday at 09:00, from 4 Jan 2027 until 29 Mar 2027 (UTC)",
        zh_CN: "每周星期一 09:00，自2027年1月4日起至2027年3月29日止 (UTC)",
      });
    });

    it("says when a month-end start day is clamped, and only then", () => {
      expect(both({ type: "calendar", every: { months: 1 }, at: "02:30", startDate: "2027-01-31", timezone: "America/New_York" })).toEqual({
        en: "every month on day 31 at 02:30, from 31 Jan 2027 (America/New_York) — the last day in shorter months",
        zh_CN: "每月 31 日 02:30，自2027年1月31日起 (America/New_York)，较短的月份在当月最后一天执行",
      });
      // Jan, Mar, May, Jul, Sep (30 days), Nov: September is shorter.
      expect(describeTrigger({ type: "calendar", every: { months: 2 }, at: "02:30", startDate: "2027-01-31", timezone: "UTC" }, "en")).toBe(
        "every 2 months on day 31 at 02:30, from 31 Jan 2027 (UTC) — the last day in shorter months",
      );
      // Jan, Jul: both have 31 days.
      expect(describeTrigger({ type: "calendar", every: { months: 6 }, at: "02:30", startDate: "2027-01-31", timezone: "UTC" }, "en")).toBe(
        "every 6 months on day 31 at 02:30, from 31 Jan 2027 (UTC)",
      );
      expect(
        both({ type: "calendar", every: { months: 3 }, at: "10:00:15", startDate: "2027-01-15", endDate: "2027-12-31", timezone: "UTC" }),
      ).toEqual({
        en: "every 3 months on day 15 at 10:00:15, from 15 Jan 2027 until 31 Dec 2027 (UTC)",
        zh_CN: "每 3 个月的 15 日 10:00:15，自2027年1月15日起至2027年12月31日止 (UTC)",
      });
    });

    it("words years, with 29 February", () => {
      expect(both({ type: "calendar", every: { years: 1 }, at: "00:00", startDate: "2028-02-29", timezone: "Europe/London" })).toEqual({
        en: "every year on 29 Feb at 00:00, from 29 Feb 2028 (Europe/London) — 28 Feb in common years",
        zh_CN: "每年2月29日 00:00，自2028年2月29日起 (Europe/London)，平年在 2月28日执行",
      });
      expect(both({ type: "calendar", every: { years: 2 }, at: "00:00", startDate: "2028-03-01", timezone: "Europe/London" })).toEqual({
        en: "every 2 years on 1 Mar at 00:00, from 1 Mar 2028 (Europe/London)",
        zh_CN: "每 2 年的3月1日 00:00，自2028年3月1日起 (Europe/London)",
      });
    });
  });
});

describe("describeCron", () => {
  it("expands every nickname, in any case", () => {
    expect(describeCron("@yearly", "en")).toBe("At 00:00, on day 1 of the month, only in January");
    expect(describeCron("@annually", "en")).toBe("At 00:00, on day 1 of the month, only in January");
    expect(describeCron("@monthly", "en")).toBe("At 00:00, on day 1 of the month");
    expect(describeCron("@weekly", "en")).toBe("At 00:00, only on Sunday");
    expect(describeCron("@daily", "en")).toBe("At 00:00");
    expect(describeCron("@midnight", "en")).toBe("At 00:00");
    expect(describeCron("@HOURLY", "en")).toBe("Every hour");
    expect(describeCron("@weekly", "zh_CN")).toBe("在00:00, 仅星期日");
  });

  it("reads the 6-field form with seconds", () => {
    expect(describeCron("*/5 * * * * *", "en")).toBe("Every 5 seconds");
    expect(describeCron("*/5 * * * * *", "zh_CN")).toBe("每隔 5 秒");
  });

  it("words croner's extensions cronstrue does not read", () => {
    // + on day-of-week: day-of-month AND day-of-week (croner's default is OR).
    expect(describeCron("0 12 1 * +MON", "en")).toBe("At 12:00, on day 1 of the month, only on Monday");
    expect(describeCron("0 12 1 * MON", "en")).toBe("At 12:00, on day 1 of the month, and on Monday");
    expect(describeCron("0 0 * * FRI#L", "en")).toBe("At 00:00, on the last Friday of the month");
  });

  it("refuses what croner refuses, with croner-backed messages", () => {
    expect(() => describeCron("75 * * * *", "en")).toThrow(ValidationError);
    try {
      describeCron("75 * * * *", "en");
    } catch (error) {
      expect((error as ValidationError).fieldErrors).toEqual({ expression: ["minute: 75 is outside 0–59"] });
    }
  });
});
