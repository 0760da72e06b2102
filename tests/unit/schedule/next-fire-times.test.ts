// nextFireTimes against the rules Sundial promises (docs/scheduling.md), at fixed instants only.
// Every expected instant was worked out by hand from the zone's 2026 transitions (found by probing
// Intl, tz 2025c), and the local reading is noted beside it.
//
// 2026 transitions used here (UTC instant: old wall time → new wall time):
//   America/New_York    03-08 07:00Z 02:00 EST → 03:00 EDT    11-01 06:00Z 02:00 EDT → 01:00 EST
//   Europe/London       03-29 01:00Z 01:00 GMT → 02:00 BST    10-25 01:00Z 02:00 BST → 01:00 GMT
//   Europe/Berlin       03-29 01:00Z 02:00 CET → 03:00 CEST   10-25 01:00Z 03:00 CEST → 02:00 CET
//   Australia/Sydney    10-03 16:00Z 02:00 +10 → 03:00 +11    04-04 16:00Z 03:00 +11 → 02:00 +10
//   Australia/Lord_Howe 10-03 15:30Z 02:00 +10:30 → 02:30 +11 04-04 15:00Z 02:00 +11 → 01:30 +10:30
//   Pacific/Chatham     09-26 14:00Z 02:45 +12:45 → 03:45 +13:45  04-04 14:00Z 03:45 +13:45 → 02:45 +12:45
//   America/Havana      03-08 05:00Z 00:00 −5 → 01:00 −4      11-01 05:00Z 01:00 −4 → 00:00 −5
//   Asia/Kolkata (+5:30) and Asia/Kathmandu (+5:45): no transitions.
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { nextFireTimes } from "@/lib/schedule/next-fire-times";

/** Fire times as ISO strings, without the ".000" when the milliseconds are zero. */
function fires(trigger: Record<string, unknown>, after: string, count: number): string[] {
  return nextFireTimes(trigger, new Date(after), count).map((d) => d.toISOString().replace(".000Z", "Z"));
}

const cron = (expression: string, timezone: string, extra: Record<string, unknown> = {}) => ({ type: "cron", expression, timezone, ...extra });
const interval = (every: Record<string, number>, start: string, extra: Record<string, unknown> = {}) => ({
  type: "interval",
  every,
  start,
  timezone: "UTC",
  ...extra,
});
const date = (runAt: string, timezone: string) => ({ type: "date", runAt, timezone });
const calendar = (every: Record<string, number>, at: string, startDate: string, timezone: string, extra: Record<string, unknown> = {}) => ({
  type: "calendar",
  every,
  at,
  startDate,
  timezone,
  ...extra,
});

