// Wall clock ↔ instant conversions. A "wall" value is the wall reading encoded as if it were UTC.
import { describe, expect, it } from "vitest";
import { instantOfWall, offsetAt, parseWallTime, wallFields, wallOf } from "@/lib/schedule/zoned-time";

const HOUR = 3_600_000;
const MINUTE = 60_000;
const wall = (text: string) => Date.parse(`${text}Z`); // "2026-03-08T02:30:00" read as a wall value
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

describe("wallOf", () => {
  it("reads the local wall clock of an instant (normal, EST/EDT, +5:30, +5:45, +12:45)", () => {
    expect(iso(wallOf(at("2026-01-15T12:00:00Z"), "UTC"))).toBe("2026-01-15T12:00:00.000Z");
    expect(iso(wallOf(at("2026-01-15T12:00:00Z"), "America/New_York"))).toBe("2026-01-15T07:00:00.000Z");
    expect(iso(wallOf(at("2026-07-15T12:00:00Z"), "America/New_York"))).toBe("2026-07-15T08:00:00.000Z");
    expect(iso(wallOf(at("2026-01-15T12:00:00Z"), "Asia/Kolkata"))).toBe("2026-01-15T17:30:00.000Z");
    expect(iso(wallOf(at("2026-12-31T18:15:00Z"), "Asia/Kathmandu"))).toBe("2027-01-01T00:00:00.000Z");
    expect(iso(wallOf(at("2026-07-15T12:00:00Z"), "Pacific/Chatham"))).toBe("2026-07-16T00:45:00.000Z");
  });

  it("keeps milliseconds and reads midnight as 00, not 24", () => {
    expect(iso(wallOf(at("2026-01-15T05:00:00.123Z"), "America/New_York"))).toBe("2026-01-15T00:00:00.123Z");
  });

  it("reads the same wall time twice across a fall-back (01:30 EDT and 01:30 EST)", () => {
    expect(wallOf(at("2026-11-01T05:30:00Z"), "America/New_York")).toBe(wall("2026-11-01T01:30:00"));
    expect(wallOf(at("2026-11-01T06:30:00Z"), "America/New_York")).toBe(wall("2026-11-01T01:30:00"));
  });

  it("jumps over the gap at a spring-forward (01:59:59 EST, then 03:00:00 EDT)", () => {
    expect(wallOf(at("2026-03-08T06:59:59Z"), "America/New_York")).toBe(wall("2026-03-08T01:59:59"));
    expect(wallOf(at("2026-03-08T07:00:00Z"), "America/New_York")).toBe(wall("2026-03-08T03:00:00"));
  });
});

