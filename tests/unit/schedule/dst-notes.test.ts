import { describe, expect, it } from "vitest";
import { dstNotes, type DstNote } from "@/lib/schedule";
import { offsetTransitions } from "@/lib/schedule/dst-notes";
import type { Trigger } from "@/lib/validation/trigger";

const FROM = new Date("2027-01-01T00:00:00Z");
const UNTIL = new Date("2028-01-01T00:00:00Z");

const cron = (expression: string, timezone: string, extra: Partial<Trigger> = {}): Trigger =>
  ({ type: "cron", expression, timezone, ...extra }) as Trigger;

function notes(trigger: Trigger, locale: "en" | "zh_CN" = "en"): DstNote[] {
  return dstNotes(trigger, FROM, UNTIL, locale);
}

describe("offsetTransitions", () => {
  it("finds each change of offset to the second, including 30-minute ones", () => {
    expect(offsetTransitions("America/New_York", FROM.getTime(), UNTIL.getTime())).toEqual([
      { at: Date.parse("2027-03-14T07:00:00Z"), before: -5 * 3600_000, after: -4 * 3600_000 },
      { at: Date.parse("2027-11-07T06:00:00Z"), before: -4 * 3600_000, after: -5 * 3600_000 },
    ]);
    expect(offsetTransitions("Australia/Lord_Howe", FROM.getTime(), UNTIL.getTime())).toEqual([
      { at: Date.parse("2027-04-03T15:00:00Z"), before: 11 * 3600_000, after: 10.5 * 3600_000 },
      { at: Date.parse("2027-10-02T15:30:00Z"), before: 10.5 * 3600_000, after: 11 * 3600_000 },
    ]);
    expect(offsetTransitions("Pacific/Chatham", FROM.getTime(), UNTIL.getTime()).map((t) => new Date(t.at).toISOString())).toEqual([
      "2027-04-03T14:00:00.000Z",
      "2027-09-25T14:00:00.000Z",
    ]);
  });

  it("counts a transition at `from` and not one at `until`", () => {
    const spring = Date.parse("2027-03-14T07:00:00Z");
    expect(offsetTransitions("America/New_York", spring, spring + 1000)).toHaveLength(1);
    expect(offsetTransitions("America/New_York", spring - 3600_000, spring)).toHaveLength(0);
  });

  it("finds none in zones without DST", () => {
    expect(offsetTransitions("Asia/Kolkata", FROM.getTime(), UNTIL.getTime())).toEqual([]);
    expect(offsetTransitions("Asia/Kathmandu", FROM.getTime(), UNTIL.getTime())).toEqual([]);
  });
});