describe("cron, fixed-time schedules: a missing local time fires at the gap's end, a repeated one at its first occurrence", () => {
  it("30 2 * * * in America/New_York fires at 03:00 EDT on 2026-03-08 (02:30 does not exist)", () => {
    expect(fires(cron("30 2 * * *", "America/New_York"), "2026-03-07T00:00:00Z", 3)).toEqual([
      "2026-03-07T07:30:00Z", // 02:30 EST
      "2026-03-08T07:00:00Z", // gap → 03:00 EDT
      "2026-03-09T06:30:00Z", // 02:30 EDT
    ]);
  });

  it("30 2 * * * in America/New_York: the gap-end fire is found from just before it, and not again from it", () => {
    expect(fires(cron("30 2 * * *", "America/New_York"), "2026-03-08T06:59:59Z", 2)).toEqual(["2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"]);
    expect(fires(cron("30 2 * * *", "America/New_York"), "2026-03-08T07:00:00Z", 1)).toEqual(["2026-03-09T06:30:00Z"]);
  });

  it("0 2 * * * in America/New_York fires at 03:00 EDT on 2026-03-08 (02:00 is the first missing minute)", () => {
    expect(fires(cron("0 2 * * *", "America/New_York"), "2026-03-07T12:00:00Z", 2)).toEqual(["2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z"]);
  });

  it("6-field 0 30 2 * * * and 30 30 2 * * * in America/New_York fire at exactly 03:00:00 EDT on 2026-03-08", () => {
    expect(fires(cron("0 30 2 * * *", "America/New_York"), "2026-03-07T00:00:00Z", 2)).toEqual(["2026-03-07T07:30:00Z", "2026-03-08T07:00:00Z"]);
    expect(fires(cron("30 30 2 * * *", "America/New_York"), "2026-03-07T12:00:00Z", 2)).toEqual(["2026-03-08T07:00:00Z", "2026-03-09T06:30:30Z"]);
  });

  it("30 2 8 3 * in America/New_York (only the gap day) fires at 03:00 EDT, then 02:30 EST a year later", () => {
    expect(fires(cron("30 2 8 3 *", "America/New_York"), "2026-03-01T00:00:00Z", 2)).toEqual([
      "2026-03-08T07:00:00Z",
      "2027-03-08T07:30:00Z", // 2027's change is on 03-14: still EST
    ]);
  });

  it("30 1 * * * in America/New_York fires once on 2026-11-01, at 01:30 EDT", () => {
    expect(fires(cron("30 1 * * *", "America/New_York"), "2026-10-31T00:00:00Z", 3)).toEqual([
      "2026-10-31T05:30:00Z", // 01:30 EDT
      "2026-11-01T05:30:00Z", // first 01:30 (EDT); not again at 06:30Z (01:30 EST)
      "2026-11-02T06:30:00Z", // 01:30 EST
    ]);
  });

  it("30 1 * * * in America/New_York: from inside the repeated hour, the second 01:30 (EST) does not fire", () => {
    for (const after of ["2026-11-01T05:30:00Z", "2026-11-01T05:45:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:29:59Z"]) {
      expect(fires(cron("30 1 * * *", "America/New_York"), after, 1), after).toEqual(["2026-11-02T06:30:00Z"]);
    }
  });

  it("30 1 * * * in America/New_York with start in the second pass (06:00Z) skips to 2026-11-02", () => {
    expect(fires(cron("30 1 * * *", "America/New_York", { start: "2026-11-01T06:00:00Z" }), "2026-10-31T00:00:00Z", 1)).toEqual([
      "2026-11-02T06:30:00Z",
    ]);
  });

  it("30 1 * * * in Europe/London: gap on 2026-03-29 → 02:00 BST; repeat on 2026-10-25 → 01:30 BST", () => {
    expect(fires(cron("30 1 * * *", "Europe/London"), "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-28T01:30:00Z", // 01:30 GMT
      "2026-03-29T01:00:00Z", // gap → 02:00 BST
      "2026-03-30T00:30:00Z", // 01:30 BST
    ]);
    expect(fires(cron("30 1 * * *", "Europe/London"), "2026-10-24T00:00:00Z", 3)).toEqual([
      "2026-10-24T00:30:00Z", // 01:30 BST
      "2026-10-25T00:30:00Z", // first 01:30 (BST)
      "2026-10-26T01:30:00Z", // 01:30 GMT
    ]);
  });

  it("30 2 * * * in Europe/London is untouched on both 2026 change days (02:30 exists once)", () => {
    expect(fires(cron("30 2 * * *", "Europe/London"), "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-28T02:30:00Z",
      "2026-03-29T01:30:00Z", // 02:30 BST
      "2026-03-30T01:30:00Z",
    ]);
    expect(fires(cron("30 2 * * *", "Europe/London"), "2026-10-24T12:00:00Z", 2)).toEqual(["2026-10-25T02:30:00Z", "2026-10-26T02:30:00Z"]);
  });

  it("30 2 * * * in Europe/Berlin: gap on 2026-03-29 → 03:00 CEST; repeat on 2026-10-25 → 02:30 CEST", () => {
    expect(fires(cron("30 2 * * *", "Europe/Berlin"), "2026-03-28T00:00:00Z", 3)).toEqual([
      "2026-03-28T01:30:00Z", // 02:30 CET
      "2026-03-29T01:00:00Z", // gap → 03:00 CEST
      "2026-03-30T00:30:00Z", // 02:30 CEST
    ]);
    expect(fires(cron("30 2 * * *", "Europe/Berlin"), "2026-10-24T00:00:00Z", 3)).toEqual([
      "2026-10-24T00:30:00Z", // 02:30 CEST
      "2026-10-25T00:30:00Z", // first 02:30 (CEST)
      "2026-10-26T01:30:00Z", // 02:30 CET
    ]);
  });

  it("0 1 * * * in Europe/Berlin is untouched on 2026-10-25 (01:00 is before the repeated hour)", () => {
    expect(fires(cron("0 1 * * *", "Europe/Berlin"), "2026-10-24T00:00:00Z", 3)).toEqual([
      "2026-10-24T23:00:00Z", // 01:00 CEST on 10-25
      "2026-10-26T00:00:00Z", // 01:00 CET
      "2026-10-27T00:00:00Z",
    ]);
  });

  it("30 2 * * * in Australia/Sydney (southern hemisphere): gap on 2026-10-04, repeat on 2026-04-05", () => {
    expect(fires(cron("30 2 * * *", "Australia/Sydney"), "2026-10-03T00:00:00Z", 3)).toEqual([
      "2026-10-03T16:00:00Z", // 10-04: gap → 03:00 +11
      "2026-10-04T15:30:00Z", // 10-05 02:30 +11
      "2026-10-05T15:30:00Z",
    ]);
    expect(fires(cron("30 2 * * *", "Australia/Sydney"), "2026-04-03T00:00:00Z", 3)).toEqual([
      "2026-04-03T15:30:00Z", // 04-04 02:30 +11
      "2026-04-04T15:30:00Z", // 04-05 first 02:30 (+11); not again at 16:30Z
      "2026-04-05T16:30:00Z", // 04-06 02:30 +10
    ]);
  });

  it("15 2 * * * in Australia/Lord_Howe fires at 02:30 +11 on 2026-10-04 (30-minute gap 02:00–02:30)", () => {
    expect(fires(cron("15 2 * * *", "Australia/Lord_Howe"), "2026-10-02T00:00:00Z", 3)).toEqual([
      "2026-10-02T15:45:00Z", // 10-03 02:15 +10:30
      "2026-10-03T15:30:00Z", // 10-04 gap → 02:30 +11
      "2026-10-04T15:15:00Z", // 10-05 02:15 +11
    ]);
  });

  it("30 2 * * * in Australia/Lord_Howe is untouched on 2026-10-04 (02:30 is where the gap ends)", () => {
    expect(fires(cron("30 2 * * *", "Australia/Lord_Howe"), "2026-10-02T00:00:00Z", 3)).toEqual([
      "2026-10-02T16:00:00Z", // 02:30 +10:30
      "2026-10-03T15:30:00Z", // 02:30 +11
      "2026-10-04T15:30:00Z",
    ]);
  });

  it("45 1 * * * in Australia/Lord_Howe fires once on 2026-04-05, at 01:45 +11 (repeated half hour 01:30–02:00)", () => {
    expect(fires(cron("45 1 * * *", "Australia/Lord_Howe"), "2026-04-03T00:00:00Z", 3)).toEqual([
      "2026-04-03T14:45:00Z", // 04-04 01:45 +11
      "2026-04-04T14:45:00Z", // 04-05 first 01:45 (+11); not again at 15:15Z
      "2026-04-05T15:15:00Z", // 04-06 01:45 +10:30
    ]);
  });

  it("0 3 * * * in Pacific/Chatham: gap 02:45–03:45 on 2026-09-27 → 03:45 +13:45", () => {
    expect(fires(cron("0 3 * * *", "Pacific/Chatham"), "2026-09-25T00:00:00Z", 3)).toEqual([
      "2026-09-25T14:15:00Z", // 09-26 03:00 +12:45
      "2026-09-26T14:00:00Z", // 09-27 gap → 03:45 +13:45
      "2026-09-27T13:15:00Z", // 09-28 03:00 +13:45
    ]);
  });

  it("0 3 * * * in Pacific/Chatham fires once on 2026-04-05, at 03:00 +13:45 (repeated 02:45–03:45)", () => {
    expect(fires(cron("0 3 * * *", "Pacific/Chatham"), "2026-04-03T00:00:00Z", 3)).toEqual([
      "2026-04-03T13:15:00Z", // 04-04 03:00 +13:45
      "2026-04-04T13:15:00Z", // 04-05 first 03:00 (+13:45); not again at 14:15Z
      "2026-04-05T14:15:00Z", // 04-06 03:00 +12:45
    ]);
  });

  it("0 0 * * *, @daily and @midnight in America/Havana fire at 01:00 −4 on 2026-03-08 (midnight does not exist)", () => {
    const expected = [
      "2026-03-06T05:00:00Z", // 00:00 −5
      "2026-03-07T05:00:00Z",
      "2026-03-08T05:00:00Z", // gap → 01:00 −4, same day
      "2026-03-09T04:00:00Z", // 00:00 −4
    ];
    for (const expression of ["0 0 * * *", "@daily", "@midnight"]) {
      expect(fires(cron(expression, "America/Havana"), "2026-03-06T00:00:00Z", 4), expression).toEqual(expected);
    }
  });

  it("30 0 * * * in America/Havana fires at 01:00 −4 on 2026-03-08", () => {
    expect(fires(cron("30 0 * * *", "America/Havana"), "2026-03-06T00:00:00Z", 4)).toEqual([
      "2026-03-06T05:30:00Z",
      "2026-03-07T05:30:00Z",
      "2026-03-08T05:00:00Z", // gap → 01:00 −4
      "2026-03-09T04:30:00Z",
    ]);
  });

  it("@weekly in America/Havana fires on Sunday 2026-03-08 at 01:00 −4, and on Sunday 2026-11-01 at the first midnight", () => {
    expect(fires(cron("@weekly", "America/Havana"), "2026-03-02T00:00:00Z", 2)).toEqual(["2026-03-08T05:00:00Z", "2026-03-15T04:00:00Z"]);
    expect(fires(cron("@weekly", "America/Havana"), "2026-10-26T00:00:00Z", 2)).toEqual(["2026-11-01T04:00:00Z", "2026-11-08T05:00:00Z"]);
  });

  it("0 0 * * * in America/Havana fires once on 2026-11-01, at the first midnight (−4)", () => {
    expect(fires(cron("0 0 * * *", "America/Havana"), "2026-10-30T00:00:00Z", 4)).toEqual([
      "2026-10-30T04:00:00Z",
      "2026-10-31T04:00:00Z",
      "2026-11-01T04:00:00Z", // first 00:00 (−4); not again at 05:00Z (00:00 −5)
      "2026-11-02T05:00:00Z",
    ]);
    expect(fires(cron("0 0 * * *", "America/Havana"), "2026-11-01T04:00:00Z", 1)).toEqual(["2026-11-02T05:00:00Z"]);
  });

  it("0 9 * * * in Asia/Kolkata (+5:30, no DST) is 03:30Z every day, including the 2026 change days elsewhere", () => {
    expect(fires(cron("0 9 * * *", "Asia/Kolkata"), "2026-03-07T12:00:00Z", 3)).toEqual([
      "2026-03-08T03:30:00Z",
      "2026-03-09T03:30:00Z",
      "2026-03-10T03:30:00Z",
    ]);
    expect(fires(cron("0 9 * * *", "Asia/Kolkata"), "2026-10-31T12:00:00Z", 2)).toEqual(["2026-11-01T03:30:00Z", "2026-11-02T03:30:00Z"]);
  });

  it("45 5 * * * and @yearly in Asia/Kathmandu (+5:45, no DST)", () => {
    expect(fires(cron("45 5 * * *", "Asia/Kathmandu"), "2026-03-08T00:00:00Z", 2)).toEqual(["2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z"]);
    expect(fires(cron("@yearly", "Asia/Kathmandu"), "2026-06-30T00:00:00Z", 2)).toEqual(["2026-12-31T18:15:00Z", "2027-12-31T18:15:00Z"]);
  });
});