describe("offsetAt", () => {
  it("gives the offset east of UTC in ms, including half-hour and 45-minute offsets", () => {
    expect(offsetAt(at("2026-01-15T12:00:00Z"), "UTC")).toBe(0);
    expect(offsetAt(at("2026-01-15T12:00:00Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(offsetAt(at("2026-07-15T12:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
    expect(offsetAt(at("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe(5 * HOUR + 30 * MINUTE);
    expect(offsetAt(at("2026-01-15T12:00:00Z"), "Asia/Kathmandu")).toBe(5 * HOUR + 45 * MINUTE);
    expect(offsetAt(at("2026-07-15T12:00:00Z"), "Pacific/Chatham")).toBe(12 * HOUR + 45 * MINUTE);
    expect(offsetAt(at("2026-01-15T12:00:00Z"), "Pacific/Chatham")).toBe(13 * HOUR + 45 * MINUTE);
    expect(offsetAt(at("2026-07-15T12:00:00Z"), "Australia/Lord_Howe")).toBe(10 * HOUR + 30 * MINUTE);
    expect(offsetAt(at("2026-01-15T12:00:00Z"), "Australia/Lord_Howe")).toBe(11 * HOUR);
  });

  it("changes exactly at the transition instant (New York 2026-03-08T07:00Z, Lord Howe 2026-10-03T15:30Z)", () => {
    expect(offsetAt(at("2026-03-08T06:59:59.999Z"), "America/New_York")).toBe(-5 * HOUR);
    expect(offsetAt(at("2026-03-08T07:00:00Z"), "America/New_York")).toBe(-4 * HOUR);
    expect(offsetAt(at("2026-10-03T15:29:59Z"), "Australia/Lord_Howe")).toBe(10 * HOUR + 30 * MINUTE);
    expect(offsetAt(at("2026-10-03T15:30:00Z"), "Australia/Lord_Howe")).toBe(11 * HOUR);
  });
});

describe("instantOfWall", () => {
  it("normal wall times: one instant each", () => {
    expect(iso(instantOfWall(wall("2026-01-15T09:00:00"), "UTC"))).toBe("2026-01-15T09:00:00.000Z");
    expect(iso(instantOfWall(wall("2026-01-15T09:00:00"), "America/New_York"))).toBe("2026-01-15T14:00:00.000Z");
    expect(iso(instantOfWall(wall("2026-07-15T09:00:00"), "Europe/Berlin"))).toBe("2026-07-15T07:00:00.000Z");
    expect(iso(instantOfWall(wall("2026-07-15T09:00:00.250"), "Europe/Berlin"))).toBe("2026-07-15T07:00:00.250Z");
  });

  it("half-hour and 45-minute offsets (Kolkata +5:30, Kathmandu +5:45, Chatham +12:45/+13:45)", () => {
    expect(iso(instantOfWall(wall("2026-01-15T09:00:00"), "Asia/Kolkata"))).toBe("2026-01-15T03:30:00.000Z");
    expect(iso(instantOfWall(wall("2026-01-15T09:00:00"), "Asia/Kathmandu"))).toBe("2026-01-15T03:15:00.000Z");
    expect(iso(instantOfWall(wall("2026-07-15T09:00:00"), "Pacific/Chatham"))).toBe("2026-07-14T20:15:00.000Z");
    expect(iso(instantOfWall(wall("2026-01-15T09:00:00"), "Pacific/Chatham"))).toBe("2026-01-14T19:15:00.000Z");
  });

  it("gap: a missing wall time names the first instant after the gap", () => {
    // New York 02:00–03:00 on 2026-03-08
    expect(iso(instantOfWall(wall("2026-03-08T02:00:00"), "America/New_York"))).toBe("2026-03-08T07:00:00.000Z");
    expect(iso(instantOfWall(wall("2026-03-08T02:30:00"), "America/New_York"))).toBe("2026-03-08T07:00:00.000Z");
    expect(iso(instantOfWall(wall("2026-03-08T02:59:59"), "America/New_York"))).toBe("2026-03-08T07:00:00.000Z");
    // Lord Howe 02:00–02:30 on 2026-10-04 (30 minutes)
    expect(iso(instantOfWall(wall("2026-10-04T02:15:00"), "Australia/Lord_Howe"))).toBe("2026-10-03T15:30:00.000Z");
    // Chatham 02:45–03:45 on 2026-09-27 (+12:45 → +13:45)
    expect(iso(instantOfWall(wall("2026-09-27T03:00:00"), "Pacific/Chatham"))).toBe("2026-09-26T14:00:00.000Z");
    // Havana 00:00–01:00 on 2026-03-08 (midnight)
    expect(iso(instantOfWall(wall("2026-03-08T00:00:00"), "America/Havana"))).toBe("2026-03-08T05:00:00.000Z");
  });

  it("the wall time right at the gap's end and right before it are ordinary", () => {
    expect(iso(instantOfWall(wall("2026-03-08T03:00:00"), "America/New_York"))).toBe("2026-03-08T07:00:00.000Z");
    expect(iso(instantOfWall(wall("2026-03-08T01:59:59"), "America/New_York"))).toBe("2026-03-08T06:59:59.000Z");
  });

  it("repeat: a wall time that occurs twice names its first occurrence", () => {
    expect(iso(instantOfWall(wall("2026-11-01T01:30:00"), "America/New_York"))).toBe("2026-11-01T05:30:00.000Z"); // EDT
    expect(iso(instantOfWall(wall("2026-10-25T02:30:00"), "Europe/Berlin"))).toBe("2026-10-25T00:30:00.000Z"); // CEST
    expect(iso(instantOfWall(wall("2026-04-05T02:30:00"), "Australia/Sydney"))).toBe("2026-04-04T15:30:00.000Z"); // +11
    expect(iso(instantOfWall(wall("2026-04-05T01:45:00"), "Australia/Lord_Howe"))).toBe("2026-04-04T14:45:00.000Z"); // +11
    expect(iso(instantOfWall(wall("2026-04-05T03:00:00"), "Pacific/Chatham"))).toBe("2026-04-04T13:15:00.000Z"); // +13:45
    expect(iso(instantOfWall(wall("2026-11-01T00:00:00"), "America/Havana"))).toBe("2026-11-01T04:00:00.000Z"); // −4
  });

  it("round-trips with wallOf for ordinary times in every zone", () => {
    const zones = ["UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "America/Havana"];
    for (const zone of zones) {
      const instant = at("2026-06-10T11:22:33Z");
      expect(instantOfWall(wallOf(instant, zone), zone), zone).toBe(instant);
    }
  });
});

describe("parseWallTime", () => {
  it("parses date-times without an offset, with T or a space, with or without seconds and ms", () => {
    expect(parseWallTime("2026-12-01T10:15")).toBe(Date.UTC(2026, 11, 1, 10, 15));
    expect(parseWallTime("2026-12-01 10:15")).toBe(Date.UTC(2026, 11, 1, 10, 15));
    expect(parseWallTime("2026-12-01T10:15:30")).toBe(Date.UTC(2026, 11, 1, 10, 15, 30));
    expect(parseWallTime("2026-12-01T10:15:30.5")).toBe(Date.UTC(2026, 11, 1, 10, 15, 30, 500));
    expect(parseWallTime("2026-12-01T10:15:30.123")).toBe(Date.UTC(2026, 11, 1, 10, 15, 30, 123));
  });

  it("parses a bare date as midnight", () => {
    expect(parseWallTime("2028-02-29")).toBe(Date.UTC(2028, 1, 29));
  });

  it("drops digits past milliseconds", () => {
    expect(parseWallTime("2026-12-01T10:15:30.123456")).toBe(Date.UTC(2026, 11, 1, 10, 15, 30, 123));
  });

  it("refuses text that is not a wall time (offset, missing minutes, words)", () => {
    for (const text of ["2026-12-01T10:15:00Z", "2026-12-01T10:15:00+01:00", "2026-12-01T10", "tomorrow", ""]) {
      expect(() => parseWallTime(text), text).toThrow(RangeError);
    }
  });
});

describe("wallFields", () => {
  it("splits a wall value into its fields", () => {
    expect(wallFields(wall("2028-02-29T23:59:58"))).toEqual({ year: 2028, month: 2, day: 29, hour: 23, minute: 59, second: 58 });
  });
});