describe("dstNotes", () => {
  describe("America/New_York 2027 (spring forward 14 Mar, fall back 7 Nov)", () => {
    it("fixed-time 30 2 * * * moves to the end of the gap", () => {
      expect(notes(cron("30 2 * * *", "America/New_York"))).toEqual([
        {
          date: "2027-03-14",
          kind: "shifted",
          message: "On 2027-03-14, 02:30 does not exist in America/New_York: that run fires at 03:00 instead.",
        },
      ]);
      expect(notes(cron("30 2 * * *", "America/New_York"), "zh_CN")[0]!.message).toBe(
        "2027-03-14，America/New_York 没有 02:30 这个时间：该次运行改在 03:00 执行。",
      );
    });

    it("fixed-time 30 1 * * * runs once in the repeated hour", () => {
      expect(notes(cron("30 1 * * *", "America/New_York"))).toEqual([
        {
          date: "2027-11-07",
          kind: "once",
          message: "On 2027-11-07, 01:30 occurs twice in America/New_York: the run fires once, at the first occurrence (EDT).",
        },
      ]);
      expect(notes(cron("30 1 * * *", "America/New_York"), "zh_CN")[0]!.message).toBe(
        "2027-11-07，01:30 在 America/New_York 出现两次：只在第一次出现时（EDT）执行一次。",
      );
    });

    it("*/15 skips the gap and runs through the repeated hour twice", () => {
      expect(notes(cron("*/15 * * * *", "America/New_York"))).toEqual([
        {
          date: "2027-03-14",
          kind: "skipped",
          message: "On 2027-03-14, the times between 02:00 and 03:00 do not exist in America/New_York: 4 runs are skipped.",
        },
        {
          date: "2027-11-07",
          kind: "repeated",
          message: "On 2027-11-07 this schedule fires twice between 01:00 and 02:00 (America/New_York): once in EDT and once in EST.",
        },
      ]);
      expect(notes(cron("*/15 * * * *", "America/New_York"), "zh_CN").map((n) => n.message)).toEqual([
        "2027-03-14，America/New_York 不存在 02:00 至 03:00 之间的时间：跳过 4 次运行。",
        "2027-11-07，01:00 至 02:00 之间的时间在 America/New_York 出现两次：此计划在这段时间内执行两遍，EDT 和 EST 各一遍。",
      ]);
    });

    it("a list in the hours field is not a fixed time (croner): skipped in the gap, twice when repeated", () => {
      expect(notes(cron("0 30 1,2 * * *", "America/New_York")).map((n) => [n.kind, n.message])).toEqual([
        ["skipped", "On 2027-03-14, the times between 02:00 and 03:00 do not exist in America/New_York: 1 run is skipped."],
        ["repeated", "On 2027-11-07 this schedule fires twice between 01:00 and 02:00 (America/New_York): once in EDT and once in EST."],
      ]);
    });

    it("says nothing for a job outside the affected hours, an interval, or a date given as an instant", () => {
      expect(notes(cron("0 9 * * *", "America/New_York"))).toEqual([]);
      expect(notes({ type: "interval", every: { minutes: 15 }, start: "2027-01-01T00:00:00Z", timezone: "America/New_York" })).toEqual([]);
      expect(notes({ type: "date", runAt: "2027-03-14T07:30:00Z", timezone: "America/New_York" })).toEqual([]);
    });

    it("respects the trigger's bounds", () => {
      expect(notes(cron("*/15 * * * *", "America/New_York", { end: "2027-03-01T00:00:00Z" }))).toEqual([]);
      expect(notes(cron("*/15 * * * *", "America/New_York", { start: "2027-06-01T00:00:00Z" })).map((n) => n.kind)).toEqual(["repeated"]);
    });

    it("applies the fixed-time rule to calendar and date triggers", () => {
      const daily: Trigger = { type: "calendar", every: { days: 1 }, at: "02:30", startDate: "2027-01-01", timezone: "America/New_York" };
      expect(notes(daily).map((n) => [n.date, n.kind])).toEqual([["2027-03-14", "shifted"]]);
      const atHalfPastOne: Trigger = { type: "calendar", every: { days: 1 }, at: "01:30", startDate: "2027-01-01", timezone: "America/New_York" };
      expect(notes(atHalfPastOne).map((n) => [n.date, n.kind])).toEqual([["2027-11-07", "once"]]);
      expect(notes({ type: "date", runAt: "2027-11-07T01:30", timezone: "America/New_York" })).toEqual([
        {
          date: "2027-11-07",
          kind: "once",
          message: "On 2027-11-07, 01:30 occurs twice in America/New_York: the run fires once, at the first occurrence (EDT).",
        },
      ]);
      expect(notes({ type: "date", runAt: "2027-03-14T02:30", timezone: "America/New_York" }).map((n) => n.kind)).toEqual(["shifted"]);
      expect(notes({ type: "date", runAt: "2027-06-01T02:30", timezone: "America/New_York" })).toEqual([]);
    });
  });

  it("Europe/London (01:00 GMT → 02:00 BST, 28 Mar; back 31 Oct)", () => {
    expect(notes(cron("30 1 * * *", "Europe/London"))).toEqual([
      { date: "2027-03-28", kind: "shifted", message: "On 2027-03-28, 01:30 does not exist in Europe/London: that run fires at 02:00 instead." },
      {
        date: "2027-10-31",
        kind: "once",
        message: "On 2027-10-31, 01:30 occurs twice in Europe/London: the run fires once, at the first occurrence (BST).",
      },
    ]);
    expect(notes(cron("*/15 * * * *", "Europe/London")).map((n) => n.message)).toEqual([
      "On 2027-03-28, the times between 01:00 and 02:00 do not exist in Europe/London: 4 runs are skipped.",
      "On 2027-10-31 this schedule fires twice between 01:00 and 02:00 (Europe/London): once in BST and once in GMT.",
    ]);
    expect(notes(cron("30 2 * * *", "Europe/London"))).toEqual([]);
  });

  it("Europe/Berlin (02:00 → 03:00, 28 Mar; back 31 Oct)", () => {
    expect(notes(cron("30 2 * * *", "Europe/Berlin"))).toEqual([
      { date: "2027-03-28", kind: "shifted", message: "On 2027-03-28, 02:30 does not exist in Europe/Berlin: that run fires at 03:00 instead." },
      {
        date: "2027-10-31",
        kind: "once",
        message: "On 2027-10-31, 02:30 occurs twice in Europe/Berlin: the run fires once, at the first occurrence (CEST).",
      },
    ]);
    expect(notes(cron("*/15 * * * *", "Europe/Berlin"), "zh_CN").map((n) => n.message)).toEqual([
      "2027-03-28，Europe/Berlin 不存在 02:00 至 03:00 之间的时间：跳过 4 次运行。",
      "2027-10-31，02:00 至 03:00 之间的时间在 Europe/Berlin 出现两次：此计划在这段时间内执行两遍，CEST 和 CET 各一遍。",
    ]);
  });

  it("Australia/Sydney (southern hemisphere: back on 4 Apr, forward on 3 Oct)", () => {
    expect(notes(cron("30 2 * * *", "Australia/Sydney"))).toEqual([
      {
        date: "2027-04-04",
        kind: "once",
        message: "On 2027-04-04, 02:30 occurs twice in Australia/Sydney: the run fires once, at the first occurrence (GMT+11).",
      },
      {
        date: "2027-10-03",
        kind: "shifted",
        message: "On 2027-10-03, 02:30 does not exist in Australia/Sydney: that run fires at 03:00 instead.",
      },
    ]);
    expect(notes(cron("*/15 * * * *", "Australia/Sydney")).map((n) => n.kind)).toEqual(["repeated", "skipped"]);
  });

  it("Australia/Lord_Howe (30-minute shift: 02:00 → 02:30 on 3 Oct, 02:00 → 01:30 on 4 Apr)", () => {
    expect(notes(cron("*/10 * * * *", "Australia/Lord_Howe"))).toEqual([
      {
        date: "2027-04-04",
        kind: "repeated",
        message: "On 2027-04-04 this schedule fires twice between 01:30 and 02:00 (Australia/Lord_Howe): once in GMT+11 and once in GMT+10:30.",
      },
      {
        date: "2027-10-03",
        kind: "skipped",
        message: "On 2027-10-03, the times between 02:00 and 02:30 do not exist in Australia/Lord_Howe: 3 runs are skipped.",
      },
    ]);
    expect(notes(cron("15 2 * * *", "Australia/Lord_Howe"))).toEqual([
      {
        date: "2027-10-03",
        kind: "shifted",
        message: "On 2027-10-03, 02:15 does not exist in Australia/Lord_Howe: that run fires at 02:30 instead.",
      },
    ]);
    expect(notes(cron("45 1 * * *", "Australia/Lord_Howe")).map((n) => [n.date, n.kind])).toEqual([["2027-04-04", "once"]]);
    // 02:30 exists on both days: the gap ends there and the repeated half hour is 01:30–02:00.
    expect(notes(cron("30 2 * * *", "Australia/Lord_Howe"))).toEqual([]);
  });

  it("America/Havana (transitions at midnight)", () => {
    expect(notes(cron("0 0 * * *", "America/Havana"))).toEqual([
      { date: "2027-03-14", kind: "shifted", message: "On 2027-03-14, 00:00 does not exist in America/Havana: that run fires at 01:00 instead." },
      {
        date: "2027-11-07",
        kind: "once",
        message: "On 2027-11-07, 00:00 occurs twice in America/Havana: the run fires once, at the first occurrence (GMT-4).",
      },
    ]);
    expect(notes(cron("*/30 * * * *", "America/Havana")).map((n) => n.message)).toEqual([
      "On 2027-03-14, the times between 00:00 and 01:00 do not exist in America/Havana: 2 runs are skipped.",
      "On 2027-11-07 this schedule fires twice between 00:00 and 01:00 (America/Havana): once in GMT-4 and once in GMT-5.",
    ]);
  });

  it("Asia/Kolkata and Asia/Kathmandu (no DST): no notes", () => {
    for (const zone of ["Asia/Kolkata", "Asia/Kathmandu"]) {
      for (const expression of ["30 2 * * *", "30 1 * * *", "*/15 * * * *", "* * * * *"]) {
        expect(notes(cron(expression, zone))).toEqual([]);
      }
    }
  });

  it("counts the skipped runs of an every-minute schedule over a year", () => {
    const result = notes(cron("* * * * *", "America/New_York"));
    expect(result.map((n) => n.message)).toEqual([
      "On 2027-03-14, the times between 02:00 and 03:00 do not exist in America/New_York: 60 runs are skipped.",
      "On 2027-11-07 this schedule fires twice between 01:00 and 02:00 (America/New_York): once in EDT and once in EST.",
    ]);
  });
});