describe("cron, wildcard and step schedules: every real matching instant (gap skipped, repeated hour twice)", () => {
  it("*/15 * * * * in America/New_York on 2026-03-08: 01:45 EST, then 03:00 EDT (15 real minutes)", () => {
    expect(fires(cron("*/15 * * * *", "America/New_York"), "2026-03-08T06:40:00Z", 6)).toEqual([
      "2026-03-08T06:45:00Z", // 01:45 EST
      "2026-03-08T07:00:00Z", // 03:00 EDT (02:00–02:45 skipped)
      "2026-03-08T07:15:00Z",
      "2026-03-08T07:30:00Z",
      "2026-03-08T07:45:00Z",
      "2026-03-08T08:00:00Z",
    ]);
  });

  it("*/15 * * * * in America/New_York on 2026-11-01 runs 01:00–01:45 in EDT and again in EST, 15 real minutes apart", () => {
    expect(fires(cron("*/15 * * * *", "America/New_York"), "2026-11-01T04:50:00Z", 10)).toEqual([
      "2026-11-01T05:00:00Z", // 01:00 EDT
      "2026-11-01T05:15:00Z",
      "2026-11-01T05:30:00Z",
      "2026-11-01T05:45:00Z", // 01:45 EDT
      "2026-11-01T06:00:00Z", // 01:00 EST
      "2026-11-01T06:15:00Z",
      "2026-11-01T06:30:00Z",
      "2026-11-01T06:45:00Z", // 01:45 EST
      "2026-11-01T07:00:00Z", // 02:00 EST
      "2026-11-01T07:15:00Z",
    ]);
  });

  it("0 * * * * in America/New_York on 2026-11-01 fires at 01:00 EDT and 01:00 EST", () => {
    expect(fires(cron("0 * * * *", "America/New_York"), "2026-11-01T03:30:00Z", 5)).toEqual([
      "2026-11-01T04:00:00Z", // 00:00 EDT
      "2026-11-01T05:00:00Z", // 01:00 EDT
      "2026-11-01T06:00:00Z", // 01:00 EST
      "2026-11-01T07:00:00Z", // 02:00 EST
      "2026-11-01T08:00:00Z",
    ]);
  });

  it("@hourly in America/New_York on 2026-03-08 goes 01:00 EST → 03:00 EDT, one real hour apart", () => {
    expect(fires(cron("@hourly", "America/New_York"), "2026-03-08T04:30:00Z", 5)).toEqual([
      "2026-03-08T05:00:00Z", // 00:00 EST
      "2026-03-08T06:00:00Z", // 01:00 EST
      "2026-03-08T07:00:00Z", // 03:00 EDT
      "2026-03-08T08:00:00Z",
      "2026-03-08T09:00:00Z",
    ]);
  });

  it("*/15 * * * * in Europe/Berlin on 2026-10-25 runs 02:00–02:45 in CEST and again in CET", () => {
    expect(fires(cron("*/15 * * * *", "Europe/Berlin"), "2026-10-24T23:59:00Z", 9)).toEqual([
      "2026-10-25T00:00:00Z", // 02:00 CEST
      "2026-10-25T00:15:00Z",
      "2026-10-25T00:30:00Z",
      "2026-10-25T00:45:00Z",
      "2026-10-25T01:00:00Z", // 02:00 CET
      "2026-10-25T01:15:00Z",
      "2026-10-25T01:30:00Z",
      "2026-10-25T01:45:00Z",
      "2026-10-25T02:00:00Z", // 03:00 CET
    ]);
  });

  it("0 */2 * * * in Europe/Berlin: 02:00 fires in both passes on 2026-10-25 and is skipped on 2026-03-29", () => {
    expect(fires(cron("0 */2 * * *", "Europe/Berlin"), "2026-10-24T21:30:00Z", 5)).toEqual([
      "2026-10-24T22:00:00Z", // 00:00 CEST
      "2026-10-25T00:00:00Z", // 02:00 CEST
      "2026-10-25T01:00:00Z", // 02:00 CET
      "2026-10-25T03:00:00Z", // 04:00 CET
      "2026-10-25T05:00:00Z",
    ]);
    expect(fires(cron("0 */2 * * *", "Europe/Berlin"), "2026-03-28T21:30:00Z", 3)).toEqual([
      "2026-03-28T23:00:00Z", // 00:00 CET
      "2026-03-29T02:00:00Z", // 04:00 CEST (02:00 does not exist)
      "2026-03-29T04:00:00Z",
    ]);
  });

  it("*/30 * * * * in Europe/London on 2026-03-29: 00:30 GMT, then 02:00 BST", () => {
    expect(fires(cron("*/30 * * * *", "Europe/London"), "2026-03-29T00:10:00Z", 3)).toEqual([
      "2026-03-29T00:30:00Z",
      "2026-03-29T01:00:00Z",
      "2026-03-29T01:30:00Z",
    ]);
  });

  it("*/30 * * * * in Australia/Sydney stays 30 real minutes apart across both 2026 changes", () => {
    expect(fires(cron("*/30 * * * *", "Australia/Sydney"), "2026-10-03T15:10:00Z", 3)).toEqual([
      "2026-10-03T15:30:00Z", // 01:30 +10
      "2026-10-03T16:00:00Z", // 03:00 +11
      "2026-10-03T16:30:00Z",
    ]);
    expect(fires(cron("*/30 * * * *", "Australia/Sydney"), "2026-04-04T15:10:00Z", 3)).toEqual([
      "2026-04-04T15:30:00Z", // 02:30 +11
      "2026-04-04T16:00:00Z", // 02:00 +10
      "2026-04-04T16:30:00Z", // 02:30 +10
    ]);
  });

  it("*/10 * * * * in Australia/Lord_Howe on 2026-10-04 skips 02:00, 02:10, 02:20 and stays 10 real minutes apart", () => {
    expect(fires(cron("*/10 * * * *", "Australia/Lord_Howe"), "2026-10-03T15:05:00Z", 4)).toEqual([
      "2026-10-03T15:10:00Z", // 01:40 +10:30
      "2026-10-03T15:20:00Z", // 01:50 +10:30
      "2026-10-03T15:30:00Z", // 02:30 +11
      "2026-10-03T15:40:00Z",
    ]);
  });

  it("*/30 * * * * in Australia/Lord_Howe on 2026-04-05 fires 01:30 in both passes", () => {
    expect(fires(cron("*/30 * * * *", "Australia/Lord_Howe"), "2026-04-04T13:30:00Z", 4)).toEqual([
      "2026-04-04T14:00:00Z", // 01:00 +11
      "2026-04-04T14:30:00Z", // 01:30 +11
      "2026-04-04T15:00:00Z", // 01:30 +10:30
      "2026-04-04T15:30:00Z", // 02:00 +10:30
    ]);
  });

  it("0 * * * * in Australia/Lord_Howe fires only at wall times that exist (02:00 is missing in October, single in April)", () => {
    expect(fires(cron("0 * * * *", "Australia/Lord_Howe"), "2026-10-03T14:00:00Z", 3)).toEqual([
      "2026-10-03T14:30:00Z", // 01:00 +10:30
      "2026-10-03T16:00:00Z", // 03:00 +11
      "2026-10-03T17:00:00Z",
    ]);
    expect(fires(cron("0 * * * *", "Australia/Lord_Howe"), "2026-04-04T13:30:00Z", 3)).toEqual([
      "2026-04-04T14:00:00Z", // 01:00 +11
      "2026-04-04T15:30:00Z", // 02:00 +10:30 (02:00 +11 never shows: the clock turns back at 02:00)
      "2026-04-04T16:30:00Z",
    ]);
  });

  it("*/15 * * * * in Pacific/Chatham on 2026-09-27: 02:30 +12:45, then 03:45 +13:45", () => {
    expect(fires(cron("*/15 * * * *", "Pacific/Chatham"), "2026-09-26T13:40:00Z", 3)).toEqual([
      "2026-09-26T13:45:00Z",
      "2026-09-26T14:00:00Z",
      "2026-09-26T14:15:00Z",
    ]);
  });

  it("0 * * * * in Pacific/Chatham on 2026-04-05 fires 03:00 in both passes", () => {
    expect(fires(cron("0 * * * *", "Pacific/Chatham"), "2026-04-04T12:00:00Z", 4)).toEqual([
      "2026-04-04T12:15:00Z", // 02:00 +13:45
      "2026-04-04T13:15:00Z", // 03:00 +13:45
      "2026-04-04T14:15:00Z", // 03:00 +12:45
      "2026-04-04T15:15:00Z", // 04:00 +12:45
    ]);
  });

  it("*/30 * * * * in America/Havana: midnight gap on 2026-03-08, repeated 00:00–01:00 on 2026-11-01", () => {
    expect(fires(cron("*/30 * * * *", "America/Havana"), "2026-03-08T04:10:00Z", 3)).toEqual([
      "2026-03-08T04:30:00Z", // 03-07 23:30 −5
      "2026-03-08T05:00:00Z", // 01:00 −4 (00:00, 00:30 skipped)
      "2026-03-08T05:30:00Z",
    ]);
    expect(fires(cron("*/30 * * * *", "America/Havana"), "2026-11-01T03:50:00Z", 5)).toEqual([
      "2026-11-01T04:00:00Z", // 00:00 −4
      "2026-11-01T04:30:00Z",
      "2026-11-01T05:00:00Z", // 00:00 −5
      "2026-11-01T05:30:00Z",
      "2026-11-01T06:00:00Z",
    ]);
  });

  it("6-field */30 * * * * * in America/New_York crosses the 2026-03-08 gap 30 real seconds apart", () => {
    expect(fires(cron("*/30 * * * * *", "America/New_York"), "2026-03-08T06:59:00Z", 4)).toEqual([
      "2026-03-08T06:59:30Z",
      "2026-03-08T07:00:00Z",
      "2026-03-08T07:00:30Z",
      "2026-03-08T07:01:00Z",
    ]);
  });
});

describe("cron syntax", () => {
  it("6 fields: */20 * * * * * crosses the 2026/2027 year boundary", () => {
    expect(fires(cron("*/20 * * * * *", "UTC"), "2026-12-31T23:59:30Z", 4)).toEqual([
      "2026-12-31T23:59:40Z",
      "2027-01-01T00:00:00Z",
      "2027-01-01T00:00:20Z",
      "2027-01-01T00:00:40Z",
    ]);
  });

  it("6 fields: 15 30 9 * * * fires at 09:30:15", () => {
    expect(fires(cron("15 30 9 * * *", "UTC"), "2026-01-01T09:30:15Z", 1)).toEqual(["2026-01-02T09:30:15Z"]);
  });

  it("nicknames @yearly @annually @monthly @weekly @daily @midnight @hourly, from Wednesday 2026-12-30 12:00Z", () => {
    const after = "2026-12-30T12:00:00Z";
    expect(fires(cron("@yearly", "UTC"), after, 2)).toEqual(["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"]);
    expect(fires(cron("@annually", "UTC"), after, 2)).toEqual(["2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z"]);
    expect(fires(cron("@monthly", "UTC"), after, 2)).toEqual(["2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z"]);
    expect(fires(cron("@weekly", "UTC"), after, 2)).toEqual(["2027-01-03T00:00:00Z", "2027-01-10T00:00:00Z"]);
    expect(fires(cron("@daily", "UTC"), after, 2)).toEqual(["2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z"]);
    expect(fires(cron("@midnight", "UTC"), after, 2)).toEqual(["2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z"]);
    expect(fires(cron("@hourly", "UTC"), after, 2)).toEqual(["2026-12-30T13:00:00Z", "2026-12-30T14:00:00Z"]);
  });

  it("month and weekday names, any case: 0 12 * JAN,jul sun", () => {
    expect(fires(cron("0 12 * JAN,jul sun", "UTC"), "2026-01-01T00:00:00Z", 5)).toEqual([
      "2026-01-04T12:00:00Z",
      "2026-01-11T12:00:00Z",
      "2026-01-18T12:00:00Z",
      "2026-01-25T12:00:00Z",
      "2026-07-05T12:00:00Z",
    ]);
  });

  it("weekday name range: 0 9 * * MON-FRI skips the weekend after Friday 2026-01-02", () => {
    expect(fires(cron("0 9 * * MON-FRI", "UTC"), "2026-01-02T10:00:00Z", 2)).toEqual(["2026-01-05T09:00:00Z", "2026-01-06T09:00:00Z"]);
  });

  it("Sunday is 7 as well as 0: 0 0 * * 7", () => {
    expect(fires(cron("0 0 * * 7", "UTC"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-01-04T00:00:00Z"]);
  });

  it("ranges, steps and lists: 0,30 9-17/4 * * * and 15 10-12 * * 1-5", () => {
    expect(fires(cron("0,30 9-17/4 * * *", "UTC"), "2026-01-01T00:00:00Z", 7)).toEqual([
      "2026-01-01T09:00:00Z",
      "2026-01-01T09:30:00Z",
      "2026-01-01T13:00:00Z",
      "2026-01-01T13:30:00Z",
      "2026-01-01T17:00:00Z",
      "2026-01-01T17:30:00Z",
      "2026-01-02T09:00:00Z",
    ]);
    expect(fires(cron("15 10-12 * * 1-5", "UTC"), "2026-01-02T11:00:00Z", 4)).toEqual([
      "2026-01-02T11:15:00Z",
      "2026-01-02T12:15:00Z",
      "2026-01-05T10:15:00Z", // Friday → Monday
      "2026-01-05T11:15:00Z",
    ]);
  });

  it("day-of-month OR day-of-week when both are restricted: 0 0 10 * 1 (the 10th or a Monday)", () => {
    expect(fires(cron("0 0 10 * 1", "UTC"), "2026-02-01T00:00:00Z", 4)).toEqual([
      "2026-02-02T00:00:00Z", // Monday
      "2026-02-09T00:00:00Z", // Monday
      "2026-02-10T00:00:00Z", // the 10th (a Tuesday)
      "2026-02-16T00:00:00Z", // Monday
    ]);
  });

  it("only the restricted one counts when the other is *: 0 0 10 * * and 0 0 * * 1", () => {
    expect(fires(cron("0 0 10 * *", "UTC"), "2026-02-01T00:00:00Z", 2)).toEqual(["2026-02-10T00:00:00Z", "2026-03-10T00:00:00Z"]);
    expect(fires(cron("0 0 * * 1", "UTC"), "2026-02-01T00:00:00Z", 2)).toEqual(["2026-02-02T00:00:00Z", "2026-02-09T00:00:00Z"]);
  });

  it("a + before day-of-week means AND: 0 0 10 * +1 fires only on a Monday the 10th", () => {
    expect(fires(cron("0 0 10 * +1", "UTC"), "2026-02-01T00:00:00Z", 2)).toEqual(["2026-08-10T00:00:00Z", "2027-05-10T00:00:00Z"]);
  });

  it("Quartz L (last day of month): 0 0 L * *, and L in February of a leap year", () => {
    expect(fires(cron("0 0 L * *", "UTC"), "2026-01-15T00:00:00Z", 3)).toEqual([
      "2026-01-31T00:00:00Z",
      "2026-02-28T00:00:00Z",
      "2026-03-31T00:00:00Z",
    ]);
    expect(fires(cron("0 0 L 2 *", "UTC"), "2027-03-01T00:00:00Z", 1)).toEqual(["2028-02-29T00:00:00Z"]);
  });

  it("Quartz W (nearest weekday): 0 0 15W * * moves a Sunday 15th to Monday the 16th", () => {
    expect(fires(cron("0 0 15W * *", "UTC"), "2026-01-01T00:00:00Z", 4)).toEqual([
      "2026-01-15T00:00:00Z", // Thursday
      "2026-02-16T00:00:00Z", // 15th is a Sunday
      "2026-03-16T00:00:00Z", // 15th is a Sunday
      "2026-04-15T00:00:00Z", // Wednesday
    ]);
  });

  it("Quartz W does not leave the month: 0 0 1W * * with Saturday 2026-08-01 fires Monday 08-03", () => {
    expect(fires(cron("0 0 1W * *", "UTC"), "2026-08-01T00:00:00Z", 1)).toEqual(["2026-08-03T00:00:00Z"]);
  });

  it("Quartz LW (last weekday of the month): 0 0 LW * *", () => {
    expect(fires(cron("0 0 LW * *", "UTC"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-01-30T00:00:00Z", // 31st is a Saturday
      "2026-02-27T00:00:00Z", // 28th is a Saturday
      "2026-03-31T00:00:00Z", // Tuesday
    ]);
  });

  it("Quartz # (nth weekday): 0 9 * * MON#2 is the second Monday", () => {
    expect(fires(cron("0 9 * * MON#2", "UTC"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-01-12T09:00:00Z",
      "2026-02-09T09:00:00Z",
      "2026-03-09T09:00:00Z",
    ]);
  });

  it("last Friday of the month: 5#L, FRI#L and 5L", () => {
    const expected = ["2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-27T00:00:00Z"];
    for (const dow of ["5#L", "FRI#L", "5L"]) {
      expect(fires(cron(`0 0 * * ${dow}`, "UTC"), "2026-01-01T00:00:00Z", 3), dow).toEqual(expected);
    }
  });

  it("leap day: 0 0 29 2 * next fires on 2028-02-29, then 2032-02-29", () => {
    expect(fires(cron("0 0 29 2 *", "UTC"), "2026-01-01T00:00:00Z", 2)).toEqual(["2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"]);
  });

  it("the 31st: 0 0 31 * * skips April and June", () => {
    expect(fires(cron("0 0 31 * *", "UTC"), "2026-03-01T00:00:00Z", 4)).toEqual([
      "2026-03-31T00:00:00Z",
      "2026-05-31T00:00:00Z",
      "2026-07-31T00:00:00Z",
      "2026-08-31T00:00:00Z",
    ]);
  });

  it("year boundaries: 59 23 31 12 * in UTC; New Year in Europe/Berlin and Pacific/Chatham", () => {
    expect(fires(cron("59 23 31 12 *", "UTC"), "2026-06-01T00:00:00Z", 2)).toEqual(["2026-12-31T23:59:00Z", "2027-12-31T23:59:00Z"]);
    expect(fires(cron("0 0 1 1 *", "Europe/Berlin"), "2026-06-01T00:00:00Z", 1)).toEqual(["2026-12-31T23:00:00Z"]);
    expect(fires(cron("0 0 1 1 *", "Pacific/Chatham"), "2026-06-01T00:00:00Z", 2)).toEqual(["2026-12-31T10:15:00Z", "2027-12-31T10:15:00Z"]);
  });
});

describe("cron bounds (start and end inclusive)", () => {
  it("a fire exactly at start and one exactly at end are both included; the series stops at end", () => {
    const trigger = cron("0 0 * * *", "UTC", { start: "2026-03-01T00:00:00Z", end: "2026-03-03T00:00:00Z" });
    expect(fires(trigger, "2026-01-01T00:00:00Z", 5)).toEqual(["2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z", "2026-03-03T00:00:00Z"]);
  });

  it("start with an offset (2027-01-01T10:00+01:00 = 09:00Z) includes the 09:00Z fire", () => {
    const trigger = cron("0 9 * * *", "UTC", { start: "2027-01-01T10:00:00+01:00", end: "2027-01-03T09:00:00Z" });
    expect(fires(trigger, "2026-01-01T00:00:00Z", 5)).toEqual(["2027-01-01T09:00:00Z", "2027-01-02T09:00:00Z", "2027-01-03T09:00:00Z"]);
  });

  it("after equal to start: the fire at start is not strictly after, so it is left out", () => {
    const trigger = cron("0 0 * * *", "UTC", { start: "2026-03-01T00:00:00Z" });
    expect(fires(trigger, "2026-03-01T00:00:00Z", 1)).toEqual(["2026-03-02T00:00:00Z"]);
  });

  it("a fire at the gap's end counts when it equals start (30 2 * * * New York, start 2026-03-08T07:00Z)", () => {
    const trigger = cron("30 2 * * *", "America/New_York", { start: "2026-03-08T07:00:00Z" });
    expect(fires(trigger, "2026-01-01T00:00:00Z", 2)).toEqual(["2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"]);
  });

  it("end exactly on a fire: 0 0 1 1 * with end 2027-01-01T00:00Z gives that one fire, then nothing", () => {
    const trigger = cron("0 0 1 1 *", "UTC", { end: "2027-01-01T00:00:00Z" });
    expect(fires(trigger, "2026-12-31T23:59:59Z", 3)).toEqual(["2027-01-01T00:00:00Z"]);
    expect(fires(trigger, "2027-01-01T00:00:00Z", 3)).toEqual([]);
  });

  it("end one millisecond before a fire (2026-03-01T23:59:59.999Z) leaves that fire out", () => {
    const trigger = cron("0 0 * * *", "UTC", { end: "2026-03-01T23:59:59.999Z" });
    expect(fires(trigger, "2026-02-28T12:00:00Z", 3)).toEqual(["2026-03-01T00:00:00Z"]);
  });
});

describe("count", () => {
  it("count 0 gives an empty list for every trigger type", () => {
    const after = "2026-01-01T00:00:00Z";
    expect(fires(cron("* * * * *", "UTC"), after, 0)).toEqual([]);
    expect(fires(interval({ minutes: 1 }, "2025-01-01T00:00:00Z"), after, 0)).toEqual([]);
    expect(fires(date("2026-06-01T00:00:00Z", "UTC"), after, 0)).toEqual([]);
    expect(fires(calendar({ days: 1 }, "09:00", "2025-01-01", "UTC"), after, 0)).toEqual([]);
  });

  it("count 1 gives the single next fire; count 1000 (the maximum) is accepted", () => {
    expect(fires(cron("*/5 * * * *", "UTC"), "2026-01-01T00:02:00Z", 1)).toEqual(["2026-01-01T00:05:00Z"]);
    expect(nextFireTimes(cron("* * * * * *", "UTC"), new Date("2026-01-01T00:00:00Z"), 1000)).toHaveLength(1000);
  });
});

describe("interval triggers (anchored at start, absolute time)", () => {
  it("every 15 minutes: the first fire is start when after is earlier", () => {
    expect(fires(interval({ minutes: 15 }, "2026-01-01T10:00:00Z"), "2025-12-31T00:00:00Z", 3)).toEqual([
      "2026-01-01T10:00:00Z",
      "2026-01-01T10:15:00Z",
      "2026-01-01T10:30:00Z",
    ]);
  });

  it("every 15 minutes: after equal to start skips start; after between fires gives the next multiple", () => {
    const trigger = interval({ minutes: 15 }, "2026-01-01T10:00:00Z");
    expect(fires(trigger, "2026-01-01T10:00:00Z", 1)).toEqual(["2026-01-01T10:15:00Z"]);
    expect(fires(trigger, "2026-01-01T10:29:59.999Z", 1)).toEqual(["2026-01-01T10:30:00Z"]);
    expect(fires(trigger, "2026-01-01T10:30:00Z", 1)).toEqual(["2026-01-01T10:45:00Z"]);
  });

  it("all units add up: 1 week 1 day 1 hour 1 minute 1 second", () => {
    expect(fires(interval({ weeks: 1, days: 1, hours: 1, minutes: 1, seconds: 1 }, "2026-01-01T00:00:00Z"), "2026-01-01T00:00:00Z", 2)).toEqual([
      "2026-01-09T01:01:01Z",
      "2026-01-17T02:02:02Z",
    ]);
  });

  it("every 1 day from 12:00 EST on 2026-03-07 runs 24 real hours apart: 13:00 EDT from 2026-03-08", () => {
    const trigger = interval({ days: 1 }, "2026-03-07T12:00:00-05:00", { timezone: "America/New_York" });
    expect(fires(trigger, "2026-03-01T00:00:00Z", 3)).toEqual(["2026-03-07T17:00:00Z", "2026-03-08T17:00:00Z", "2026-03-09T17:00:00Z"]);
  });

  it("every 1 hour in America/New_York on 2026-11-01: 01:00 EDT, 01:00 EST, 02:00 EST", () => {
    const trigger = interval({ hours: 1 }, "2026-11-01T05:00:00Z", { timezone: "America/New_York" });
    expect(fires(trigger, "2026-11-01T00:00:00Z", 3)).toEqual(["2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"]);
  });

  it("every 20 minutes in Australia/Lord_Howe across the 30-minute change: unaffected", () => {
    const trigger = interval({ minutes: 20 }, "2026-10-03T15:00:00Z", { timezone: "Australia/Lord_Howe" });
    expect(fires(trigger, "2026-10-03T15:00:00Z", 3)).toEqual(["2026-10-03T15:20:00Z", "2026-10-03T15:40:00Z", "2026-10-03T16:00:00Z"]);
  });

  it("end is inclusive and ends the series early (fewer results than count)", () => {
    const trigger = interval({ hours: 6 }, "2026-01-01T00:00:00Z", { end: "2026-01-01T12:00:00Z" });
    expect(fires(trigger, "2025-12-31T00:00:00Z", 10)).toEqual(["2026-01-01T00:00:00Z", "2026-01-01T06:00:00Z", "2026-01-01T12:00:00Z"]);
    expect(fires(trigger, "2026-01-01T12:00:00Z", 10)).toEqual([]);
  });

  it("end equal to start: exactly one fire", () => {
    const trigger = interval({ seconds: 1 }, "2026-01-01T00:00:00Z", { end: "2026-01-01T00:00:00Z" });
    expect(fires(trigger, "2025-01-01T00:00:00Z", 5)).toEqual(["2026-01-01T00:00:00Z"]);
  });
});

describe("date triggers (one-off)", () => {
  it("an instant with Z fires once, whatever the count; nothing once it has passed", () => {
    const trigger = date("2026-12-01T10:15:00Z", "Asia/Kolkata");
    expect(fires(trigger, "2026-01-01T00:00:00Z", 5)).toEqual(["2026-12-01T10:15:00Z"]);
    expect(fires(trigger, "2026-12-01T10:15:00Z", 5)).toEqual([]);
    expect(fires(trigger, "2027-01-01T00:00:00Z", 5)).toEqual([]);
  });

  it("an instant with an offset is that instant: 2026-11-01T01:30:00-05:00 is the second 01:30 in New York", () => {
    expect(fires(date("2026-11-01T01:30:00-05:00", "America/New_York"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-11-01T06:30:00Z"]);
    expect(fires(date("2026-11-01T01:30:00-05:00", "Asia/Tokyo"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-11-01T06:30:00Z"]);
  });

  it("a wall time is read in the zone: 2026-12-01T10:15 in New York, Kolkata, Kathmandu", () => {
    expect(fires(date("2026-12-01T10:15", "America/New_York"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-12-01T15:15:00Z"]);
    expect(fires(date("2026-12-01T10:15", "Asia/Kolkata"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-12-01T04:45:00Z"]);
    expect(fires(date("2026-12-01T10:15:00", "Asia/Kathmandu"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-12-01T04:30:00Z"]);
  });

  it("a wall time in a gap fires at the gap's end: 2026-03-08T02:30 New York → 03:00 EDT", () => {
    expect(fires(date("2026-03-08T02:30", "America/New_York"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-03-08T07:00:00Z"]);
  });

  it("a repeated wall time fires at its first occurrence: 2026-11-01T01:30 New York → 01:30 EDT", () => {
    expect(fires(date("2026-11-01T01:30", "America/New_York"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-11-01T05:30:00Z"]);
  });

  it("gap and repeat at midnight in America/Havana", () => {
    expect(fires(date("2026-03-08T00:30", "America/Havana"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-03-08T05:00:00Z"]);
    expect(fires(date("2026-11-01T00:30", "America/Havana"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-11-01T04:30:00Z"]);
  });

  it("gap and repeat in Australia/Lord_Howe (30 minutes)", () => {
    expect(fires(date("2026-10-04T02:15", "Australia/Lord_Howe"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-10-03T15:30:00Z"]);
    expect(fires(date("2026-04-05T01:45", "Australia/Lord_Howe"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-04-04T14:45:00Z"]);
  });

  it("gap and repeat in Pacific/Chatham (+12:45/+13:45)", () => {
    expect(fires(date("2026-09-27T03:00", "Pacific/Chatham"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-09-26T14:00:00Z"]);
    expect(fires(date("2026-04-05T03:00", "Pacific/Chatham"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-04-04T13:15:00Z"]);
  });
});

describe("calendar triggers (local wall time, steps from startDate)", () => {
  it("monthly from January 31 clamps to the month's end and returns to the 31st (not cumulative)", () => {
    expect(fires(calendar({ months: 1 }, "09:00", "2026-01-31", "UTC"), "2026-01-01T00:00:00Z", 5)).toEqual([
      "2026-01-31T09:00:00Z",
      "2026-02-28T09:00:00Z",
      "2026-03-31T09:00:00Z",
      "2026-04-30T09:00:00Z",
      "2026-05-31T09:00:00Z",
    ]);
  });

  it("monthly from 2028-01-31: February 29 in the leap year", () => {
    expect(fires(calendar({ months: 1 }, "09:00", "2028-01-31", "UTC"), "2028-01-01T00:00:00Z", 3)).toEqual([
      "2028-01-31T09:00:00Z",
      "2028-02-29T09:00:00Z",
      "2028-03-31T09:00:00Z",
    ]);
  });

  it("monthly from 2026-01-31, years later: still the 31st when the month has one", () => {
    expect(fires(calendar({ months: 1 }, "09:00", "2026-01-31", "UTC"), "2030-05-01T00:00:00Z", 3)).toEqual([
      "2030-05-31T09:00:00Z",
      "2030-06-30T09:00:00Z",
      "2030-07-31T09:00:00Z",
    ]);
  });

  it("yearly from 2028-02-29: February 28 in common years, 29 again in 2032", () => {
    expect(fires(calendar({ years: 1 }, "09:00", "2028-02-29", "UTC"), "2028-01-01T00:00:00Z", 5)).toEqual([
      "2028-02-29T09:00:00Z",
      "2029-02-28T09:00:00Z",
      "2030-02-28T09:00:00Z",
      "2031-02-28T09:00:00Z",
      "2032-02-29T09:00:00Z",
    ]);
  });

  it("every 2 weeks at 10:00 Europe/London keeps 10:00 local across the March change", () => {
    expect(fires(calendar({ weeks: 2 }, "10:00", "2026-03-16", "Europe/London"), "2026-03-01T00:00:00Z", 3)).toEqual([
      "2026-03-16T10:00:00Z", // GMT
      "2026-03-30T09:00:00Z", // BST
      "2026-04-13T09:00:00Z",
    ]);
  });

  it("every 3 days across a year boundary", () => {
    expect(fires(calendar({ days: 3 }, "23:30", "2026-12-28", "UTC"), "2026-12-01T00:00:00Z", 3)).toEqual([
      "2026-12-28T23:30:00Z",
      "2026-12-31T23:30:00Z",
      "2027-01-03T23:30:00Z",
    ]);
  });

  it("daily at 08:00 in New York stays 08:00 local across 2026-03-08 (unlike a 1-day interval)", () => {
    expect(fires(calendar({ days: 1 }, "08:00", "2026-03-07", "America/New_York"), "2026-01-01T00:00:00Z", 2)).toEqual([
      "2026-03-07T13:00:00Z",
      "2026-03-08T12:00:00Z",
    ]);
  });

  it("daily at 02:30 in New York: gap on 2026-03-08 → 03:00 EDT", () => {
    expect(fires(calendar({ days: 1 }, "02:30", "2026-03-07", "America/New_York"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-03-07T07:30:00Z",
      "2026-03-08T07:00:00Z",
      "2026-03-09T06:30:00Z",
    ]);
    expect(fires(calendar({ days: 1 }, "02:30", "2026-03-07", "America/New_York"), "2026-03-08T07:00:00Z", 1)).toEqual(["2026-03-09T06:30:00Z"]);
  });

  it("daily at 01:30 in New York: once on 2026-11-01, at 01:30 EDT", () => {
    expect(fires(calendar({ days: 1 }, "01:30", "2026-10-31", "America/New_York"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-10-31T05:30:00Z",
      "2026-11-01T05:30:00Z",
      "2026-11-02T06:30:00Z",
    ]);
  });

  it("daily at 02:30 in Europe/Berlin: gap on 2026-03-29, first occurrence on 2026-10-25", () => {
    expect(fires(calendar({ days: 1 }, "02:30", "2026-03-28", "Europe/Berlin"), "2026-01-01T00:00:00Z", 2)).toEqual([
      "2026-03-28T01:30:00Z",
      "2026-03-29T01:00:00Z",
    ]);
    expect(fires(calendar({ days: 1 }, "02:30", "2026-10-25", "Europe/Berlin"), "2026-01-01T00:00:00Z", 2)).toEqual([
      "2026-10-25T00:30:00Z",
      "2026-10-26T01:30:00Z",
    ]);
  });

  it("daily at 02:30 in Australia/Sydney: gap on 2026-10-04, first occurrence on 2026-04-05", () => {
    expect(fires(calendar({ days: 1 }, "02:30", "2026-10-04", "Australia/Sydney"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-10-03T16:00:00Z"]);
    expect(fires(calendar({ days: 1 }, "02:30", "2026-04-05", "Australia/Sydney"), "2026-01-01T00:00:00Z", 1)).toEqual(["2026-04-04T15:30:00Z"]);
  });

  it("daily at midnight in America/Havana: 01:00 on 2026-03-08, the first midnight on 2026-11-01", () => {
    expect(fires(calendar({ days: 1 }, "00:00", "2026-03-07", "America/Havana"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-03-07T05:00:00Z",
      "2026-03-08T05:00:00Z",
      "2026-03-09T04:00:00Z",
    ]);
    expect(fires(calendar({ days: 1 }, "00:00", "2026-10-31", "America/Havana"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-10-31T04:00:00Z",
      "2026-11-01T04:00:00Z",
      "2026-11-02T05:00:00Z",
    ]);
  });

  it("daily in Australia/Lord_Howe at 02:15 (gap) and 01:45 (repeat)", () => {
    expect(fires(calendar({ days: 1 }, "02:15", "2026-10-03", "Australia/Lord_Howe"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-10-02T15:45:00Z",
      "2026-10-03T15:30:00Z",
      "2026-10-04T15:15:00Z",
    ]);
    expect(fires(calendar({ days: 1 }, "01:45", "2026-04-04", "Australia/Lord_Howe"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-04-03T14:45:00Z",
      "2026-04-04T14:45:00Z",
      "2026-04-05T15:15:00Z",
    ]);
  });

  it("daily at 03:00 in Pacific/Chatham: 03:45 on 2026-09-27", () => {
    expect(fires(calendar({ days: 1 }, "03:00", "2026-09-26", "Pacific/Chatham"), "2026-01-01T00:00:00Z", 3)).toEqual([
      "2026-09-25T14:15:00Z",
      "2026-09-26T14:00:00Z",
      "2026-09-27T13:15:00Z",
    ]);
  });

  it("at with seconds in Asia/Kathmandu: 12:00:30 +05:45", () => {
    expect(fires(calendar({ days: 1 }, "12:00:30", "2026-04-04", "Asia/Kathmandu"), "2026-04-04T06:15:30Z", 2)).toEqual([
      "2026-04-05T06:15:30Z",
      "2026-04-06T06:15:30Z",
    ]);
  });

  it("endDate is inclusive (a run late on endDate counts) and ends the series early", () => {
    expect(fires(calendar({ days: 1 }, "23:59:59", "2026-01-05", "UTC", { endDate: "2026-01-07" }), "2026-01-01T00:00:00Z", 10)).toEqual([
      "2026-01-05T23:59:59Z",
      "2026-01-06T23:59:59Z",
      "2026-01-07T23:59:59Z",
    ]);
    expect(fires(calendar({ days: 1 }, "10:00", "2026-01-05", "Asia/Kolkata", { endDate: "2026-01-05" }), "2026-01-01T00:00:00Z", 10)).toEqual([
      "2026-01-05T04:30:00Z",
    ]);
  });
});

describe("out-of-range results", () => {
  // The output contract: real, increasing instants (or a ValidationError for input that cannot run).
  function validOrRefused(run: () => Date[]): void {
    let times: Date[] = [];
    try {
      times = run();
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return;
    }
    for (const time of times) expect(Number.isNaN(time.getTime()), "an Invalid Date was returned").toBe(false);
  }

  it("interval of 1,000,000 weeks (accepted by the schema) never returns an Invalid Date", () => {
    validOrRefused(() => nextFireTimes(interval({ weeks: 1_000_000 }, "2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"), 20));
  });

  it("calendar every 1,000,000 years (accepted by the schema) returns valid dates or a ValidationError, not a RangeError", () => {
    validOrRefused(() => nextFireTimes(calendar({ years: 1_000_000 }, "09:00", "2026-01-01", "UTC"), new Date("2020-01-01T00:00:00Z"), 3));
  });
});
